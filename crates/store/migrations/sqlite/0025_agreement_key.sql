-- The key an agreement table gives each agreement (issue 16), so importing the table again
-- updates what it imported before instead of adding it twice.
ALTER TABLE agreement ADD COLUMN external_key TEXT;
CREATE UNIQUE INDEX agreement_external_key ON agreement (municipality_id, external_key);
