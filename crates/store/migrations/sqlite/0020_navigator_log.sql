-- The navigator's log (issue 16): the anonymous referral count becomes a contact — also the
-- transition it concerns and what became of it when followed up. Still nothing about the family:
-- no name, no birth date, no free text (kette_domain::navigator).
ALTER TABLE referral ADD COLUMN transition TEXT;
ALTER TABLE referral ADD COLUMN outcome TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE referral ADD COLUMN outcome_on TEXT;
CREATE INDEX referral_open_follow_up ON referral (municipality_id, outcome, referred_on);
