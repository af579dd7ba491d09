-- An idempotency key belongs to the party that used it: two parties that pick the same key do
-- not collide, and neither learns that the other used it.
-- [jooq ignore start]
ALTER TABLE batch_upload DROP CONSTRAINT batch_upload_pkey;
CREATE UNIQUE INDEX batch_upload_party_key ON batch_upload (party_id, idempotency_key);
-- [jooq ignore stop]
