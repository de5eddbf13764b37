-- The engagement register (issue 16): needs stated by offers or measures, and gifts of money,
-- things or volunteer time offered by businesses, foundations, clubs and (unnamed) citizens,
-- matched to a need and followed to delivered and thanked.
CREATE TABLE need (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    offer_id INTEGER REFERENCES offer(id) ON DELETE CASCADE,
    measure_id INTEGER REFERENCES measure(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    is_met INTEGER NOT NULL DEFAULT 0,
    is_fictional INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX need_municipality ON need (municipality_id, is_met);

CREATE TABLE gift (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    giver_kind TEXT NOT NULL,
    giver_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    amount_eur REAL,
    hours INTEGER,
    offered_on TEXT NOT NULL,
    need_id INTEGER REFERENCES need(id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    status_on TEXT NOT NULL,
    is_fictional INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX gift_municipality ON gift (municipality_id, status);
