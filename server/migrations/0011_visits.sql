CREATE TABLE "service_items" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "service_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"standard" text NOT NULL,
	"frequency" text NOT NULL,
	"performed_by" text NOT NULL,
	"entitled_classes" text[] NOT NULL,
	"position" smallint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "service_method_ratings" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "service_method_ratings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"visit_id" integer,
	"rated_by" integer NOT NULL,
	"effectiveness" smallint NOT NULL,
	"pertinence" smallint NOT NULL,
	"economy" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_method_ratings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "service_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"customer_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"fulfilled_at" timestamp with time zone,
	"fulfilled_visit_id" integer,
	CONSTRAINT "service_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "visit_photos" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "visit_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"visit_id" integer,
	"uploaded_by" integer NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_photos_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "visit_plan_adjustments" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "visit_plan_adjustments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_item_id" integer NOT NULL,
	"kind" text NOT NULL,
	"from_date" date,
	"to_date" date,
	"reason" text NOT NULL,
	"adjusted_by" integer NOT NULL,
	"adjusted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_plan_adjustments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "visit_plan_items" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "visit_plan_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"month" text NOT NULL,
	"manager_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"planned_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"source" text DEFAULT 'generated' NOT NULL,
	"visit_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_plan_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "visit_price_observations" (
	"tenant_id" integer NOT NULL,
	"visit_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"pack_price_fen" integer NOT NULL,
	CONSTRAINT "visit_price_observations_tenant_id_visit_id_product_id_pk" PRIMARY KEY("tenant_id","visit_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "visit_standards" (
	"tenant_id" integer NOT NULL,
	"class_code" text NOT NULL,
	"visits_per_month" smallint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_standards_tenant_id_class_code_pk" PRIMARY KEY("tenant_id","class_code")
);
--> statement-breakpoint
CREATE TABLE "visit_stock_counts" (
	"tenant_id" integer NOT NULL,
	"visit_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"counted_at" timestamp with time zone NOT NULL,
	"cartons" double precision NOT NULL,
	CONSTRAINT "visit_stock_counts_tenant_id_visit_id_product_id_pk" PRIMARY KEY("tenant_id","visit_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "visit_store_overrides" (
	"tenant_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"visits_per_month" smallint NOT NULL,
	"reason" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_store_overrides_tenant_id_customer_id_pk" PRIMARY KEY("tenant_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"customer_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"plan_item_id" integer,
	"corrects_visit_id" integer,
	"correction_reason" text,
	"check_in_at" timestamp with time zone NOT NULL,
	"check_out_at" timestamp with time zone NOT NULL,
	"check_in_latitude" double precision,
	"check_in_longitude" double precision,
	"check_out_latitude" double precision,
	"check_out_longitude" double precision,
	"check_in_distance_m" integer,
	"checklist" jsonb NOT NULL,
	"image_score" smallint NOT NULL,
	"services_delivered" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"requests_fulfilled" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visits_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "service_items" ADD CONSTRAINT "service_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_method_ratings" ADD CONSTRAINT "service_method_ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_method_ratings" ADD CONSTRAINT "service_method_ratings_tenant_id_item_id_service_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."service_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_tenant_id_item_id_service_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."service_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_items" ADD CONSTRAINT "visit_plan_items_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_price_observations" ADD CONSTRAINT "visit_price_observations_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_standards" ADD CONSTRAINT "visit_standards_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_stock_counts" ADD CONSTRAINT "visit_stock_counts_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_store_overrides" ADD CONSTRAINT "visit_store_overrides_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_items_tenant_code_key" ON "service_items" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "service_method_ratings_tenant_item_idx" ON "service_method_ratings" USING btree ("tenant_id","item_id");--> statement-breakpoint
CREATE INDEX "service_requests_tenant_customer_idx" ON "service_requests" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "service_requests_tenant_status_idx" ON "service_requests" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "visit_photos_tenant_visit_idx" ON "visit_photos" USING btree ("tenant_id","visit_id");--> statement-breakpoint
CREATE INDEX "visit_plan_adjustments_tenant_item_idx" ON "visit_plan_adjustments" USING btree ("tenant_id","plan_item_id");--> statement-breakpoint
CREATE INDEX "visit_plan_items_tenant_manager_day_idx" ON "visit_plan_items" USING btree ("tenant_id","manager_id","planned_on");--> statement-breakpoint
CREATE INDEX "visit_plan_items_tenant_month_idx" ON "visit_plan_items" USING btree ("tenant_id","month");--> statement-breakpoint
CREATE INDEX "visit_plan_items_tenant_customer_idx" ON "visit_plan_items" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "visit_price_observations_tenant_product_idx" ON "visit_price_observations" USING btree ("tenant_id","product_id","observed_at");--> statement-breakpoint
CREATE INDEX "visit_stock_counts_tenant_customer_idx" ON "visit_stock_counts" USING btree ("tenant_id","customer_id","counted_at");--> statement-breakpoint
CREATE INDEX "visits_tenant_customer_idx" ON "visits" USING btree ("tenant_id","customer_id","check_in_at");--> statement-breakpoint
CREATE INDEX "visits_tenant_manager_idx" ON "visits" USING btree ("tenant_id","manager_id","check_in_at");--> statement-breakpoint
CREATE INDEX "visits_tenant_check_in_idx" ON "visits" USING btree ("tenant_id","check_in_at");--> statement-breakpoint
CREATE INDEX "visits_tenant_corrects_idx" ON "visits" USING btree ("tenant_id","corrects_visit_id");