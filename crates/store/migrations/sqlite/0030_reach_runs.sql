-- Saved walking-reach results (issue 14): the shares of each area's children within 5, 10 and
-- 15 minutes of an offer of each life phase, frozen with how they were measured, so a report
-- can cite them and later runs can be compared. Computed with the public's view of places (no
-- protected place shapes them); no counts of people are stored.
CREATE TABLE reach_run (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    level INTEGER NOT NULL,
    -- 'street_network' or 'straight_line_estimate'
    method TEXT NOT NULL,
    network_sha256 TEXT,
    -- speed, minutes, grid, access limit, detour: kette_app::needs::WalkParameters as JSON
    parameters TEXT NOT NULL,
    created_by INTEGER REFERENCES account(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX reach_run_municipality ON reach_run (municipality_id);

CREATE TABLE reach_run_share (
    run_id INTEGER NOT NULL REFERENCES reach_run(id) ON DELETE CASCADE,
    district_id INTEGER NOT NULL REFERENCES district(id) ON DELETE CASCADE,
    life_phase TEXT NOT NULL,
    within_5 REAL NOT NULL,
    within_10 REAL NOT NULL,
    within_15 REAL NOT NULL,
    PRIMARY KEY (run_id, district_id, life_phase)
);
