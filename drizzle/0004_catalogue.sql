CREATE TABLE "catalogue_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL REFERENCES "agencies"("id"),
	"index_number" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text NOT NULL,
	"doc_number" text,
	"written_on" text NOT NULL,
	"published_on" text,
	"column_id" text NOT NULL,
	"item" text NOT NULL,
	"topic" text NOT NULL,
	"kind" text NOT NULL,
	"validity" text DEFAULT 'valid' NOT NULL,
	"validity_changed_on" text,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"withdrawn_reason" text,
	"title_tsv" tsvector NOT NULL,
	"search_tsv" tsvector NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_documents_index_number_uq" ON "catalogue_documents" USING btree ("agency_id","index_number");
--> statement-breakpoint
CREATE INDEX "catalogue_documents_list_idx" ON "catalogue_documents" USING btree ("agency_id","status","published_on");
--> statement-breakpoint
CREATE INDEX "catalogue_documents_search_idx" ON "catalogue_documents" USING gin ("search_tsv");
--> statement-breakpoint
CREATE TABLE "catalogue_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"document_id" text NOT NULL REFERENCES "catalogue_documents"("id"),
	"sha256" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "catalogue_attachments_document_idx" ON "catalogue_attachments" USING btree ("document_id");
--> statement-breakpoint
CREATE TABLE "catalogue_interpretations" (
	"interpretation_id" text NOT NULL REFERENCES "catalogue_documents"("id"),
	"document_id" text NOT NULL REFERENCES "catalogue_documents"("id"),
	"agency_id" text NOT NULL,
	CONSTRAINT "catalogue_interpretations_pk" PRIMARY KEY("interpretation_id","document_id")
);
--> statement-breakpoint
CREATE INDEX "catalogue_interpretations_document_idx" ON "catalogue_interpretations" USING btree ("document_id");
--> statement-breakpoint
CREATE TABLE "catalogue_document_applications" (
	"document_id" text NOT NULL REFERENCES "catalogue_documents"("id"),
	"application_id" text NOT NULL REFERENCES "applications"("id"),
	"agency_id" text NOT NULL,
	CONSTRAINT "catalogue_document_applications_pk" PRIMARY KEY("document_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL REFERENCES "agencies"("id"),
	"subject_key" text NOT NULL,
	"description" text NOT NULL,
	"source" text NOT NULL,
	"application_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"document_id" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_proposals_subject_uq" ON "disclosure_proposals" USING btree ("agency_id","subject_key");
--> statement-breakpoint
CREATE INDEX "disclosure_proposals_status_idx" ON "disclosure_proposals" USING btree ("agency_id","status");
--> statement-breakpoint
CREATE TABLE "agency_guide" (
	"agency_id" text NOT NULL REFERENCES "agencies"("id"),
	"version" integer NOT NULL,
	"settings" jsonb NOT NULL,
	"revised_on" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_guide_pk" PRIMARY KEY("agency_id","version")
);
--> statement-breakpoint
CREATE TABLE "portal_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_submissions" (
	"token" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"application_id" text,
	"receipt_code" text,
	"password_cipher" text,
	"done" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION "gongkai_portal_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('gongkai_portal', TG_TABLE_NAME);
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "catalogue_documents_portal_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalogue_documents" FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_portal_changed"();
--> statement-breakpoint
CREATE TRIGGER "catalogue_attachments_portal_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalogue_attachments" FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_portal_changed"();
--> statement-breakpoint
CREATE TRIGGER "catalogue_interpretations_portal_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalogue_interpretations" FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_portal_changed"();
--> statement-breakpoint
CREATE TRIGGER "agency_guide_portal_changed" AFTER INSERT OR UPDATE OR DELETE ON "agency_guide" FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_portal_changed"();
--> statement-breakpoint
CREATE TRIGGER "portal_settings_portal_changed" AFTER INSERT OR UPDATE OR DELETE ON "portal_settings" FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_portal_changed"();
--> statement-breakpoint
CREATE TRIGGER "report_years_portal_changed" AFTER INSERT OR UPDATE OR DELETE ON "report_years" FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_portal_changed"();
--> statement-breakpoint
CREATE TRIGGER "agencies_portal_changed" AFTER INSERT OR UPDATE OR DELETE ON "agencies" FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_portal_changed"();
