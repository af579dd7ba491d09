package org.rightsregistry.server.persistence;

import static org.rightsregistry.server.persistence.jooq.Tables.AGENT_AUTHORISATION;
import static org.rightsregistry.server.persistence.jooq.Tables.DOMAIN_CHALLENGE;
import static org.rightsregistry.server.persistence.jooq.Tables.PARTY;
import static org.rightsregistry.server.persistence.jooq.Tables.PARTY_IDENTIFIER;
import static org.rightsregistry.server.persistence.jooq.Tables.PARTY_SUSPENSION;
import static org.rightsregistry.server.persistence.jooq.Tables.REGISTRY_EVENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.server.access.Scope;
import org.rightsregistry.server.party.AgentAuthorisation;
import org.rightsregistry.server.party.DomainChallenge;
import org.rightsregistry.server.party.PartyRole;
import org.rightsregistry.server.party.RegisteredParty;
import org.rightsregistry.server.party.RegisteredParty.Suspension;
import org.rightsregistry.server.party.RegisteredParty.VerifiedIdentifier;
import org.rightsregistry.server.persistence.jooq.tables.records.AgentAuthorisationRecord;
import org.rightsregistry.server.persistence.jooq.tables.records.DomainChallengeRecord;
import org.springframework.stereotype.Repository;

/**
 * Parties, their verified identifiers, suspensions, agents and domain challenges. Every method runs
 * in the caller's transaction.
 */
@Repository
public class PartyStore {

  private final DSLContext dsl;

  PartyStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  public void insert(String id, String name, PartyRole role, Instant at) {
    dsl.insertInto(PARTY)
        .set(PARTY.ID, id)
        .set(PARTY.NAME, name)
        .set(PARTY.ROLE, role.id())
        .set(PARTY.CREATED_AT, offset(at))
        .execute();
  }

  /** Whether any party has the operator role. */
  public boolean anyOperator() {
    return dsl.fetchExists(PARTY, PARTY.ROLE.eq(PartyRole.OPERATOR.id()));
  }

  /** The party with its identifiers and suspension, if it exists. */
  public Optional<RegisteredParty> find(String id) {
    return dsl.selectFrom(PARTY)
        .where(PARTY.ID.eq(id))
        .fetchOptional()
        .map(
            row ->
                new RegisteredParty(
                    row.getId(),
                    row.getName(),
                    PartyRole.fromId(row.getRole()),
                    row.getVerification() == null ? null : TrustLevel.fromId(row.getVerification()),
                    row.getCreatedAt().toInstant(),
                    suspension(id),
                    identifiers(id)));
  }

  public void setVerification(String id, TrustLevel level) {
    dsl.update(PARTY).set(PARTY.VERIFICATION, level.id()).where(PARTY.ID.eq(id)).execute();
  }

  /**
   * Records a suspension as the numbered change {@code sequence} of the history, so that copies
   * kept offline learn that the party's declarations no longer carry its trust.
   *
   * @param sequence a sequence number the caller's transaction has just allocated
   */
  public void suspend(String id, String by, String reason, Instant at, long sequence) {
    dsl.insertInto(REGISTRY_EVENT)
        .set(REGISTRY_EVENT.SEQUENCE, sequence)
        .set(REGISTRY_EVENT.KIND, "PARTY_SUSPENDED")
        .set(REGISTRY_EVENT.RECORDED_AT, offset(at))
        .execute();
    dsl.insertInto(PARTY_SUSPENSION)
        .set(PARTY_SUSPENSION.PARTY_ID, id)
        .set(PARTY_SUSPENSION.SUSPENDED_BY, by)
        .set(PARTY_SUSPENSION.REASON, reason)
        .set(PARTY_SUSPENSION.SUSPENDED_AT, offset(at))
        .set(PARTY_SUSPENSION.SEQUENCE, sequence)
        .execute();
  }

  /** Records a verified identifier; recording one a second time keeps the first record. */
  public void addIdentifier(
      String partyId, String scheme, String value, String method, Instant at) {
    dsl.insertInto(PARTY_IDENTIFIER)
        .set(PARTY_IDENTIFIER.PARTY_ID, partyId)
        .set(PARTY_IDENTIFIER.SCHEME, scheme)
        .set(PARTY_IDENTIFIER.VALUE, value)
        .set(PARTY_IDENTIFIER.METHOD, method)
        .set(PARTY_IDENTIFIER.VERIFIED_AT, offset(at))
        .onConflictDoNothing()
        .execute();
  }

  public void insertAuthorisation(AgentAuthorisation authorisation) {
    dsl.insertInto(AGENT_AUTHORISATION)
        .set(AGENT_AUTHORISATION.ID, authorisation.id())
        .set(AGENT_AUTHORISATION.PRINCIPAL_ID, authorisation.principalId())
        .set(AGENT_AUTHORISATION.AGENT_ID, authorisation.agentId())
        .set(AGENT_AUTHORISATION.SCOPES, Scope.toList(authorisation.scopes()))
        .set(AGENT_AUTHORISATION.CREATED_AT, offset(authorisation.createdAt()))
        .execute();
  }

