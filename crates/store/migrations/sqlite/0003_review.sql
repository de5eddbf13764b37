-- Approval of partners' offers and changes, and the verification cycle (issue 3, partner workflow).

ALTER TABLE municipality ADD COLUMN approval_required INTEGER NOT NULL DEFAULT 1;
ALTER TABLE municipality ADD COLUMN verify_every_months INTEGER NOT NULL DEFAULT 12;
-- NULL: lapsed offers stay public until the coordinator acts
ALTER TABLE municipality ADD COLUMN hide_after_days INTEGER DEFAULT 90;
ALTER TABLE municipality ADD COLUMN remind_every_days INTEGER NOT NULL DEFAULT 30;

-- 'pending' (new offer of a partner, not yet public), 'approved', 'rejected'
ALTER TABLE offer ADD COLUMN approval TEXT NOT NULL DEFAULT 'approved';
CREATE INDEX offer_verified ON offer (municipality_id, last_verified_on);

-- where reminders about due offers go; partner editors give their own
ALTER TABLE account ADD COLUMN email TEXT NOT NULL DEFAULT '';

-- A partner's proposal, kept as the complete proposed content (JSON) until a coordinator
-- decides; the public keeps seeing the approved content meanwhile. kind 'content': a whole new
-- offer (is_new = 1, the offer row exists but is not public) or a change to an offer's form
-- content; 'texts': its translations; 'place': a change to a location (location_id);
-- 'organisation': an organisation's description and contact data (organisation_id).
CREATE TABLE offer_change (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'content',
    offer_id INTEGER REFERENCES offer(id) ON DELETE CASCADE,
    location_id INTEGER REFERENCES location(id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisation(id) ON DELETE CASCADE,
    is_new INTEGER NOT NULL DEFAULT 0,
    proposed TEXT NOT NULL,
    proposed_by INTEGER REFERENCES account(id) ON DELETE SET NULL,
    proposed_at TEXT NOT NULL,
    -- 'pending', 'approved', 'rejected', 'superseded' (a newer proposal replaced it)
    state TEXT NOT NULL,
    decided_by INTEGER REFERENCES account(id) ON DELETE SET NULL,
    decided_at TEXT,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX offer_change_open ON offer_change (municipality_id, state);
CREATE INDEX offer_change_offer ON offer_change (offer_id);
CREATE INDEX offer_change_location ON offer_change (location_id);

-- One row per reminder e-mail: who was told about how many due offers, and whether the mail
-- server took it. Keeps partners from being reminded daily.
CREATE TABLE verification_reminder (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    sent_at TEXT NOT NULL,
    recipients TEXT NOT NULL,
    offers INTEGER NOT NULL,
    outcome TEXT NOT NULL
);
CREATE INDEX verification_reminder_org ON verification_reminder (organisation_id, sent_at);
