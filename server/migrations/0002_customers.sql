CREATE TABLE "customers" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "customers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"licence_no" text NOT NULL,
	"name" text NOT NULL,
	"owner" text NOT NULL,
	"phone" text NOT NULL,
	"address" text NOT NULL,
	"district_code" text NOT NULL,
	"urban_rural" text NOT NULL,
	"format" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"manager_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"order_day" smallint NOT NULL,
	"order_channel" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"licence_valid_until" date,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"name_pinyin" text,
	"name_initials" text,
	"search_text" text GENERATED ALWAYS AS (name || ' ' || owner || ' ' || address) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"tenant_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"urban_share" real DEFAULT 0.5 NOT NULL,
	CONSTRAINT "districts_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_tenant_id_branch_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","branch_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_tenant_id_district_code_districts_tenant_id_code_fk" FOREIGN KEY ("tenant_id","district_code") REFERENCES "public"."districts"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_tenant_licence_key" ON "customers" USING btree ("tenant_id","licence_no");--> statement-breakpoint
CREATE INDEX "customers_tenant_org_path_idx" ON "customers" USING btree ("tenant_id","org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_tenant_manager_idx" ON "customers" USING btree ("tenant_id","manager_id");--> statement-breakpoint
CREATE INDEX "customers_tenant_district_idx" ON "customers" USING btree ("tenant_id","district_code");--> statement-breakpoint
CREATE INDEX "customers_tenant_phone_idx" ON "customers" USING btree ("tenant_id","phone");--> statement-breakpoint
CREATE INDEX "customers_tenant_licence_prefix_idx" ON "customers" USING btree ("tenant_id","licence_no" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_tenant_initials_idx" ON "customers" USING btree ("tenant_id","name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_tenant_pinyin_idx" ON "customers" USING btree ("tenant_id","name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_tenant_name_idx" ON "customers" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "customers_tenant_updated_idx" ON "customers" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE INDEX "customers_search_trgm_idx" ON "customers" USING gin ("search_text" gin_trgm_ops);