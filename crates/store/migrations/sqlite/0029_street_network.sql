-- A municipality's street network for reachability (issue 14): the OpenStreetMap extract as
-- imported (ODbL, © OpenStreetMap contributors), one per travel profile. The network is built
-- from it in memory when needed; what it held is kept for the page.
CREATE TABLE street_network (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    profile TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    extract BLOB NOT NULL,
    ways INTEGER NOT NULL,
    junctions INTEGER NOT NULL,
    edges INTEGER NOT NULL,
    imported_by INTEGER REFERENCES account(id) ON DELETE SET NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (municipality_id, profile)
);
