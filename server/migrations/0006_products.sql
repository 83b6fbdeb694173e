CREATE TABLE "products" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"brand" text NOT NULL,
	"name" text NOT NULL,
	"price_class" smallint NOT NULL,
	"wholesale_price_fen" integer NOT NULL,
	"retail_price_fen" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"is_new" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "products_price_class_check" CHECK ("products"."price_class" BETWEEN 1 AND 5),
	CONSTRAINT "products_prices_check" CHECK ("products"."wholesale_price_fen" > 0 AND "products"."retail_price_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "products_tenant_code_key" ON "products" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "products_tenant_brand_name_idx" ON "products" USING btree ("tenant_id","brand","name","id");