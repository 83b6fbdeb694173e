CREATE TABLE "consumer_feedback" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "consumer_feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"customer_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"manager_id" integer NOT NULL,
	"ticket_id" integer NOT NULL,
	"product_id" integer,
	"topic" text NOT NULL,
	"text" text NOT NULL,
	"photo_file_id" integer,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" integer,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consumer_feedback_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "consumer_feedback" ADD CONSTRAINT "consumer_feedback_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumer_feedback" ADD CONSTRAINT "consumer_feedback_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumer_feedback" ADD CONSTRAINT "consumer_feedback_ticket_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumer_feedback" ADD CONSTRAINT "consumer_feedback_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumer_feedback" ADD CONSTRAINT "consumer_feedback_photo_fk" FOREIGN KEY ("tenant_id","photo_file_id") REFERENCES "public"."files"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consumer_feedback_ticket_key" ON "consumer_feedback" USING btree ("tenant_id","ticket_id");--> statement-breakpoint
CREATE INDEX "consumer_feedback_created_idx" ON "consumer_feedback" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "consumer_feedback_customer_idx" ON "consumer_feedback" USING btree ("tenant_id","customer_id","created_at");
