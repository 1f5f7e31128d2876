CREATE TABLE "calendar_loads" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"data" jsonb NOT NULL,
	"source" text NOT NULL,
	"notice_text" text,
	"loaded_by" text NOT NULL,
	"recomputed" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "calendar_loads_year_idx" ON "calendar_loads" USING btree ("year","id");
