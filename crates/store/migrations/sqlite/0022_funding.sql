-- Funding and consolidation (issue 16): who pays for an offer, a measure or a coordination
-- post, how much a year, from when to when, and of which kind.
CREATE TABLE funding (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    -- 'offer', 'measure' or 'post'
    subject_kind TEXT NOT NULL,
    offer_id INTEGER REFERENCES offer(id) ON DELETE CASCADE,
    measure_id INTEGER REFERENCES measure(id) ON DELETE CASCADE,
    post_title TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    amount_per_year_eur REAL,
    starts_on TEXT,
    ends_on TEXT,
    is_fictional INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX funding_municipality ON funding (municipality_id, ends_on);
CREATE INDEX funding_offer ON funding (offer_id);
