-- The finder (issue 3): translated offer texts, the coordinator's synonym list, anonymous
-- referrals and accessibility feedback.

-- A translation of an offer's title and description; language 'de-x-ls' is Leichte Sprache.
CREATE TABLE offer_translation (
    offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (offer_id, language)
);

-- Notes for professionals (navigators, coordinators): never public.
ALTER TABLE offer ADD COLUMN internal_note TEXT NOT NULL DEFAULT '';

-- One group of words or phrases that mean the same in a search, comma-separated.
CREATE TABLE search_synonym (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    phrases TEXT NOT NULL
);
CREATE INDEX search_synonym_municipality ON search_synonym (municipality_id);

-- A navigator's referral, counted without anything about the family: no name, no address,
-- no age beyond the life phase, no free text.
CREATE TABLE referral (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    referred_on TEXT NOT NULL,
    offer_id INTEGER REFERENCES offer(id) ON DELETE SET NULL,
    district_id INTEGER REFERENCES district(id) ON DELETE SET NULL,
    life_phase TEXT,
    domain TEXT,
    language TEXT
);
CREATE INDEX referral_municipality_date ON referral (municipality_id, referred_on);

-- Feedback on accessibility and content (BITV 2.0 § 7 feedback mechanism). Deliberately no
-- contact fields: whoever wants an answer writes to the contact address on the statement page.
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    page TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL,
    message TEXT NOT NULL,
    handled_at TEXT
);
