-- One confidentiality rule (issue 10): a place a partner creates waits for the coordinator like
-- a new offer, and public statistics are cached per "statistics generation", raised by every
-- write that can change what a reader may see of the figures.
ALTER TABLE location ADD COLUMN approval TEXT NOT NULL DEFAULT 'approved';
ALTER TABLE municipality ADD COLUMN stats_generation INTEGER NOT NULL DEFAULT 0;
