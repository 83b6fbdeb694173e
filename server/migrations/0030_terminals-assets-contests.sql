CREATE TABLE "asset_events" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "asset_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"asset_id" integer NOT NULL,
	"kind" text NOT NULL,
	"from_customer_id" integer,
	"to_customer_id" integer,
	"condition" text,
	"visit_id" integer,
	"photo_id" integer,
	"note" text,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "asset_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "asset_photos" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "asset_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"uploaded_by" integer NOT NULL,
	"file_id" integer NOT NULL,
	"asset_id" integer,
	CONSTRAINT "asset_photos_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "assets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"tag" text NOT NULL,
	"type" text NOT NULL,
	"model" text,
	"value_yuan" numeric(12, 2) DEFAULT '0' NOT NULL,
	"status" text DEFAULT 'in_stock' NOT NULL,
	"customer_id" integer,
	"held_since" date,
	"org_path" text NOT NULL,
	"condition" text DEFAULT 'good' NOT NULL,
	"last_audited_on" date,
	"next_audit_on" date,
	"audit_interval_months" smallint DEFAULT 6 NOT NULL,
	"write_off_reason" text,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "contest_entries" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "contest_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"contest_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"submitted_by" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contest_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "contest_judges" (
	"tenant_id" integer NOT NULL,
	"contest_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "contest_judges_tenant_id_contest_id_user_id_pk" PRIMARY KEY("tenant_id","contest_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "contest_photos" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "contest_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"uploaded_by" integer NOT NULL,
	"file_id" integer NOT NULL,
	"entry_id" integer,
	"position" smallint,
	CONSTRAINT "contest_photos_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "contest_scores" (
	"tenant_id" integer NOT NULL,
	"contest_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"judge_id" integer NOT NULL,
	"scores" jsonb NOT NULL,
	"comment" text,
	"scored_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contest_scores_tenant_id_entry_id_judge_id_pk" PRIMARY KEY("tenant_id","entry_id","judge_id")
);
--> statement-breakpoint
CREATE TABLE "contests" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "contests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"rules" text NOT NULL,
	"starts_on" date NOT NULL,
	"entry_deadline" date NOT NULL,
	"ends_on" date NOT NULL,
	"criteria" jsonb NOT NULL,
	"winner_count" smallint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"ranking" jsonb,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "asset_events" ADD CONSTRAINT "asset_events_tenant_id_asset_id_assets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","asset_id") REFERENCES "public"."assets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_photos" ADD CONSTRAINT "asset_photos_tenant_id_file_id_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."files"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_entries" ADD CONSTRAINT "contest_entries_tenant_id_contest_id_contests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contest_id") REFERENCES "public"."contests"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_entries" ADD CONSTRAINT "contest_entries_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_judges" ADD CONSTRAINT "contest_judges_tenant_id_contest_id_contests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contest_id") REFERENCES "public"."contests"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_photos" ADD CONSTRAINT "contest_photos_tenant_id_file_id_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."files"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_scores" ADD CONSTRAINT "contest_scores_tenant_id_entry_id_contest_entries_tenant_id_id_fk" FOREIGN KEY ("tenant_id","entry_id") REFERENCES "public"."contest_entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contests" ADD CONSTRAINT "contests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_events_tenant_asset_idx" ON "asset_events" USING btree ("tenant_id","asset_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_tenant_tag_key" ON "assets" USING btree ("tenant_id","tag");--> statement-breakpoint
CREATE INDEX "assets_tenant_customer_idx" ON "assets" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "assets_tenant_next_audit_idx" ON "assets" USING btree ("tenant_id","next_audit_on") WHERE "assets"."status" = 'issued';--> statement-breakpoint
CREATE UNIQUE INDEX "contest_entries_store_key" ON "contest_entries" USING btree ("tenant_id","contest_id","customer_id");--> statement-breakpoint
CREATE INDEX "contest_photos_entry_idx" ON "contest_photos" USING btree ("tenant_id","entry_id");--> statement-breakpoint
CREATE INDEX "contest_scores_contest_idx" ON "contest_scores" USING btree ("tenant_id","contest_id");