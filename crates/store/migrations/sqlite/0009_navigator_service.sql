-- The municipality's navigator service (issue 12): how families reach a person who helps them,
-- shown when a search finds nothing and on referral sheets of offers with a protected address.
ALTER TABLE municipality ADD COLUMN navigator_name TEXT NOT NULL DEFAULT '';
ALTER TABLE municipality ADD COLUMN navigator_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE municipality ADD COLUMN navigator_email TEXT NOT NULL DEFAULT '';
ALTER TABLE municipality ADD COLUMN navigator_hours TEXT NOT NULL DEFAULT '';
