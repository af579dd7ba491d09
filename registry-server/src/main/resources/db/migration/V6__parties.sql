-- Parties, their credentials, proof of domain control, agents and the audit trail.
-- Credentials are stored as SHA-256 digests only; the token itself is shown once and never kept.

CREATE TABLE party (
  id           VARCHAR(128) PRIMARY KEY,
  name         VARCHAR(300) NOT NULL,
  role         VARCHAR(32)  NOT NULL CHECK (role IN ('creator', 'rights-holder', 'institution',
                                                     'agent', 'licensee', 'exchange', 'operator')),
  -- How the registry verified who the party is, beyond the domains it proved.
  verification VARCHAR(32)  CHECK (verification IN ('institution-verified', 'operator-verified')),
  created_at   TIMESTAMPTZ  NOT NULL
);

-- An operator's suspension: the party can no longer act, and its statements stay in the history,
-- flagged. Append-only.
CREATE TABLE party_suspension (
  party_id     VARCHAR(128)  PRIMARY KEY REFERENCES party (id),
  suspended_at TIMESTAMPTZ   NOT NULL,
  suspended_by VARCHAR(128)  NOT NULL REFERENCES party (id),
  reason       VARCHAR(2000)
);

-- Identifiers a party proved or an operator vouched for: a domain (by an HTTP or DNS challenge,
-- or by an operator), an ISNI, ORCID or Wikidata id (by an operator).
CREATE TABLE party_identifier (
  party_id    VARCHAR(128) NOT NULL REFERENCES party (id),
  scheme      VARCHAR(16)  NOT NULL CHECK (scheme IN ('domain', 'isni', 'orcid', 'wikidata')),
  value       VARCHAR(300) NOT NULL,
  method      VARCHAR(16)  NOT NULL CHECK (method IN ('http', 'dns', 'operator')),
  verified_at TIMESTAMPTZ  NOT NULL,
  PRIMARY KEY (party_id, scheme, value)
);

-- A bearer token: "rr_<id>_<secret>". The id finds the row; the secret is compared, in constant
-- time, with secret_sha256.
CREATE TABLE api_token (
  id            VARCHAR(16)  PRIMARY KEY,
  party_id      VARCHAR(128) NOT NULL REFERENCES party (id),
  secret_sha256 CHAR(64)     NOT NULL,
  scopes        VARCHAR(64)  NOT NULL,
  label         VARCHAR(200),
  per_minute    INTEGER      NOT NULL CHECK (per_minute > 0),
  created_at    TIMESTAMPTZ  NOT NULL,
  expires_at    TIMESTAMPTZ,
  revoked_at    TIMESTAMPTZ
);
CREATE INDEX api_token_party ON api_token (party_id);

-- A proof-of-control challenge for a domain; used once.
CREATE TABLE domain_challenge (
  id          UUID         PRIMARY KEY,
  party_id    VARCHAR(128) NOT NULL REFERENCES party (id),
  domain      VARCHAR(253) NOT NULL,
  method      VARCHAR(8)   NOT NULL CHECK (method IN ('http', 'dns')),
  token       VARCHAR(64)  NOT NULL UNIQUE,
  created_at  TIMESTAMPTZ  NOT NULL,
  expires_at  TIMESTAMPTZ  NOT NULL,
  verified_at TIMESTAMPTZ
);

-- A party (the principal) lets another (the agent) act for it within scopes, until revoked.
CREATE TABLE agent_authorisation (
  id           UUID         PRIMARY KEY,
  principal_id VARCHAR(128) NOT NULL REFERENCES party (id),
  agent_id     VARCHAR(128) NOT NULL REFERENCES party (id),
  scopes       VARCHAR(64)  NOT NULL,
  created_at   TIMESTAMPTZ  NOT NULL,
  revoked_at   TIMESTAMPTZ,
  CHECK (principal_id <> agent_id)
);
CREATE INDEX agent_authorisation_agent ON agent_authorisation (agent_id);

-- Every write: who (and for whom), with which credential, when, from where, what. Append-only.
CREATE TABLE audit_event (
  id             BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recorded_at    TIMESTAMPTZ   NOT NULL,
  party_id       VARCHAR(128)  NOT NULL,
  on_behalf_of   VARCHAR(128),
  token_id       VARCHAR(16),
  remote_address VARCHAR(64),
  action         VARCHAR(64)   NOT NULL,
  target         VARCHAR(300),
  detail         VARCHAR(2000)
);
CREATE INDEX audit_event_party ON audit_event (party_id, id);
CREATE INDEX audit_event_on_behalf_of ON audit_event (on_behalf_of, id);

-- How sure the registry was, when it recorded a declaration, that the declarant may make it; and
-- the agent that recorded it for the declarant, if any. Earlier declarations were not verified.
ALTER TABLE declaration ADD COLUMN trust_level VARCHAR(32) NOT NULL DEFAULT 'self-asserted'
  CHECK (trust_level IN ('self-asserted', 'domain-verified', 'institution-verified',
                         'operator-verified'));
ALTER TABLE declaration ADD COLUMN recorded_by VARCHAR(128);

-- A batch's idempotency key belongs to the party that used it.
ALTER TABLE batch_upload ADD COLUMN party_id VARCHAR(128);

-- [jooq ignore start]
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER party_suspension_append_only BEFORE UPDATE OR DELETE ON party_suspension
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER party_identifier_append_only BEFORE UPDATE OR DELETE ON party_identifier
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
-- [jooq ignore stop]
