-- A suspension lowers the trust of every declaration its party made, so copies of the registry
-- kept offline must learn of it: from now on each suspension is a numbered change of the history,
-- kind 'PARTY_SUSPENDED', whose event names no declaration or agreement; the suspension row keeps
-- the event's sequence. Suspensions recorded before this change have none: every snapshot taken
-- since already weighs them.
ALTER TABLE party_suspension ADD COLUMN sequence BIGINT UNIQUE REFERENCES registry_event (sequence);
ALTER TABLE registry_event ALTER COLUMN declaration_id DROP NOT NULL;
-- [jooq ignore start]
ALTER TABLE registry_event DROP CONSTRAINT registry_event_kind_check;
ALTER TABLE registry_event ADD CONSTRAINT registry_event_kind_check
  CHECK (kind IN ('CREATED', 'REVOKED', 'SUPERSEDED', 'LICENCE_GRANTED', 'LICENCE_REVOKED',
                  'PARTY_SUSPENDED'));
ALTER TABLE registry_event ADD CONSTRAINT registry_event_names_its_record
  CHECK ((kind = 'PARTY_SUSPENDED') = (declaration_id IS NULL));
-- [jooq ignore stop]
