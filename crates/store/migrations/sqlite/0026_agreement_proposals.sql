-- Partners propose changes to their own agreements, or new ones (issue 16); the coordination
-- approves (the change is applied) or rejects with a reason.
CREATE TABLE agreement_proposal (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    -- NULL: a new agreement
    agreement_id INTEGER REFERENCES agreement(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    -- the proposed agreement, whole (kette_domain::agreements::AgreementInput as JSON)
    proposed TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    reason TEXT NOT NULL DEFAULT '',
    proposed_by INTEGER REFERENCES account(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    decided_at TEXT
);
CREATE INDEX agreement_proposal_municipality ON agreement_proposal (municipality_id, state);
