-- Steering (issue 15): bodies with members, meetings (agenda, attendance, minutes, decisions)
-- and tasks.

-- the body kinds join the vocabulary of every municipality that exists already (new ones get
-- them from kette_domain::vocab::default_terms)
INSERT INTO vocabulary_term (municipality_id, kind, code, label_de, label_en, sort)
SELECT m.id, 'body_kind', k.code, k.label_de, k.label_en, k.sort
FROM municipality m CROSS JOIN (
    SELECT 'steering_group' AS code, 'Steuerungsgruppe' AS label_de, 'Steering group' AS label_en, 1 AS sort
    UNION ALL SELECT 'working_group', 'Arbeitsgruppe', 'Working group', 2
    UNION ALL SELECT 'network_conference', 'Netzwerkkonferenz', 'Network conference', 3
) k
WHERE NOT EXISTS (SELECT 1 FROM vocabulary_term v WHERE v.municipality_id = m.id AND v.kind = 'body_kind');

CREATE TABLE body (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- the secret of the meetings' calendar feed; renewing it ends every subscription
    calendar_token TEXT NOT NULL UNIQUE,
    is_fictional INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX body_municipality ON body (municipality_id);

CREATE TABLE body_member (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
    email TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    is_decision_maker INTEGER NOT NULL DEFAULT 0,
    account_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
    -- members leave; their tasks and attendance stay readable
    left_on TEXT
);
CREATE INDEX body_member_body ON body_member (body_id);
CREATE INDEX body_member_account ON body_member (account_id);

CREATE TABLE meeting (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    -- local time of the municipality, YYYY-MM-DDTHH:MM
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    -- Markdown without HTML (kette_text::markdown)
    minutes TEXT NOT NULL DEFAULT '',
    minutes_updated_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX meeting_body ON meeting (body_id, starts_at);

CREATE TABLE agenda_item (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL
);
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);

CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES body_member(id) ON DELETE CASCADE,
    present INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE decision (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    measure_id INTEGER REFERENCES measure(id) ON DELETE SET NULL,
    goal_id INTEGER REFERENCES goal(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX decision_meeting ON decision (meeting_id);

CREATE TABLE task (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    owner_member_id INTEGER REFERENCES body_member(id) ON DELETE SET NULL,
    due_on TEXT NOT NULL,
    status TEXT NOT NULL,
    -- the day the owner was reminded of the deadline by mail
    reminded_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX task_body ON task (body_id, status, due_on);
CREATE INDEX task_due ON task (municipality_id, status, due_on);
