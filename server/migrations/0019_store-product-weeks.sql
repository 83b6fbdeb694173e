CREATE TABLE "store_product_weeks" (
	"tenant_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"cycle_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"week_start" date NOT NULL,
	"ordered" integer NOT NULL,
	"quota" integer NOT NULL,
	CONSTRAINT "store_product_weeks_tenant_id_product_id_cycle_id_customer_id_pk" PRIMARY KEY("tenant_id","product_id","cycle_id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "store_product_weeks" ADD CONSTRAINT "store_product_weeks_tenant_id_cycle_id_order_cycles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","cycle_id") REFERENCES "public"."order_cycles"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "store_product_weeks_customer_idx" ON "store_product_weeks" USING btree ("tenant_id","customer_id","week_start");--> statement-breakpoint
INSERT INTO "store_product_weeks" ("tenant_id", "product_id", "cycle_id", "customer_id", "week_start", "ordered", "quota")
SELECT q.tenant_id, cp.product_id, q.cycle_id, q.customer_id, c.week_start, q.ordered[cp.position + 1], q.quotas[cp.position + 1]
FROM "store_quotas" q
JOIN "order_cycles" c ON c.tenant_id = q.tenant_id AND c.id = q.cycle_id
JOIN "cycle_products" cp ON cp.tenant_id = q.tenant_id AND cp.cycle_id = q.cycle_id
WHERE q.ordered[cp.position + 1] > 0;
