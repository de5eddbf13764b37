-- Boundary changes (issue 4): stored crosswalks from another boundary version into the one whose
-- districts are stored, and a mark on every value that was carried across such a change.
CREATE TABLE crosswalk (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    from_version TEXT NOT NULL,
    to_version TEXT NOT NULL,
    -- 'area': computed from polygon overlap; 'file': imported as given
    method TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    account_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
    UNIQUE (municipality_id, from_version, to_version)
);

CREATE TABLE crosswalk_link (
    crosswalk_id INTEGER NOT NULL REFERENCES crosswalk(id) ON DELETE CASCADE,
    from_key TEXT NOT NULL,
    to_key TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (crosswalk_id, from_key, to_key)
);

-- the boundary version a value was carried from (NULL: published for these districts)
ALTER TABLE observation ADD COLUMN carried_from TEXT;
