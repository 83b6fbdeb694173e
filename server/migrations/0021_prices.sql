CREATE TABLE "price_margin_groups" (
	"tenant_id" integer NOT NULL,
	"week_start" date NOT NULL,
	"branch_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"manager_id" integer NOT NULL,
	"class_code" text NOT NULL,
	"district_code" text NOT NULL,
	"retail_fen" double precision NOT NULL,
	"wholesale_fen" double precision NOT NULL,
	"cartons" integer NOT NULL,
	"own_cartons" integer NOT NULL,
	"district_cartons" integer NOT NULL,
	"suggested_cartons" integer NOT NULL,
	"store_weeks" integer NOT NULL,
	CONSTRAINT "price_margin_groups_tenant_id_week_start_branch_id_org_path_manager_id_class_code_district_code_pk" PRIMARY KEY("tenant_id","week_start","branch_id","org_path","manager_id","class_code","district_code")
);
--> statement-breakpoint
CREATE TABLE "price_margin_refreshes" (
	"tenant_id" integer NOT NULL,
	"week_start" date NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"stores" integer NOT NULL,
	CONSTRAINT "price_margin_refreshes_tenant_id_week_start_pk" PRIMARY KEY("tenant_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "price_margin_weeks" (
	"tenant_id" integer NOT NULL,
	"week_start" date NOT NULL,
	"customer_id" integer NOT NULL,
	"retail_fen" double precision NOT NULL,
	"wholesale_fen" double precision NOT NULL,
	"cartons" integer NOT NULL,
	"own_cartons" integer NOT NULL,
	"district_cartons" integer NOT NULL,
	"suggested_cartons" integer NOT NULL,
	CONSTRAINT "price_margin_weeks_tenant_id_week_start_customer_id_pk" PRIMARY KEY("tenant_id","week_start","customer_id")
);
--> statement-breakpoint
CREATE TABLE "price_reports" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "price_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"product_id" integer NOT NULL,
	"customer_id" integer,
	"market_point" text,
	"district_code" text NOT NULL,
	"branch_id" integer,
	"org_path" text,
	"pack_price_fen" integer NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"reported_by" integer NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"flag_reason" text,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "price_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "price_reports_price_check" CHECK ("price_reports"."pack_price_fen" > 0),
	CONSTRAINT "price_reports_place_check" CHECK ("price_reports"."customer_id" IS NOT NULL OR "price_reports"."market_point" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "price_warning_rules" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "price_warning_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"scope" text NOT NULL,
	"price_class" smallint,
	"product_id" integer,
	"yellow_floor" double precision NOT NULL,
	"yellow_ceiling" double precision NOT NULL,
	"red_floor" double precision NOT NULL,
	"red_ceiling" double precision NOT NULL,
	"drop_points" double precision,
	"min_observations" integer NOT NULL,
	"updated_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "price_warning_rules_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "price_warning_rules_target_check" CHECK (("price_warning_rules"."scope" = 'default' AND "price_warning_rules"."price_class" IS NULL AND "price_warning_rules"."product_id" IS NULL)
        OR ("price_warning_rules"."scope" = 'price_class' AND "price_warning_rules"."price_class" BETWEEN 1 AND 5 AND "price_warning_rules"."product_id" IS NULL)
        OR ("price_warning_rules"."scope" = 'product' AND "price_warning_rules"."product_id" IS NOT NULL AND "price_warning_rules"."price_class" IS NULL)),
	CONSTRAINT "price_warning_rules_bands_check" CHECK ("price_warning_rules"."yellow_floor" < "price_warning_rules"."yellow_ceiling" AND "price_warning_rules"."red_floor" < "price_warning_rules"."red_ceiling"
        AND "price_warning_rules"."red_floor" <= "price_warning_rules"."yellow_floor" AND "price_warning_rules"."yellow_ceiling" <= "price_warning_rules"."red_ceiling"),
	CONSTRAINT "price_warning_rules_min_check" CHECK ("price_warning_rules"."min_observations" >= 1)
);
--> statement-breakpoint
CREATE TABLE "price_warnings" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "price_warnings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"product_id" integer NOT NULL,
	"region_kind" text NOT NULL,
	"region_key" text NOT NULL,
	"region_label" text NOT NULL,
	"org_path" text,
	"first_week" text NOT NULL,
	"first_week_start" date NOT NULL,
	"week" text NOT NULL,
	"week_start" date NOT NULL,
	"weeks" integer DEFAULT 1 NOT NULL,
	"index_value" double precision NOT NULL,
	"previous_index" double precision,
	"observations" integer NOT NULL,
	"mean_pack_price_fen" double precision NOT NULL,
	"suggested_pack_price_fen" double precision NOT NULL,
	"level" text NOT NULL,
	"rule" text NOT NULL,
	"rule_en" text NOT NULL,
	"rule_id" integer,
	"status" text DEFAULT 'new' NOT NULL,
	"owner_id" integer,
	"action_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"action_taken_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "price_warnings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "price_reports" ADD CONSTRAINT "price_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_reports" ADD CONSTRAINT "price_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_reports" ADD CONSTRAINT "price_reports_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_warning_rules" ADD CONSTRAINT "price_warning_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_warning_rules" ADD CONSTRAINT "price_warning_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_warning_rules" ADD CONSTRAINT "price_warning_rules_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_warnings" ADD CONSTRAINT "price_warnings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_warnings" ADD CONSTRAINT "price_warnings_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_warnings" ADD CONSTRAINT "price_warnings_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "price_reports_tenant_observed_idx" ON "price_reports" USING btree ("tenant_id","observed_at");--> statement-breakpoint
CREATE INDEX "price_reports_tenant_product_observed_idx" ON "price_reports" USING btree ("tenant_id","product_id","observed_at");--> statement-breakpoint
CREATE INDEX "price_reports_tenant_customer_product_idx" ON "price_reports" USING btree ("tenant_id","customer_id","product_id","observed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "price_warning_rules_target_key" ON "price_warning_rules" USING btree ("tenant_id","scope",coalesce("price_class", 0),coalesce("product_id", 0));--> statement-breakpoint
CREATE UNIQUE INDEX "price_warnings_open_key" ON "price_warnings" USING btree ("tenant_id","product_id","region_kind","region_key") WHERE "price_warnings"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "price_warnings_tenant_status_idx" ON "price_warnings" USING btree ("tenant_id","status","week_start");