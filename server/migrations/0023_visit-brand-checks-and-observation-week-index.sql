ALTER TABLE "visits" ADD COLUMN "brand_checks" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "visit_price_observations_tenant_observed_idx" ON "visit_price_observations" USING btree ("tenant_id","observed_at");--> statement-breakpoint
CREATE INDEX "visits_brand_checks_idx" ON "visits" USING gin ("brand_checks" jsonb_path_ops);