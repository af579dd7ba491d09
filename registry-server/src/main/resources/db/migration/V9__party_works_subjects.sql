-- A subject may cover every work of a party: selector type 'party-works', the party id as its
-- value, filed under the lookup key 'party-works <party id>'. Checks look that key up only for
-- the rights holders of the declarations an item's other keys found.
-- [jooq ignore start]
ALTER TABLE declaration_subject DROP CONSTRAINT declaration_subject_selector_type_check;
ALTER TABLE declaration_subject ADD CONSTRAINT declaration_subject_selector_type_check
  CHECK (selector_type IN ('url', 'url-prefix', 'domain', 'sha256', 'accession', 'party-works'));
ALTER TABLE agreement_subject DROP CONSTRAINT agreement_subject_selector_type_check;
ALTER TABLE agreement_subject ADD CONSTRAINT agreement_subject_selector_type_check
  CHECK (selector_type IN ('url', 'url-prefix', 'domain', 'sha256', 'accession', 'party-works'));
-- [jooq ignore stop]
