ALTER TABLE "report_years" ADD COLUMN "narrative" jsonb;
