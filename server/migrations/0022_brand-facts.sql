CREATE TABLE "brand_fact_folds" (
	"tenant_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"first_week" date NOT NULL,
	"product_ids" integer[] NOT NULL,
	"through_week" date NOT NULL,
	"folded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "brand_fact_folds_tenant_id_programme_id_pk" PRIMARY KEY("tenant_id","programme_id")
);
--> statement-breakpoint
CREATE TABLE "brand_store_facts" (
	"tenant_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"weeks_mask" bigint NOT NULL,
	"first_week" date NOT NULL,
	"last_week" date NOT NULL,
	"ordered" integer NOT NULL,
	"limited_ordered" integer NOT NULL,
	"allocated" integer NOT NULL,
	"limited_lines" integer NOT NULL,
	"full_lines" integer NOT NULL,
	CONSTRAINT "brand_store_facts_tenant_id_programme_id_customer_id_pk" PRIMARY KEY("tenant_id","programme_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "brand_store_week_facts" (
	"tenant_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"weeks_mask" bigint NOT NULL,
	"limited_ordered" numeric NOT NULL,
	"allocated" numeric NOT NULL,
	"limited_lines" numeric NOT NULL,
	"full_lines" numeric NOT NULL,
	CONSTRAINT "brand_store_week_facts_tenant_id_programme_id_customer_id_pk" PRIMARY KEY("tenant_id","programme_id","customer_id")
);
--> statement-breakpoint
CREATE INDEX "customers_active_segment_idx" ON "customers" USING btree ("tenant_id","id","branch_id","manager_id","class_code","format","district_code","urban_rural","demo_type","org_path") WHERE "customers"."status" = 'active';