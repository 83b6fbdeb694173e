CREATE TABLE "calendar_days" (
	"tenant_id" integer NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "calendar_days_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"tenant_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "files_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- One calendar a city company: the holidays and 调休 its settings page kept with tickets' business
-- hours move to calendar_days, read by the SLA clock and the visit plans alike; the hours stay.
INSERT INTO "calendar_days" ("tenant_id", "day", "kind")
SELECT s."tenant_id", d."day"::date, 'holiday'
  FROM "ticket_settings" s, jsonb_array_elements_text(s."calendar" -> 'holidays') AS d("day")
UNION ALL
SELECT s."tenant_id", d."day"::date, 'make_up_workday'
  FROM "ticket_settings" s, jsonb_array_elements_text(s."calendar" -> 'extraWorkdays') AS d("day")
ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "ticket_settings" SET "calendar" = "calendar" - 'holidays' - 'extraWorkdays';
--> statement-breakpoint
-- Visits planned on the national holidays and 调休 whatever a company had entered; a company that
-- had entered none starts with them (platform/calendar/china-holidays.ts), so its visit plans stay
-- as they were.
INSERT INTO "calendar_days" ("tenant_id", "day", "kind")
SELECT t."id", d."day"::date, d."kind"
  FROM "tenants" t
  CROSS JOIN (VALUES
  ('2026-01-01', 'holiday'),
  ('2026-01-02', 'holiday'),
  ('2026-01-03', 'holiday'),
  ('2026-02-15', 'holiday'),
  ('2026-02-16', 'holiday'),
  ('2026-02-17', 'holiday'),
  ('2026-02-18', 'holiday'),
  ('2026-02-19', 'holiday'),
  ('2026-02-20', 'holiday'),
  ('2026-02-21', 'holiday'),
  ('2026-02-22', 'holiday'),
  ('2026-02-23', 'holiday'),
  ('2026-04-04', 'holiday'),
  ('2026-04-05', 'holiday'),
  ('2026-04-06', 'holiday'),
  ('2026-05-01', 'holiday'),
  ('2026-05-02', 'holiday'),
  ('2026-05-03', 'holiday'),
  ('2026-05-04', 'holiday'),
  ('2026-05-05', 'holiday'),
  ('2026-06-19', 'holiday'),
  ('2026-06-20', 'holiday'),
  ('2026-06-21', 'holiday'),
  ('2026-09-25', 'holiday'),
  ('2026-09-26', 'holiday'),
  ('2026-09-27', 'holiday'),
  ('2026-10-01', 'holiday'),
  ('2026-10-02', 'holiday'),
  ('2026-10-03', 'holiday'),
  ('2026-10-04', 'holiday'),
  ('2026-10-05', 'holiday'),
  ('2026-10-06', 'holiday'),
  ('2026-10-07', 'holiday'),
  ('2027-01-01', 'holiday'),
  ('2026-01-04', 'make_up_workday'),
  ('2026-02-14', 'make_up_workday'),
  ('2026-02-28', 'make_up_workday'),
  ('2026-05-09', 'make_up_workday'),
  ('2026-09-20', 'make_up_workday'),
  ('2026-10-10', 'make_up_workday')
  ) AS d("day", "kind")
 WHERE NOT EXISTS (SELECT 1 FROM "calendar_days" c WHERE c."tenant_id" = t."id");
--> statement-breakpoint
-- One store for uploaded files: each ticket photo and visit photo takes the next id of files, and
-- its bytes move there under that id.
ALTER TABLE "ticket_attachments" ADD COLUMN "file_id" integer;
--> statement-breakpoint
ALTER TABLE "visit_photos" ADD COLUMN "file_id" integer;
--> statement-breakpoint
UPDATE "ticket_attachments" SET "file_id" = nextval('files_id_seq');
--> statement-breakpoint
INSERT INTO "files" ("tenant_id", "id", "file_name", "content_type", "size", "content", "created_at")
OVERRIDING SYSTEM VALUE
SELECT "tenant_id", "file_id", "file_name", "content_type", "size", "content", "created_at" FROM "ticket_attachments";
--> statement-breakpoint
UPDATE "visit_photos" SET "file_id" = nextval('files_id_seq');
--> statement-breakpoint
INSERT INTO "files" ("tenant_id", "id", "file_name", "content_type", "size", "content", "created_at")
OVERRIDING SYSTEM VALUE
SELECT "tenant_id", "file_id", 'photo', "content_type", "size_bytes", "content", "uploaded_at" FROM "visit_photos";
--> statement-breakpoint
ALTER TABLE "ticket_attachments" ALTER COLUMN "file_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "visit_photos" ALTER COLUMN "file_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_tenant_id_file_id_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."files"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_tenant_id_file_id_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."files"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_attachments" DROP COLUMN "file_name";--> statement-breakpoint
ALTER TABLE "ticket_attachments" DROP COLUMN "content_type";--> statement-breakpoint
ALTER TABLE "ticket_attachments" DROP COLUMN "size";--> statement-breakpoint
ALTER TABLE "ticket_attachments" DROP COLUMN "content";--> statement-breakpoint
ALTER TABLE "ticket_attachments" DROP COLUMN "created_at";--> statement-breakpoint
ALTER TABLE "visit_photos" DROP COLUMN "content_type";--> statement-breakpoint
ALTER TABLE "visit_photos" DROP COLUMN "size_bytes";--> statement-breakpoint
ALTER TABLE "visit_photos" DROP COLUMN "content";--> statement-breakpoint
ALTER TABLE "visit_photos" DROP COLUMN "uploaded_at";