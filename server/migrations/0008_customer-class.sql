ALTER TABLE "customers" ADD COLUMN "class_code" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "demo_type" text;--> statement-breakpoint
CREATE INDEX "customers_tenant_class_idx" ON "customers" USING btree ("tenant_id","class_code");