-- Steering (issue 15): proposals of the working groups, scored by the steering group on weighted
-- criteria, accepted into measures or rejected with a reason.

CREATE TABLE proposal_criterion (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    label_de TEXT NOT NULL,
    label_en TEXT NOT NULL,
    weight REAL NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (municipality_id, code)
);

-- the default criteria for municipalities that exist already (new ones get them from
-- kette_domain::proposals::default_criteria)
INSERT INTO proposal_criterion (municipality_id, code, label_de, label_en, weight, position)
SELECT m.id, c.code, c.label_de, c.label_en, c.weight, c.position
FROM municipality m CROSS JOIN (
    SELECT 'need' AS code, 'Bedarf' AS label_de, 'Need' AS label_en, 3.0 AS weight, 1 AS position
    UNION ALL SELECT 'reach', 'Reichweite', 'Reach', 2.0, 2
    UNION ALL SELECT 'cost', 'Kosten (5 = günstig)', 'Cost (5 = cheap)', 1.0, 3
    UNION ALL SELECT 'feasibility', 'Umsetzbarkeit', 'Feasibility', 2.0, 4
) c;

CREATE TABLE proposal (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    body_id INTEGER REFERENCES body(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    problem TEXT NOT NULL,
    life_phase TEXT,
    transition TEXT,
    district_id INTEGER REFERENCES district(id) ON DELETE SET NULL,
    expected_benefit TEXT NOT NULL DEFAULT '',
    cost_eur REAL,
    partners TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    measure_id INTEGER REFERENCES measure(id) ON DELETE SET NULL,
    is_fictional INTEGER NOT NULL DEFAULT 0,
    submitted_at TEXT NOT NULL,
    decided_at TEXT
);
CREATE INDEX proposal_municipality ON proposal (municipality_id, status);

CREATE TABLE proposal_score (
    proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
    criterion TEXT NOT NULL,
    score INTEGER NOT NULL,
    scored_at TEXT NOT NULL,
    account_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
    PRIMARY KEY (proposal_id, criterion)
);

ALTER TABLE decision ADD COLUMN proposal_id INTEGER REFERENCES proposal(id) ON DELETE SET NULL;
