CREATE TABLE "credit_appeals" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "credit_appeals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"customer_id" integer NOT NULL,
	"run_id" integer NOT NULL,
	"item_key" text,
	"reason" text NOT NULL,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_on" date NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_appeals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_models" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "credit_models_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	CONSTRAINT "credit_models_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_runs" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "credit_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"month" text NOT NULL,
	"status" text DEFAULT 'computing' NOT NULL,
	"effective_from" date,
	"computed_at" timestamp with time zone,
	"computed_by" integer,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"summary" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_scores" (
	"tenant_id" integer NOT NULL,
	"run_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"score" numeric(6, 1) NOT NULL,
	"level" text NOT NULL,
	"activity" smallint,
	"items" jsonb NOT NULL,
	"indicators" jsonb NOT NULL,
	"caps" jsonb NOT NULL,
	CONSTRAINT "credit_scores_tenant_id_run_id_customer_id_pk" PRIMARY KEY("tenant_id","run_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "credit_violations" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "credit_violations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"customer_id" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"type" text NOT NULL,
	"severity" text NOT NULL,
	"document_no" text NOT NULL,
	"note" text,
	"source" text NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	CONSTRAINT "credit_violations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "credit_appeals" ADD CONSTRAINT "credit_appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_appeals" ADD CONSTRAINT "credit_appeals_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_models" ADD CONSTRAINT "credit_models_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_models" ADD CONSTRAINT "credit_models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_models" ADD CONSTRAINT "credit_models_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_runs" ADD CONSTRAINT "credit_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_runs" ADD CONSTRAINT "credit_runs_computed_by_users_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_runs" ADD CONSTRAINT "credit_runs_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_runs" ADD CONSTRAINT "credit_runs_tenant_id_model_id_credit_models_tenant_id_id_fk" FOREIGN KEY ("tenant_id","model_id") REFERENCES "public"."credit_models"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_scores" ADD CONSTRAINT "credit_scores_tenant_id_run_id_credit_runs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","run_id") REFERENCES "public"."credit_runs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_violations" ADD CONSTRAINT "credit_violations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_violations" ADD CONSTRAINT "credit_violations_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_appeals_one_open_key" ON "credit_appeals" USING btree ("tenant_id","customer_id") WHERE "credit_appeals"."status" = 'open';--> statement-breakpoint
CREATE INDEX "credit_appeals_status_idx" ON "credit_appeals" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_models_tenant_version_key" ON "credit_models" USING btree ("tenant_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_runs_one_computing_key" ON "credit_runs" USING btree ("tenant_id") WHERE "credit_runs"."status" = 'computing';--> statement-breakpoint
CREATE INDEX "credit_runs_published_idx" ON "credit_runs" USING btree ("tenant_id","effective_from") WHERE "credit_runs"."status" = 'published';--> statement-breakpoint
CREATE INDEX "credit_scores_customer_idx" ON "credit_scores" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "credit_violations_customer_idx" ON "credit_violations" USING btree ("tenant_id","customer_id","occurred_on");