-- Foundation schema. Portable SQL where possible: the PostgreSQL twin of this file differs only
-- in key types. Booleans are INTEGER 0/1, dates TEXT (ISO 8601), timestamps TEXT (RFC 3339).

CREATE TABLE municipality (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    attribution TEXT NOT NULL DEFAULT '',
    is_demo INTEGER NOT NULL DEFAULT 0,
    -- bumped by every write that changes offers, their places or the vocabulary; lets readers
    -- (in this or another process) know when derived figures such as the chain matrix are stale
    generation INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE vocabulary_term (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    label_de TEXT NOT NULL,
    label_en TEXT NOT NULL,
    min_age_months INTEGER,
    max_age_months INTEGER,
    sort INTEGER NOT NULL DEFAULT 0,
    UNIQUE (municipality_id, kind, code)
);

CREATE TABLE district_level (
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    level INTEGER NOT NULL,
    code TEXT NOT NULL,
    label_de TEXT NOT NULL,
    label_en TEXT NOT NULL,
    PRIMARY KEY (municipality_id, level)
);

CREATE TABLE district (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    level INTEGER NOT NULL,
    parent_id INTEGER REFERENCES district(id),
    boundary_version TEXT NOT NULL,
    -- materialised path of keys, '/01/0101/', so that descendants are one prefix match
    path TEXT NOT NULL,
    geometry TEXT,
    area_m2 REAL,
    min_lon REAL, min_lat REAL, max_lon REAL, max_lat REAL,
    UNIQUE (municipality_id, boundary_version, key)
);
CREATE INDEX district_parent ON district (parent_id);
CREATE INDEX district_path ON district (municipality_id, path);

CREATE TABLE population (
    district_id INTEGER NOT NULL REFERENCES district(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    age_group TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (district_id, year, age_group)
);

CREATE TABLE organisation (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    external_key TEXT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    is_fictional INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT '',
    sort_key TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (municipality_id, external_key)
);
CREATE INDEX organisation_name ON organisation (municipality_id, sort_key);

CREATE TABLE contact_person (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT ''
);

CREATE TABLE location (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    external_key TEXT,
    name TEXT NOT NULL,
    street TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    lat REAL,
    lon REAL,
    district_id INTEGER REFERENCES district(id),
    is_anchor_point INTEGER NOT NULL DEFAULT 0,
    is_confidential INTEGER NOT NULL DEFAULT 0,
    UNIQUE (municipality_id, external_key)
);
CREATE INDEX location_org ON location (organisation_id);
CREATE INDEX location_district ON location (district_id);

CREATE TABLE offer (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    external_key TEXT,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    min_age_months INTEGER,
    max_age_months INTEGER,
    -- the range the finder filters on: own ages, else the hull of the life phases
    eff_min_age_months INTEGER,
    eff_max_age_months INTEGER,
    prevention_level TEXT NOT NULL,
    cost TEXT NOT NULL,
    access TEXT NOT NULL,
    schedule TEXT NOT NULL DEFAULT '',
    capacity INTEGER,
    reach_per_year INTEGER,
    funding_kind TEXT,
    funding_source TEXT NOT NULL DEFAULT '',
    funding_amount_eur REAL,
    funding_until TEXT,
    status TEXT NOT NULL,
    last_verified_on TEXT,
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    is_fictional INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT '',
    -- German alphabetical order without collation support in the database: ä sorts as a
    sort_key TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (municipality_id, external_key)
);
CREATE INDEX offer_org ON offer (organisation_id);
CREATE INDEX offer_status ON offer (municipality_id, status, sort_key);

CREATE TABLE offer_term (
    offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (offer_id, kind, code)
);
CREATE INDEX offer_term_code ON offer_term (kind, code);

CREATE TABLE offer_language (
    offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    PRIMARY KEY (offer_id, language)
);

CREATE TABLE offer_location (
    offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    location_id INTEGER NOT NULL REFERENCES location(id) ON DELETE CASCADE,
    PRIMARY KEY (offer_id, location_id)
);
CREATE INDEX offer_location_loc ON offer_location (location_id);

CREATE TABLE indicator (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name_de TEXT NOT NULL,
    name_en TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    licence TEXT NOT NULL DEFAULT '',
    min_denominator REAL,
    numerator_definition TEXT NOT NULL DEFAULT '',
    denominator_definition TEXT NOT NULL DEFAULT '',
    release_date TEXT,
    spatial_level TEXT NOT NULL DEFAULT '',
    UNIQUE (municipality_id, code)
);

-- where imported values came from: every observation points to the import that wrote it
CREATE TABLE import_log (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    account_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
    at TEXT NOT NULL,
    rows INTEGER NOT NULL
);

CREATE TABLE observation (
    indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    district_id INTEGER NOT NULL REFERENCES district(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    value REAL,
    numerator REAL,
    denominator REAL,
    source TEXT NOT NULL DEFAULT '',
    import_id INTEGER REFERENCES import_log(id),
    PRIMARY KEY (indicator_id, district_id, year)
);
CREATE INDEX observation_district ON observation (district_id, year);

-- index recipes (TOML); every save is a new version, old versions stay for reproducibility
CREATE TABLE recipe (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    toml TEXT NOT NULL,
    created_at TEXT NOT NULL,
    account_id INTEGER,
    UNIQUE (municipality_id, code, version)
);

CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisation(id),
    is_fictional INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE session (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    account_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit_log (entity, entity_id);
