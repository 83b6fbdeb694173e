CREATE TABLE "class_proposals" (
	"tenant_id" integer NOT NULL,
	"run_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"current_class" text,
	"current_demo_type" text,
	"proposed_class" text NOT NULL,
	"proposed_demo_type" text,
	"score" real NOT NULL,
	"values" real[] NOT NULL,
	"scores" real[] NOT NULL,
	"missing" text[] NOT NULL,
	"override_class" text,
	"override_demo_type" text,
	"override_reason" text,
	"override_by" integer,
	CONSTRAINT "class_proposals_tenant_id_run_id_customer_id_pk" PRIMARY KEY("tenant_id","run_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "classification_rule_sets" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "classification_rule_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"note" text,
	"definition" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "classification_rule_sets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "classification_runs" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "classification_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"rule_set_id" integer NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"effective_on" date NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"store_count" integer NOT NULL,
	"applied_branch_ids" integer[] NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "classification_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_class_history" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "customer_class_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"customer_id" integer NOT NULL,
	"from_class" text,
	"from_demo_type" text,
	"to_class" text,
	"to_demo_type" text,
	"run_id" integer,
	"reason" text,
	"effective_on" date NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_class_history_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "spot_check_items" (
	"tenant_id" integer NOT NULL,
	"spot_check_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"sampled_class" text NOT NULL,
	"sampled_demo_type" text,
	"rerun_class" text NOT NULL,
	"complete" boolean NOT NULL,
	"inspector_class" text,
	"agrees" boolean,
	"note" text,
	"assessed_by" integer,
	"assessed_at" timestamp with time zone,
	"position" smallint NOT NULL,
	CONSTRAINT "spot_check_items_tenant_id_spot_check_id_customer_id_pk" PRIMARY KEY("tenant_id","spot_check_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "spot_checks" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "spot_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seed" integer NOT NULL,
	"size" integer NOT NULL,
	"rule_set_id" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "spot_checks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "class_proposals" ADD CONSTRAINT "class_proposals_tenant_id_run_id_classification_runs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","run_id") REFERENCES "public"."classification_runs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_rule_sets" ADD CONSTRAINT "classification_rule_sets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_rule_sets" ADD CONSTRAINT "classification_rule_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_runs" ADD CONSTRAINT "classification_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_runs" ADD CONSTRAINT "classification_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_runs" ADD CONSTRAINT "classification_runs_tenant_id_rule_set_id_classification_rule_sets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","rule_set_id") REFERENCES "public"."classification_rule_sets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_class_history" ADD CONSTRAINT "customer_class_history_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_tenant_id_spot_check_id_spot_checks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","spot_check_id") REFERENCES "public"."spot_checks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD CONSTRAINT "spot_checks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "class_proposals_customer_idx" ON "class_proposals" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "classification_rule_sets_tenant_version_idx" ON "classification_rule_sets" USING btree ("tenant_id","version");--> statement-breakpoint
CREATE INDEX "customer_class_history_customer_idx" ON "customer_class_history" USING btree ("tenant_id","customer_id");