-- The registry's history. Nothing here is ever updated or deleted: creating, revoking and
-- superseding a declaration each append rows, and the current state is derived from them.

-- The last sequence number handed out. Writers take the row lock, so numbers are gap-free and
-- increase in commit order.
CREATE TABLE registry_head (
  id            SMALLINT PRIMARY KEY CHECK (id = 1),
  last_sequence BIGINT   NOT NULL CHECK (last_sequence >= 0)
);
INSERT INTO registry_head (id, last_sequence) VALUES (1, 0);

-- One row per change, numbered without gaps.
CREATE TABLE registry_event (
  sequence       BIGINT      PRIMARY KEY,
  kind           VARCHAR(16) NOT NULL CHECK (kind IN ('CREATED', 'REVOKED', 'SUPERSEDED')),
  declaration_id UUID        NOT NULL,
  recorded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX registry_event_declaration ON registry_event (declaration_id);

CREATE TABLE declaration (
  id                 UUID          PRIMARY KEY,
  sequence           BIGINT        NOT NULL UNIQUE REFERENCES registry_event (sequence),
  recorded_at        TIMESTAMPTZ   NOT NULL,
  declarant_id       VARCHAR(128)  NOT NULL,
  declarant_name     VARCHAR(300),
  rights_holder_id   VARCHAR(128),
  rights_holder_name VARCHAR(300),
  rights_statement   VARCHAR(200),
  valid_from         TIMESTAMPTZ,
  valid_until        TIMESTAMPTZ,
  supersedes         UUID          UNIQUE REFERENCES declaration (id),
  note               VARCHAR(2000),
  CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until > valid_from)
);

-- What a declaration covers. lookup_key is what checks search by: the selector type and its
-- normalised key, except that a URL prefix is filed under the prefix cut after its last '/',
-- so a URL finds every prefix that may cover it from the few directory levels of its path.
CREATE TABLE declaration_subject (
  declaration_id UUID          NOT NULL REFERENCES declaration (id),
  position       INTEGER       NOT NULL,
  selector_type  VARCHAR(16)   NOT NULL
                 CHECK (selector_type IN ('url', 'url-prefix', 'domain', 'sha256', 'accession')),
  selector_value VARCHAR(4096) NOT NULL,
  institution    VARCHAR(128),
  lookup_key     VARCHAR(4200) NOT NULL,
  PRIMARY KEY (declaration_id, position)
);
CREATE INDEX declaration_subject_lookup ON declaration_subject (lookup_key);

CREATE TABLE declaration_usage (
  declaration_id UUID        NOT NULL REFERENCES declaration (id),
  category       VARCHAR(64) NOT NULL,
  effect         VARCHAR(32) NOT NULL CHECK (effect IN ('reserved', 'allowed', 'licence-required')),
  PRIMARY KEY (declaration_id, category)
);

CREATE TABLE revocation (
  declaration_id UUID          PRIMARY KEY REFERENCES declaration (id),
  sequence       BIGINT        NOT NULL UNIQUE REFERENCES registry_event (sequence),
  recorded_at    TIMESTAMPTZ   NOT NULL,
  reason         VARCHAR(2000)
);

-- A batch upload, kept so that a retry with the same idempotency key stores nothing twice.
CREATE TABLE batch_upload (
  idempotency_key VARCHAR(200) PRIMARY KEY,
  request_sha256  CHAR(64)     NOT NULL,
  first_sequence  BIGINT       NOT NULL,
  last_sequence   BIGINT       NOT NULL,
  declared        INTEGER      NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL
);

-- A bulk import from an institution's export (the Tate demo), recorded once it has committed.
CREATE TABLE collection_import (
  source         VARCHAR(64)  PRIMARY KEY,
  source_sha256  CHAR(64)     NOT NULL,
  first_sequence BIGINT,
  last_sequence  BIGINT,
  artworks       INTEGER      NOT NULL,
  declared       INTEGER      NOT NULL,
  skipped        INTEGER      NOT NULL,
  recorded_at    TIMESTAMPTZ  NOT NULL
);

-- [jooq ignore start]
-- The database itself refuses to rewrite history, whatever the application does.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TRIGGER registry_event_append_only BEFORE UPDATE OR DELETE ON registry_event
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER declaration_append_only BEFORE UPDATE OR DELETE ON declaration
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER declaration_subject_append_only BEFORE UPDATE OR DELETE ON declaration_subject
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER declaration_usage_append_only BEFORE UPDATE OR DELETE ON declaration_usage
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER revocation_append_only BEFORE UPDATE OR DELETE ON revocation
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON registry_event
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER declaration_no_truncate BEFORE TRUNCATE ON declaration
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
-- [jooq ignore stop]
