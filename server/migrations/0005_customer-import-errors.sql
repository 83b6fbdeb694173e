CREATE TABLE "customer_import_error_files" (
	"tenant_id" integer NOT NULL,
	"token" text NOT NULL,
	"user_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"error_count" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_import_error_files_tenant_id_token_pk" PRIMARY KEY("tenant_id","token")
);
--> statement-breakpoint
ALTER TABLE "customer_import_error_files" ADD CONSTRAINT "customer_import_error_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_import_error_files" ADD CONSTRAINT "customer_import_error_files_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_import_error_files_expires_idx" ON "customer_import_error_files" USING btree ("expires_at");