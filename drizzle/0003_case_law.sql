CREATE TABLE "agency_settings" (
	"agency_id" text PRIMARY KEY NOT NULL,
	"organ_kind" text,
	"review_body" text,
	"court" text,
	"remedies_general" text,
	"remedies_prereview" text,
	"deadline" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"supplement_period_days" integer DEFAULT 15 NOT NULL,
	"unconfirmed_after_days" integer DEFAULT 2 NOT NULL,
	"letter_number_pattern" text,
	"letter_counter_year" integer,
	"letter_counter" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"application_id" text NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"addressee" text NOT NULL,
	"body" text NOT NULL,
	"issued_on" text NOT NULL,
	"event_kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "notices_application_idx" ON "notices" USING btree ("application_id","created_at");
--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "number" text;
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "applicant_key" text;
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "answer_facts" jsonb;
--> statement-breakpoint
CREATE INDEX "applications_applicant_key_idx" ON "applications" USING btree ("agency_id","applicant_key");
--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "correction" text;
--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "served_on" text;
