CREATE TABLE "brand_kind_snapshots" (
	"tenant_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"first_week" date NOT NULL,
	"product_ids" integer[] NOT NULL,
	"through_week" date NOT NULL,
	"segment" jsonb,
	"customer_ids" integer[],
	"seen" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "brand_kind_snapshots_tenant_id_programme_id_pk" PRIMARY KEY("tenant_id","programme_id")
);
--> statement-breakpoint
CREATE TABLE "brand_kind_stores" (
	"tenant_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	"class_code" text,
	"format" text NOT NULL,
	CONSTRAINT "brand_kind_stores_tenant_id_programme_id_customer_id_pk" PRIMARY KEY("tenant_id","programme_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "brand_kinds" (
	"tenant_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"grouping" text NOT NULL,
	"key" text NOT NULL,
	"weeks_mask" bigint NOT NULL,
	"stores" integer NOT NULL,
	"limited_ordered" bigint NOT NULL,
	"allocated" bigint NOT NULL,
	"limited_lines" bigint NOT NULL,
	"full_lines" bigint NOT NULL,
	CONSTRAINT "brand_kinds_tenant_id_programme_id_grouping_key_weeks_mask_pk" PRIMARY KEY("tenant_id","programme_id","grouping","key","weeks_mask")
);
--> statement-breakpoint
CREATE TABLE "brand_store_moves" (
	"tenant_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"xid" xid8 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "brand_store_moves_tenant_idx" ON "brand_store_moves" USING btree ("tenant_id","customer_id");
--> statement-breakpoint
-- 培育分组汇总 (brand-facts.schema.ts): a store inserted, deleted, or changed in what decides whether
-- it is a programme's target (在营 status, the segment's columns) or which group it is counted in
-- (branch, manager, class, format) is written down with its transaction's id, so that the brand KPIs
-- correct it against group totals taken before (updated_at does not move with these columns).
CREATE FUNCTION kewo_brand_store_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO brand_store_moves (tenant_id, customer_id, xid)
    SELECT tenant_id, id, pg_current_xact_id() FROM new_stores;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO brand_store_moves (tenant_id, customer_id, xid)
    SELECT tenant_id, id, pg_current_xact_id() FROM old_stores;
  ELSE
    INSERT INTO brand_store_moves (tenant_id, customer_id, xid)
    SELECT o.tenant_id, o.id, pg_current_xact_id()
    FROM old_stores o JOIN new_stores n ON n.tenant_id = o.tenant_id AND n.id = o.id
    WHERE (o.status, o.branch_id, o.manager_id, o.class_code, o.format, o.district_code, o.urban_rural, o.demo_type)
      IS DISTINCT FROM (n.status, n.branch_id, n.manager_id, n.class_code, n.format, n.district_code, n.urban_rural, n.demo_type);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_brand_inserted AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_stores FOR EACH STATEMENT EXECUTE FUNCTION kewo_brand_store_moved();
--> statement-breakpoint
CREATE TRIGGER customers_brand_deleted AFTER DELETE ON customers
  REFERENCING OLD TABLE AS old_stores FOR EACH STATEMENT EXECUTE FUNCTION kewo_brand_store_moved();
--> statement-breakpoint
-- One statement per UPDATE, whatever it touches (a trigger with transition tables cannot name its
-- columns): a class approval rewriting 250,000 stores records the ones that changed in one insert.
CREATE TRIGGER customers_brand_moved AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_stores NEW TABLE AS new_stores FOR EACH STATEMENT EXECUTE FUNCTION kewo_brand_store_moved();
