-- The links of the chain (issue 16): which offer comes next after which, within a life phase or
-- at a transition. The steps must stay free of cycles; kette_domain::chain checks each new one.
CREATE TABLE offer_link (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    from_offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    to_offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    -- a code of the transition vocabulary, or NULL for a step within a life phase
    transition TEXT,
    is_fictional INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (from_offer_id, to_offer_id)
);
CREATE INDEX offer_link_municipality ON offer_link (municipality_id);
CREATE INDEX offer_link_to ON offer_link (to_offer_id);
