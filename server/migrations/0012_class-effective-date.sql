DROP INDEX "customers_tenant_class_idx";--> statement-breakpoint
ALTER TABLE "customer_class_history" ADD COLUMN "pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "customer_class_history_pending_idx" ON "customer_class_history" USING btree ("tenant_id","effective_on") WHERE "customer_class_history"."pending";--> statement-breakpoint
-- Room on every page for a new row version, so that writing a store's class (no indexed column
-- changes) is a HOT update: approval of a run no longer writes to customers' 14 indexes.
ALTER TABLE "customers" SET (fillfactor = 85);
