-- "What if" scenarios of the needs analysis (issue 14): planned offers and closures, kept
-- apart from the offers themselves until someone decides. No personal data.
CREATE TABLE needs_scenario (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    is_fictional INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES account(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX needs_scenario_municipality ON needs_scenario (municipality_id);

CREATE TABLE needs_scenario_change (
    id INTEGER PRIMARY KEY,
    scenario_id INTEGER NOT NULL REFERENCES needs_scenario(id) ON DELETE CASCADE,
    -- 'add': a planned offer (label, district, optional point, phases, places);
    -- 'close': an existing offer closes
    kind TEXT NOT NULL CHECK (kind IN ('add', 'close')),
    offer_id INTEGER REFERENCES offer(id) ON DELETE CASCADE,
    label TEXT NOT NULL DEFAULT '',
    district_id INTEGER REFERENCES district(id) ON DELETE CASCADE,
    lat REAL,
    lon REAL,
    -- life phase codes, comma-separated
    phases TEXT NOT NULL DEFAULT '',
    places INTEGER,
    CHECK ((kind = 'add' AND district_id IS NOT NULL AND offer_id IS NULL) OR (kind = 'close' AND offer_id IS NOT NULL))
);
CREATE INDEX needs_scenario_change_scenario ON needs_scenario_change (scenario_id);
