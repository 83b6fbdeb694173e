CREATE TABLE "ticket_sla_policies" (
	"tenant_id" integer NOT NULL,
	"category_code" text NOT NULL,
	"priority" text NOT NULL,
	"first_response_minutes" integer NOT NULL,
	"resolution_minutes" integer NOT NULL,
	CONSTRAINT "ticket_sla_policies_tenant_id_category_code_priority_pk" PRIMARY KEY("tenant_id","category_code","priority")
);
--> statement-breakpoint
ALTER TABLE "ticket_sla_policies" ADD CONSTRAINT "ticket_sla_policies_tenant_id_category_code_ticket_categories_tenant_id_code_fk" FOREIGN KEY ("tenant_id","category_code") REFERENCES "public"."ticket_categories"("tenant_id","code") ON DELETE no action ON UPDATE no action;