-- Steering (issue 15), first part: the Leitbild in versions and the goals read from the
-- monitoring.
CREATE TABLE leitbild (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    text TEXT NOT NULL,
    -- the date the council adopted it; NULL while it is a draft
    adopted_on TEXT,
    created_at TEXT NOT NULL,
    account_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
    UNIQUE (municipality_id, version)
);

CREATE TABLE goal (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES goal(id) ON DELETE CASCADE,
    level TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    indicator_code TEXT,
    -- NULL: the whole municipality
    district_id INTEGER REFERENCES district(id) ON DELETE SET NULL,
    baseline_year INTEGER,
    baseline_value REAL,
    target_year INTEGER,
    target_value REAL,
    responsible TEXT NOT NULL DEFAULT '',
    tolerance REAL NOT NULL DEFAULT 0.1,
    is_fictional INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX goal_municipality ON goal (municipality_id, parent_id);
