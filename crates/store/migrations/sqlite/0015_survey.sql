-- Steering (issue 15): the partners' yearly self-assessment. A token row holds only the hash of
-- the one-time link and whether it was used — no recipient, no time; an answer row holds no
-- token, no person and no time. Nothing links an answer to whoever gave it.

CREATE TABLE survey_round (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    links_sent INTEGER NOT NULL DEFAULT 0,
    responses INTEGER NOT NULL DEFAULT 0,
    is_fictional INTEGER NOT NULL DEFAULT 0,
    UNIQUE (municipality_id, year)
);

CREATE TABLE survey_token (
    token_hash TEXT PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES survey_round(id) ON DELETE CASCADE,
    used INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE survey_answer (
    round_id INTEGER NOT NULL REFERENCES survey_round(id) ON DELETE CASCADE,
    factor TEXT NOT NULL,
    score INTEGER NOT NULL
);
CREATE INDEX survey_answer_round ON survey_answer (round_id, factor);
