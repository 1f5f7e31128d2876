-- The default 指南 promises the agency's own answer and extension periods (agency_settings.deadline): a
-- change to them drops the cached portal pages, on every app server (gongkai_portal_changed, 0004).
-- Only that column: the letter counter in the same row changes with every letter.
CREATE TRIGGER "agency_settings_portal_changed" AFTER INSERT OR DELETE OR UPDATE OF "deadline" ON "agency_settings" FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_portal_changed"();
