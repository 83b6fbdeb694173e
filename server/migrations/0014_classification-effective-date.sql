CREATE TABLE "store_week_purchase_cycles" (
	"tenant_id" integer NOT NULL,
	"cycle_id" integer NOT NULL,
	"summarised_at" timestamp with time zone NOT NULL,
	CONSTRAINT "store_week_purchase_cycles_tenant_id_cycle_id_pk" PRIMARY KEY("tenant_id","cycle_id")
);
--> statement-breakpoint
CREATE TABLE "store_week_purchases" (
	"tenant_id" integer NOT NULL,
	"cycle_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"quantity" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"high_class_amount_fen" bigint NOT NULL,
	"online" boolean NOT NULL,
	CONSTRAINT "store_week_purchases_tenant_id_cycle_id_customer_id_pk" PRIMARY KEY("tenant_id","cycle_id","customer_id")
);
--> statement-breakpoint
DROP INDEX "customers_tenant_class_idx";--> statement-breakpoint
ALTER TABLE "customer_class_history" ADD COLUMN "pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "customer_class_history_pending_idx" ON "customer_class_history" USING btree ("tenant_id","effective_on") WHERE "customer_class_history"."pending";--> statement-breakpoint
-- Room on every page for a new row version, so that writing a store's class (no indexed column
-- changes) is a HOT update: approval of a run no longer writes to customers' 14 indexes.
ALTER TABLE "customers" SET (fillfactor = 85);
