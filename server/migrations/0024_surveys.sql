CREATE TABLE "survey_answer_facts" (
	"tenant_id" integer NOT NULL,
	"wave_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"customer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"item" text DEFAULT '' NOT NULL,
	"dimension" text,
	"value" double precision NOT NULL,
	"scale_max" integer
);
--> statement-breakpoint
CREATE TABLE "survey_drafts" (
	"tenant_id" integer NOT NULL,
	"wave_id" uuid NOT NULL,
	"customer_id" integer NOT NULL,
	"data" jsonb NOT NULL,
	"page" integer DEFAULT 0 NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_drafts_wave_id_customer_id_pk" PRIMARY KEY("wave_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "survey_need_items" (
	"tenant_id" integer NOT NULL,
	"code" text NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"area" text NOT NULL,
	"department" text NOT NULL,
	"service_item_id" integer,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "survey_need_items_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "survey_questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"copied_from" uuid,
	"definition" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_questionnaires_version_check" CHECK ("survey_questionnaires"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" integer NOT NULL,
	"wave_id" uuid NOT NULL,
	"customer_id" integer NOT NULL,
	"channel" text NOT NULL,
	"answered_by" integer,
	"data" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_wave_stores" (
	"tenant_id" integer NOT NULL,
	"wave_id" uuid NOT NULL,
	"customer_id" integer NOT NULL,
	"stratum" text NOT NULL,
	CONSTRAINT "survey_wave_stores_wave_id_customer_id_pk" PRIMARY KEY("wave_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "survey_waves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" integer NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"target" jsonb NOT NULL,
	"population" integer,
	"sent" integer DEFAULT 0 NOT NULL,
	"weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"last_reminded_at" timestamp with time zone,
	CONSTRAINT "survey_waves_window_check" CHECK ("survey_waves"."opens_on" <= "survey_waves"."closes_on")
);
--> statement-breakpoint
ALTER TABLE "survey_answer_facts" ADD CONSTRAINT "survey_answer_facts_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_need_items" ADD CONSTRAINT "survey_need_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questionnaires" ADD CONSTRAINT "survey_questionnaires_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questionnaires" ADD CONSTRAINT "survey_questionnaires_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_stores" ADD CONSTRAINT "survey_wave_stores_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_questionnaire_id_survey_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."survey_questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answer_facts_wave_kind_idx" ON "survey_answer_facts" USING btree ("tenant_id","wave_id","kind");--> statement-breakpoint
CREATE INDEX "survey_answer_facts_response_idx" ON "survey_answer_facts" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "survey_questionnaires_tenant_idx" ON "survey_questionnaires" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_wave_customer_key" ON "survey_responses" USING btree ("wave_id","customer_id");--> statement-breakpoint
CREATE INDEX "survey_responses_customer_idx" ON "survey_responses" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "survey_wave_stores_customer_idx" ON "survey_wave_stores" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "survey_waves_tenant_idx" ON "survey_waves" USING btree ("tenant_id","status","closes_on");