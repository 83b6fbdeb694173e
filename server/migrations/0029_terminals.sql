CREATE TABLE "terminal_applications" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "terminal_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"customer_id" integer NOT NULL,
	"tier_id" integer NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" integer,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "terminal_applications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "terminal_awards" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "terminal_awards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"customer_id" integer NOT NULL,
	"tier_id" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"awarded_on" date NOT NULL,
	"due_on" date NOT NULL,
	"inspection_id" integer,
	"application_id" integer,
	"ended_on" date,
	"end_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "terminal_awards_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "terminal_inspections" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "terminal_inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"customer_id" integer NOT NULL,
	"tier_id" integer NOT NULL,
	"application_id" integer,
	"inspected_by" integer,
	"inspected_at" timestamp with time zone NOT NULL,
	"results" jsonb NOT NULL,
	"score" numeric(6, 1) NOT NULL,
	"pass_score" numeric(6, 1) NOT NULL,
	"awarded" boolean NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"note" text,
	"photo_ids" jsonb NOT NULL,
	CONSTRAINT "terminal_inspections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "terminal_tiers" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "terminal_tiers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"rank" smallint NOT NULL,
	"pass_score" numeric(6, 1) NOT NULL,
	"funding_yuan" integer DEFAULT 0 NOT NULL,
	"fixtures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reinspection_months" smallint NOT NULL,
	"items" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "terminal_tiers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "terminal_applications" ADD CONSTRAINT "terminal_applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_applications" ADD CONSTRAINT "terminal_applications_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_applications" ADD CONSTRAINT "terminal_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_applications" ADD CONSTRAINT "terminal_applications_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_applications" ADD CONSTRAINT "terminal_applications_tenant_id_tier_id_terminal_tiers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","tier_id") REFERENCES "public"."terminal_tiers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_awards" ADD CONSTRAINT "terminal_awards_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_awards" ADD CONSTRAINT "terminal_awards_tenant_id_tier_id_terminal_tiers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","tier_id") REFERENCES "public"."terminal_tiers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_inspections" ADD CONSTRAINT "terminal_inspections_inspected_by_users_id_fk" FOREIGN KEY ("inspected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_inspections" ADD CONSTRAINT "terminal_inspections_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_inspections" ADD CONSTRAINT "terminal_inspections_tenant_id_tier_id_terminal_tiers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","tier_id") REFERENCES "public"."terminal_tiers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_tiers" ADD CONSTRAINT "terminal_tiers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "terminal_applications_one_open_key" ON "terminal_applications" USING btree ("tenant_id","customer_id") WHERE "terminal_applications"."status" IN ('submitted', 'reviewed', 'approved');--> statement-breakpoint
CREATE INDEX "terminal_applications_status_idx" ON "terminal_applications" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "terminal_awards_one_active_key" ON "terminal_awards" USING btree ("tenant_id","customer_id") WHERE "terminal_awards"."status" = 'active';--> statement-breakpoint
CREATE INDEX "terminal_awards_tier_idx" ON "terminal_awards" USING btree ("tenant_id","tier_id") WHERE "terminal_awards"."status" = 'active';--> statement-breakpoint
CREATE INDEX "terminal_awards_due_idx" ON "terminal_awards" USING btree ("tenant_id","due_on") WHERE "terminal_awards"."status" = 'active';--> statement-breakpoint
CREATE INDEX "terminal_awards_customer_idx" ON "terminal_awards" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "terminal_inspections_customer_idx" ON "terminal_inspections" USING btree ("tenant_id","customer_id","inspected_at");--> statement-breakpoint
CREATE UNIQUE INDEX "terminal_tiers_tenant_name_key" ON "terminal_tiers" USING btree ("tenant_id","name");