-- The census grid a municipality imported for the needs analysis (issue 14): the inhabited
-- cells of the Zensus grid (published, already made confidential by the statistical offices)
-- that lie in the municipality, with their centre, population and children where the table
-- has them. Secret counts stay NULL. Replaced whole by the next import.
CREATE TABLE census_grid (
    municipality_id INTEGER PRIMARY KEY REFERENCES municipality(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    people_column TEXT,
    children_column TEXT,
    cell_m REAL NOT NULL,
    imported_by INTEGER REFERENCES account(id) ON DELETE SET NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE census_cell (
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    cell_id TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    people REAL,
    children REAL,
    PRIMARY KEY (municipality_id, cell_id)
);
