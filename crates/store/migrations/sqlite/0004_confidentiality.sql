-- Statistical confidentiality per municipality (issue 4): the smallest count shown in public
-- and optional rounding of shown counts to a base (NULL: no rounding).
ALTER TABLE municipality ADD COLUMN min_count INTEGER NOT NULL DEFAULT 3;
ALTER TABLE municipality ADD COLUMN round_to INTEGER;
