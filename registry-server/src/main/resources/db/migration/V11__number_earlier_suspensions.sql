-- Suspensions recorded before V10 made them numbered changes get their numbers now, after the
-- head, so that copies kept offline that are already in step learn of them from the change feed
-- like any later suspension. Each becomes a 'PARTY_SUSPENDED' event recorded now; the suspension
-- rows, append-only otherwise, are given their numbers with their trigger set aside for this
-- one statement, and from here on every suspension has one.
-- [jooq ignore start]
DO $$
DECLARE
  head BIGINT;
  earlier RECORD;
BEGIN
  SELECT last_sequence INTO head FROM registry_head WHERE id = 1 FOR UPDATE;
  ALTER TABLE party_suspension DISABLE TRIGGER party_suspension_append_only;
  FOR earlier IN
    SELECT party_id FROM party_suspension WHERE sequence IS NULL ORDER BY suspended_at, party_id
  LOOP
    head := head + 1;
    INSERT INTO registry_event (sequence, kind, declaration_id, recorded_at)
      VALUES (head, 'PARTY_SUSPENDED', NULL, now());
    UPDATE party_suspension SET sequence = head WHERE party_id = earlier.party_id;
  END LOOP;
  ALTER TABLE party_suspension ENABLE TRIGGER party_suspension_append_only;
  UPDATE registry_head SET last_sequence = head WHERE id = 1;
END $$;
ALTER TABLE party_suspension ALTER COLUMN sequence SET NOT NULL;
-- [jooq ignore stop]
