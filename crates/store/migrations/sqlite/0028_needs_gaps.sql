-- The follow-up of the needs analysis' gaps (issue 14): per district and life phase a state,
-- the measure or proposal that addresses it, and the planners' comments. A gap is computed,
-- not stored; this row only holds what people said and decided about it.
CREATE TABLE needs_gap (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    district_id INTEGER NOT NULL REFERENCES district(id) ON DELETE CASCADE,
    life_phase TEXT NOT NULL,
    -- open, addressed (a measure or proposal takes it on), no_action (decided, with a reason)
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'addressed', 'no_action')),
    measure_id INTEGER REFERENCES measure(id) ON DELETE SET NULL,
    proposal_id INTEGER REFERENCES proposal(id) ON DELETE SET NULL,
    updated_by INTEGER REFERENCES account(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (municipality_id, district_id, life_phase)
);

CREATE TABLE needs_gap_comment (
    id INTEGER PRIMARY KEY,
    gap_id INTEGER NOT NULL REFERENCES needs_gap(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    author_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX needs_gap_comment_gap ON needs_gap_comment (gap_id);
