-- Steering (issue 15): measures — what the chain does about a goal or a gap.
CREATE TABLE measure (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    goal_id INTEGER REFERENCES goal(id) ON DELETE SET NULL,
    lead_organisation_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
    -- life phase codes, comma separated
    life_phases TEXT NOT NULL DEFAULT '',
    district_id INTEGER REFERENCES district(id) ON DELETE SET NULL,
    starts_on TEXT,
    ends_on TEXT,
    budget_eur REAL,
    funding_source TEXT NOT NULL DEFAULT '',
    is_fictional INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX measure_municipality ON measure (municipality_id, status);
