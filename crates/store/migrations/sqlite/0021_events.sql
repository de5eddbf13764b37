-- The network's events (issue 16): Fachtage, trainings, introductions, kick-offs, network
-- conferences; participants counted by organisation and profession, never by name.
CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- local time, minutes: YYYY-MM-DDTHH:MM
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    organiser_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
    cycle_phase TEXT,
    is_public INTEGER NOT NULL DEFAULT 0,
    is_fictional INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX event_municipality_start ON event (municipality_id, starts_at);

CREATE TABLE event_goal (
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, goal_id)
);

CREATE TABLE event_attendance (
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
    profession TEXT NOT NULL,
    participants INTEGER NOT NULL
);
CREATE INDEX event_attendance_event ON event_attendance (event_id);

-- the secret link of the municipality's full event calendar (the public feed has public events
-- only); set on first use for municipalities created later
ALTER TABLE municipality ADD COLUMN events_token TEXT;
UPDATE municipality SET events_token = lower(hex(randomblob(16)));
