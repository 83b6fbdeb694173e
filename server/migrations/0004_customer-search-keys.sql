ALTER TABLE "customers" ADD COLUMN "owner_pinyin" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "owner_initials" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name_grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "owner_address_grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_tenant_owner_initials_idx" ON "customers" USING btree ("tenant_id","owner_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_tenant_owner_pinyin_idx" ON "customers" USING btree ("tenant_id","owner_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_name_grams_idx" ON "customers" USING gin ("name_grams");--> statement-breakpoint
CREATE INDEX "customers_owner_address_grams_idx" ON "customers" USING gin ("owner_address_grams");