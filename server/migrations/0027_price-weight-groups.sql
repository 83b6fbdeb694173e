CREATE TABLE "price_weight_groups" (
	"tenant_id" integer NOT NULL,
	"week_start" date NOT NULL,
	"product_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"district_code" text NOT NULL,
	"format" text NOT NULL,
	"urban_rural" text NOT NULL,
	"cartons" integer NOT NULL,
	CONSTRAINT "price_weight_groups_tenant_id_week_start_product_id_branch_id_org_path_district_code_format_urban_rural_pk" PRIMARY KEY("tenant_id","week_start","product_id","branch_id","org_path","district_code","format","urban_rural")
);
--> statement-breakpoint
-- The weeks the margin's roll-up already stores get their weights too (what the refresh writes from now on).
INSERT INTO "price_weight_groups" ("tenant_id", "week_start", "product_id", "branch_id", "org_path", "district_code", "format", "urban_rural", "cartons")
SELECT w."tenant_id", w."week_start", w."product_id", c."branch_id", c."org_path", c."district_code", c."format", c."urban_rural", sum(w."ordered")
FROM "store_product_weeks" w
JOIN "customers" c ON c."tenant_id" = w."tenant_id" AND c."id" = w."customer_id"
JOIN "price_margin_refreshes" r ON r."tenant_id" = w."tenant_id" AND r."week_start" = w."week_start"
GROUP BY w."tenant_id", w."week_start", w."product_id", c."branch_id", c."org_path", c."district_code", c."format", c."urban_rural";
--> statement-breakpoint
ANALYZE "price_weight_groups";
