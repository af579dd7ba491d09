package org.rightsregistry.server.party;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.server.ConflictException;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.NotFoundException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.access.AccessPolicy;
import org.rightsregistry.server.access.Caller;
import org.rightsregistry.server.access.Credential;
import org.rightsregistry.server.access.Operation;
import org.rightsregistry.server.access.Relation;
import org.rightsregistry.server.access.Scope;
import org.rightsregistry.server.access.SecurityProperties;
import org.rightsregistry.server.access.Tokens;
import org.rightsregistry.server.audit.AuditEvent;
import org.rightsregistry.server.audit.AuditTrail;
import org.rightsregistry.server.persistence.CredentialStore;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.rightsregistry.server.persistence.PartyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parties and what they administer: credentials, agents, an operator's verification and suspension.
 * Every write is one transaction with its audit event; every call enforces the authorisation
 * matrix.
 */
@Service
public class PartyService {

  private static final Logger log = LoggerFactory.getLogger(PartyService.class);
  private static final Set<Scope> DELEGABLE = EnumSet.of(Scope.DECLARE, Scope.REVOKE);

  private final PartyStore parties;
  private final DeclarationStore history;
  private final CredentialStore credentials;
  private final AccessPolicy policy;
  private final AuditTrail audit;
  private final SecurityProperties security;
  private final Clock clock;

  PartyService(
      PartyStore parties,
      DeclarationStore history,
      CredentialStore credentials,
      AccessPolicy policy,
      AuditTrail audit,
      SecurityProperties security,
      Clock clock) {
    this.parties = parties;
    this.history = history;
    this.credentials = credentials;
    this.policy = policy;
    this.audit = audit;
    this.security = security;
    this.clock = clock;
  }

  /** Registers a party; only an operator may. */
  @Transactional
  public RegisteredParty create(String id, String name, PartyRole role, Caller caller) {
    policy.require(Operation.CREATE_PARTY, caller, operatorOrOther(caller), "");
    if (parties.find(id).isPresent()) {
      throw new ConflictException("party-exists", "A party with the id " + id + " exists");
    }
    parties.insert(id, name, role, now());
    audit.record(caller, null, "party.created", id, role.id());
    log.info("Registered party {} as {}", id, role.id());
    return find(id);
  }

  /** Registers a party unless it exists, for the registry's own configuration (the demo). */
  @Transactional
  public RegisteredParty registerIfAbsent(String id, String name, PartyRole role, Caller caller) {
    if (parties.find(id).isEmpty()) {
      parties.insert(id, name, role, now());
      audit.record(caller, null, "party.created", id, role.id());
      log.info("Registered party {} as {}", id, role.id());
    }
    return find(id);
  }

  @Transactional(readOnly = true)
  public RegisteredParty find(String id) {
    return parties.find(id).orElseThrow(() -> new NotFoundException("No party has the id " + id));
  }

  /**
   * Issues a credential to a party (the party itself or an operator may).
   *
   * @param expiresAt null for the configured lifetime
   * @param requestsPerMinute null for the configured limit
   */
  @Transactional
  public IssuedToken issueToken(
      String partyId,
      Set<Scope> scopes,
      Instant expiresAt,
      String label,
      Integer requestsPerMinute,
      Caller caller) {
    find(partyId);
    policy.require(Operation.ISSUE_TOKEN, caller, policy.towardsParty(caller, partyId, null), "id");
    Instant now = now();
    Instant expiry = expiresAt == null ? now.plus(security.tokenLifetime()) : expiresAt;
    checkExpiry(expiry, now);
    int limit = requestsPerMinute == null ? security.requestsPerMinute() : requestsPerMinute;
    if (limit < 1 || limit > security.requestsPerMinute()) {
      throw new InvalidRequestException(
          new Violation(
              "/requestsPerMinute",
              "requestsPerMinute must be between 1 and " + security.requestsPerMinute()));
    }
    IssuedToken issued = store(partyId, scopes, label, limit, now, expiry);
    audit.record(caller, partyId, "token.issued", issued.credential().id(), Scope.toList(scopes));
    log.info("Issued credential {} to party {}", issued.credential().id(), partyId);
    return issued;
  }

  /** Stores a new credential without authorisation checks, for the operator's bootstrap. */
  IssuedToken store(
      String partyId, Set<Scope> scopes, String label, int limit, Instant now, Instant expiry) {
    Tokens.Parsed token = Tokens.generate();
    Credential credential =
        new Credential(
            token.id(),
            partyId,
            Tokens.digest(token.secret()),
            scopes,
            label,
            limit,
            now,
            expiry,
            null);
    credentials.insert(credential);
    return new IssuedToken(credential, token.token());
  }

  @Transactional
  public void revokeToken(String partyId, String tokenId, Caller caller) {
    find(partyId);
    policy.require(
        Operation.REVOKE_TOKEN, caller, policy.towardsParty(caller, partyId, null), "id");
    if (!credentials.revoke(partyId, tokenId, now())) {
      throw new NotFoundException(
          "Party " + partyId + " has no credential " + tokenId + " in force");
    }
    audit.record(caller, partyId, "token.revoked", tokenId, null);
    log.info("Revoked credential {} of party {}", tokenId, partyId);
  }