  public Optional<AgentAuthorisation> findAuthorisation(UUID id) {
    return dsl.selectFrom(AGENT_AUTHORISATION)
        .where(AGENT_AUTHORISATION.ID.eq(id))
        .fetchOptional()
        .map(PartyStore::toAuthorisation);
  }

  /** Revokes an authorisation in force; false when it was revoked before. */
  public boolean revokeAuthorisation(UUID id, Instant at) {
    return dsl.update(AGENT_AUTHORISATION)
            .set(AGENT_AUTHORISATION.REVOKED_AT, offset(at))
            .where(AGENT_AUTHORISATION.ID.eq(id))
            .and(AGENT_AUTHORISATION.REVOKED_AT.isNull())
            .execute()
        == 1;
  }

  /** The scopes in force in which {@code agentId} may act for {@code principalId}. */
  public Set<Scope> agentScopes(String principalId, String agentId) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    dsl.select(AGENT_AUTHORISATION.SCOPES)
        .from(AGENT_AUTHORISATION)
        .where(AGENT_AUTHORISATION.PRINCIPAL_ID.eq(principalId))
        .and(AGENT_AUTHORISATION.AGENT_ID.eq(agentId))
        .and(AGENT_AUTHORISATION.REVOKED_AT.isNull())
        .fetch(AGENT_AUTHORISATION.SCOPES)
        .forEach(list -> scopes.addAll(Scope.parseList(list)));
    return scopes;
  }

  public void insertChallenge(DomainChallenge challenge) {
    dsl.insertInto(DOMAIN_CHALLENGE)
        .set(DOMAIN_CHALLENGE.ID, challenge.id())
        .set(DOMAIN_CHALLENGE.PARTY_ID, challenge.partyId())
        .set(DOMAIN_CHALLENGE.DOMAIN, challenge.domain())
        .set(DOMAIN_CHALLENGE.METHOD, challenge.method())
        .set(DOMAIN_CHALLENGE.TOKEN, challenge.token())
        .set(DOMAIN_CHALLENGE.CREATED_AT, offset(challenge.createdAt()))
        .set(DOMAIN_CHALLENGE.EXPIRES_AT, offset(challenge.expiresAt()))
        .execute();
  }

  /** The challenge, locked until the transaction ends so that it is used at most once. */
  public Optional<DomainChallenge> findChallengeForUpdate(UUID id) {
    return dsl.selectFrom(DOMAIN_CHALLENGE)
        .where(DOMAIN_CHALLENGE.ID.eq(id))
        .forUpdate()
        .fetchOptional()
        .map(PartyStore::toChallenge);
  }

  public void markChallengeVerified(UUID id, Instant at) {
    dsl.update(DOMAIN_CHALLENGE)
        .set(DOMAIN_CHALLENGE.VERIFIED_AT, offset(at))
        .where(DOMAIN_CHALLENGE.ID.eq(id))
        .execute();
  }

  private Suspension suspension(String id) {
    return dsl.selectFrom(PARTY_SUSPENSION)
        .where(PARTY_SUSPENSION.PARTY_ID.eq(id))
        .fetchOptional()
        .map(
            row ->
                new Suspension(
                    row.getSuspendedAt().toInstant(), row.getSuspendedBy(), row.getReason()))
        .orElse(null);
  }

  private List<VerifiedIdentifier> identifiers(String id) {
    return dsl.selectFrom(PARTY_IDENTIFIER)
        .where(PARTY_IDENTIFIER.PARTY_ID.eq(id))
        .orderBy(PARTY_IDENTIFIER.SCHEME, PARTY_IDENTIFIER.VALUE)
        .fetch(
            row ->
                new VerifiedIdentifier(
                    row.getScheme(),
                    row.getValue(),
                    row.getMethod(),
                    row.getVerifiedAt().toInstant()));
  }

  private static AgentAuthorisation toAuthorisation(AgentAuthorisationRecord row) {
    return new AgentAuthorisation(
        row.getId(),
        row.getPrincipalId(),
        row.getAgentId(),
        Scope.parseList(row.getScopes()),
        row.getCreatedAt().toInstant(),
        row.getRevokedAt() == null ? null : row.getRevokedAt().toInstant());
  }

  private static DomainChallenge toChallenge(DomainChallengeRecord row) {
    return new DomainChallenge(
        row.getId(),
        row.getPartyId(),
        row.getDomain(),
        row.getMethod(),
        row.getToken(),
        row.getCreatedAt().toInstant(),
        row.getExpiresAt().toInstant(),
        row.getVerifiedAt() == null ? null : row.getVerifiedAt().toInstant());
  }

  private static OffsetDateTime offset(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
