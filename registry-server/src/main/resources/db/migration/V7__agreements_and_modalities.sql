-- Licence agreements, and declarations restricted to modalities. Like declarations, agreements
-- are append-only: a revocation is a new row, numbered in the same registry log.

-- The modalities a declaration is restricted to, comma-separated ids (image,text); NULL for every
-- modality. Earlier declarations covered every modality.
ALTER TABLE declaration ADD COLUMN modalities VARCHAR(64);

-- Licensor and licensee are registered parties.
CREATE TABLE agreement (
  id            UUID          PRIMARY KEY,
  sequence      BIGINT        NOT NULL UNIQUE REFERENCES registry_event (sequence),
  recorded_at   TIMESTAMPTZ   NOT NULL,
  licensor_id   VARCHAR(128)  NOT NULL REFERENCES party (id),
  licensor_name VARCHAR(300),
  licensee_id   VARCHAR(128)  NOT NULL REFERENCES party (id),
  licensee_name VARCHAR(300),
  valid_from    TIMESTAMPTZ,
  valid_until   TIMESTAMPTZ,
  recorded_by   VARCHAR(128),
  note          VARCHAR(2000),
  CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until > valid_from),
  CHECK (licensor_id <> licensee_id)
);
CREATE INDEX agreement_licensee ON agreement (licensee_id);

-- What an agreement covers, filed under the same lookup keys as declaration subjects.
CREATE TABLE agreement_subject (
  agreement_id   UUID          NOT NULL REFERENCES agreement (id),
  position       INTEGER       NOT NULL,
  selector_type  VARCHAR(16)   NOT NULL
                 CHECK (selector_type IN ('url', 'url-prefix', 'domain', 'sha256', 'accession')),
  selector_value VARCHAR(4096) NOT NULL,
  institution    VARCHAR(128),
  lookup_key     VARCHAR(4200) NOT NULL,
  PRIMARY KEY (agreement_id, position)
);
CREATE INDEX agreement_subject_lookup ON agreement_subject USING hash (lookup_key);

CREATE TABLE agreement_usage (
  agreement_id UUID        NOT NULL REFERENCES agreement (id),
  category     VARCHAR(64) NOT NULL,
  PRIMARY KEY (agreement_id, category)
);

CREATE TABLE agreement_revocation (
  agreement_id UUID          PRIMARY KEY REFERENCES agreement (id),
  sequence     BIGINT        NOT NULL UNIQUE REFERENCES registry_event (sequence),
  recorded_at  TIMESTAMPTZ   NOT NULL,
  reason       VARCHAR(2000)
);

-- [jooq ignore start]
-- The log's events now also number agreements; declaration_id then holds the agreement's id.
ALTER TABLE registry_event DROP CONSTRAINT registry_event_kind_check;
ALTER TABLE registry_event ADD CONSTRAINT registry_event_kind_check
  CHECK (kind IN ('CREATED', 'REVOKED', 'SUPERSEDED', 'LICENCE_GRANTED', 'LICENCE_REVOKED'));

CREATE TRIGGER agreement_append_only BEFORE UPDATE OR DELETE ON agreement
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER agreement_subject_append_only BEFORE UPDATE OR DELETE ON agreement_subject
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER agreement_usage_append_only BEFORE UPDATE OR DELETE ON agreement_usage
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER agreement_revocation_append_only BEFORE UPDATE OR DELETE ON agreement_revocation
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER agreement_no_truncate BEFORE TRUNCATE ON agreement
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
-- [jooq ignore stop]
