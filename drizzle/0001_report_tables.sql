CREATE TABLE "application_refs" (
	"application_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"ref" text NOT NULL,
	"import_id" text,
	"notes" jsonb,
	CONSTRAINT "application_refs_application_id_pk" PRIMARY KEY("application_id")
);
--> statement-breakpoint
CREATE TABLE "register_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"rows" integer NOT NULL,
	"imported_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_applications" (
	"appeal_id" text NOT NULL,
	"application_id" text NOT NULL,
	"agency_id" text NOT NULL,
	CONSTRAINT "appeal_applications_appeal_id_application_id_pk" PRIMARY KEY("appeal_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"body" text NOT NULL,
	"case_number" text NOT NULL,
	"path" text NOT NULL,
	"filed_on" text NOT NULL,
	"result" text NOT NULL,
	"decided_on" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_years" (
	"agency_id" text NOT NULL,
	"year" integer NOT NULL,
	"proactive" jsonb,
	"locked_at" timestamp with time zone,
	"locked_by" text,
	"snapshot" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_years_agency_id_year_pk" PRIMARY KEY("agency_id","year")
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "first_outcome" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "first_concluded_on" text;--> statement-breakpoint
ALTER TABLE "application_refs" ADD CONSTRAINT "application_refs_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_refs" ADD CONSTRAINT "application_refs_import_id_register_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."register_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_imports" ADD CONSTRAINT "register_imports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_applications" ADD CONSTRAINT "appeal_applications_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_applications" ADD CONSTRAINT "appeal_applications_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_years" ADD CONSTRAINT "report_years_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_refs_agency_ref_uq" ON "application_refs" USING btree ("agency_id","ref");--> statement-breakpoint
CREATE INDEX "register_imports_agency_idx" ON "register_imports" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "appeal_applications_application_idx" ON "appeal_applications" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "appeals_agency_idx" ON "appeals" USING btree ("agency_id","filed_on");