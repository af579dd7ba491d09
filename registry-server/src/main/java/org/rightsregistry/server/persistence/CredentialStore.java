package org.rightsregistry.server.persistence;

import static org.rightsregistry.server.persistence.jooq.Tables.API_TOKEN;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.rightsregistry.server.access.Credential;
import org.rightsregistry.server.access.Scope;
import org.rightsregistry.server.persistence.jooq.tables.records.ApiTokenRecord;
import org.springframework.stereotype.Repository;

/** Bearer credentials, stored as digests; every method runs in the caller's transaction. */
@Repository
public class CredentialStore {

  private final DSLContext dsl;

  CredentialStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  public void insert(Credential credential) {
    dsl.insertInto(API_TOKEN)
        .set(API_TOKEN.ID, credential.id())
        .set(API_TOKEN.PARTY_ID, credential.partyId())
        .set(API_TOKEN.SECRET_SHA256, credential.secretSha256())
        .set(API_TOKEN.SCOPES, Scope.toList(credential.scopes()))
        .set(API_TOKEN.LABEL, credential.label())
        .set(API_TOKEN.PER_MINUTE, credential.requestsPerMinute())
        .set(API_TOKEN.CREATED_AT, offset(credential.createdAt()))
        .set(API_TOKEN.EXPIRES_AT, offset(credential.expiresAt()))
        .execute();
  }

  public Optional<Credential> find(String id) {
    return dsl.selectFrom(API_TOKEN)
        .where(API_TOKEN.ID.eq(id))
        .fetchOptional()
        .map(CredentialStore::toCredential);
  }

  /** Revokes a party's credential; false when it has no such credential or it was revoked. */
  public boolean revoke(String partyId, String id, Instant at) {
    return dsl.update(API_TOKEN)
            .set(API_TOKEN.REVOKED_AT, offset(at))
            .where(API_TOKEN.ID.eq(id))
            .and(API_TOKEN.PARTY_ID.eq(partyId))
            .and(API_TOKEN.REVOKED_AT.isNull())
            .execute()
        == 1;
  }

  private static Credential toCredential(ApiTokenRecord row) {
    return new Credential(
        row.getId(),
        row.getPartyId(),
        row.getSecretSha256(),
        Scope.parseList(row.getScopes()),
        row.getLabel(),
        row.getPerMinute(),
        row.getCreatedAt().toInstant(),
        row.getExpiresAt() == null ? null : row.getExpiresAt().toInstant(),
        row.getRevokedAt() == null ? null : row.getRevokedAt().toInstant());
  }

  private static OffsetDateTime offset(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
