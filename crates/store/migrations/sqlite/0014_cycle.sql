-- Steering (issue 15): the strategy cycle — the phase and its history, the municipality's
-- changes to the default checklist (kette_domain::cycle::default_items), and what is achieved.

CREATE TABLE cycle_phase (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    phase TEXT NOT NULL,
    since TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    account_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX cycle_phase_municipality ON cycle_phase (municipality_id, since);

-- renamed, hidden or added checklist items; defaults without a row here apply as they are
CREATE TABLE cycle_item (
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    phase TEXT NOT NULL,
    kind TEXT NOT NULL,
    label_de TEXT NOT NULL,
    label_en TEXT NOT NULL DEFAULT '',
    hidden INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (municipality_id, code)
);

CREATE TABLE cycle_check (
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    item_code TEXT NOT NULL,
    done_on TEXT NOT NULL,
    decision_id INTEGER REFERENCES decision(id) ON DELETE SET NULL,
    measure_id INTEGER REFERENCES measure(id) ON DELETE SET NULL,
    document_url TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    account_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (municipality_id, item_code)
);