  /** Lets another party act for the principal within scopes (declare, revoke). */
  @Transactional
  public AgentAuthorisation authoriseAgent(
      String principalId, String agentId, Set<Scope> scopes, Caller caller) {
    find(principalId);
    policy.require(
        Operation.AUTHORISE_AGENT, caller, policy.towardsParty(caller, principalId, null), "id");
    if (parties.find(agentId).isEmpty() || agentId.equals(principalId)) {
      throw new InvalidRequestException(
          new Violation("/agent", "agent must be another registered party, not " + agentId));
    }
    if (scopes.isEmpty() || !DELEGABLE.containsAll(scopes)) {
      throw new InvalidRequestException(
          new Violation("/scopes", "an agent may be given declare and revoke, nothing else"));
    }
    AgentAuthorisation authorisation =
        new AgentAuthorisation(UUID.randomUUID(), principalId, agentId, scopes, now(), null);
    parties.insertAuthorisation(authorisation);
    audit.record(
        caller,
        principalId,
        "agent.authorised",
        authorisation.id().toString(),
        agentId + ": " + Scope.toList(scopes));
    log.info("Party {} authorised {} as its agent", principalId, agentId);
    return authorisation;
  }

  @Transactional
  public AgentAuthorisation revokeAgent(String principalId, UUID authorisationId, Caller caller) {
    find(principalId);
    policy.require(
        Operation.REVOKE_AGENT, caller, policy.towardsParty(caller, principalId, null), "id");
    AgentAuthorisation authorisation =
        parties
            .findAuthorisation(authorisationId)
            .filter(found -> found.principalId().equals(principalId))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Party " + principalId + " has no agent authorisation " + authorisationId));
    if (!parties.revokeAuthorisation(authorisationId, now())) {
      throw new ConflictException(
          "already-revoked", "The authorisation " + authorisationId + " is already revoked");
    }
    audit.record(caller, principalId, "agent.revoked", authorisationId.toString(), null);
    return parties.findAuthorisation(authorisationId).orElseThrow();
  }

  /**
   * An operator's verification of a party: its level and the identifiers it vouches for (recorded
   * with the method {@code operator}).
   */
  @Transactional
  public RegisteredParty verify(
      String partyId, TrustLevel level, List<Identifier> identifiers, Caller caller) {
    find(partyId);
    policy.require(Operation.VERIFY_PARTY, caller, asOperator(caller, partyId), "id");
    if (level != TrustLevel.INSTITUTION_VERIFIED && level != TrustLevel.OPERATOR_VERIFIED) {
      throw new InvalidRequestException(
          new Violation("/level", "level must be institution-verified or operator-verified"));
    }
    parties.setVerification(partyId, level);
    identifiers.forEach(
        identifier ->
            parties.addIdentifier(
                partyId, identifier.scheme(), identifier.value(), "operator", now()));
    audit.record(caller, partyId, "party.verified", partyId, level.id() + " " + identifiers);
    log.info("Party {} verified as {}", partyId, level.id());
    return find(partyId);
  }

  @Transactional
  public RegisteredParty suspend(String partyId, String reason, Caller caller) {
    find(partyId); // an unknown party is 404 before anything else
    policy.require(Operation.SUSPEND_PARTY, caller, asOperator(caller, partyId), "id");
    if (partyId.equals(caller.partyId())) {
      throw new InvalidRequestException(
          new Violation("id", "an operator cannot suspend itself; ask another operator"));
    }
    // The writers' lock taken with the sequence number also keeps two suspensions of one party
    // apart: the second sees the first.
    long sequence = history.allocateSequences(1);
    if (find(partyId).suspended()) {
      throw new ConflictException("already-suspended", "Party " + partyId + " is suspended");
    }
    parties.suspend(partyId, caller.partyId(), reason, now(), sequence);
    audit.record(caller, partyId, "party.suspended", partyId, reason);
    log.info("Party {} suspended by {}", partyId, caller.partyId());
    return find(partyId);
  }

  /** What a party did and what agents did for it; the party itself or an operator may read. */
  @Transactional(readOnly = true)
  public List<AuditEvent> auditTrail(String partyId, long afterId, int limit, Caller caller) {
    find(partyId);
    policy.require(
        Operation.READ_AUDIT_TRAIL, caller, policy.towardsParty(caller, partyId, null), "id");
    return audit.of(partyId, afterId, limit);
  }

  private void checkExpiry(Instant expiry, Instant now) {
    if (!expiry.isAfter(now) || expiry.isAfter(now.plus(security.maxTokenLifetime()))) {
      throw new InvalidRequestException(
          new Violation(
              "/expiresAt",
              "expiresAt must be in the future and at most "
                  + security.maxTokenLifetime().toDays()
                  + " days ahead"));
    }
  }

  private static Relation operatorOrOther(Caller caller) {
    if (caller.isAnonymous()) {
      return Relation.ANONYMOUS;
    }
    return caller.operator() ? Relation.OPERATOR : Relation.OTHER_PARTY;
  }

  /** For what only an operator may do: an operator counts as operator even towards itself. */
  private Relation asOperator(Caller caller, String partyId) {
    return caller.operator() ? Relation.OPERATOR : policy.towardsParty(caller, partyId, null);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** An identifier an operator vouches for: a domain, ISNI, ORCID or Wikidata id. */
  public record Identifier(String scheme, String value) {}
}
