-- UNLOGGED: counters need no WAL and no fsync at commit (every limited request updates one), and losing
-- them in a crash only restarts the windows.
CREATE UNLOGGED TABLE "rate_limit" (
	"bucket" text PRIMARY KEY NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limit_window_start_idx" ON "rate_limit" USING btree ("window_start");
