-- The network (issue 16): cooperation agreements between organisations — who does what for
-- which life phase, transition and district, with named contact persons and a document.

-- the agreement kinds join the vocabulary of every municipality that exists already (new ones
-- get them from kette_domain::vocab::default_terms)
INSERT INTO vocabulary_term (municipality_id, kind, code, label_de, label_en, sort)
SELECT m.id, 'agreement_kind', k.code, k.label_de, k.label_en, k.sort
FROM municipality m CROSS JOIN (
    SELECT 'cooperation_agreement' AS code, 'Kooperationsvereinbarung' AS label_de, 'Cooperation agreement' AS label_en, 1 AS sort
    UNION ALL SELECT 'joint_offer', 'Gemeinsames Angebot', 'Joint offer', 2
    UNION ALL SELECT 'referral_route', 'Verweisungsweg', 'Referral route', 3
    UNION ALL SELECT 'shared_working_group', 'Gemeinsame Arbeitsgruppe', 'Shared working group', 4
) k
WHERE NOT EXISTS (SELECT 1 FROM vocabulary_term v WHERE v.municipality_id = m.id AND v.kind = 'agreement_kind');

CREATE TABLE agreement (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    since TEXT,
    until TEXT,
    -- named contact persons (professionals), one per line
    contacts TEXT NOT NULL DEFAULT '',
    document_url TEXT NOT NULL DEFAULT '',
    is_fictional INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX agreement_municipality ON agreement (municipality_id);

CREATE TABLE agreement_party (
    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, organisation_id)
);
CREATE INDEX agreement_party_organisation ON agreement_party (organisation_id);

-- who does what: a party's task, for a life phase, transition and district where it says so
CREATE TABLE agreement_duty (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    task TEXT NOT NULL,
    life_phase TEXT,
    transition TEXT,
    district_id INTEGER REFERENCES district(id) ON DELETE SET NULL
);
