ALTER TABLE "orders" ADD COLUMN "settlement_status" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "settlement_late_days" smallint;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "settlement_source" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "settlement_recorded_by" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "settlement_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "judgement" text;--> statement-breakpoint
ALTER TABLE "service_items" ADD COLUMN "credit_levels" text[];