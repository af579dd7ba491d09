package org.rightsregistry.server.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.rightsregistry.client.Party;
import org.rightsregistry.server.ConflictException;
import org.rightsregistry.server.ForbiddenException;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.NotFoundException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.access.AccessPolicy;
import org.rightsregistry.server.access.Caller;
import org.rightsregistry.server.access.Operation;
import org.rightsregistry.server.access.Relation;
import org.rightsregistry.server.access.Scope;
import org.rightsregistry.server.audit.AuditTrail;
import org.rightsregistry.server.party.RegisteredParty;
import org.rightsregistry.server.persistence.AgreementStore;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.rightsregistry.server.persistence.PartyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records licence agreements and their revocations. Only the licensor, or an agent it authorised,
 * may grant or revoke a licence; each call is one transaction with a sequence number in the
 * registry's log and an audit event.
 */
@Service
public class AgreementService {

  private static final Logger log = LoggerFactory.getLogger(AgreementService.class);

  private final AgreementStore store;
  private final DeclarationStore history;
  private final PartyStore parties;
  private final AccessPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;

  AgreementService(
      AgreementStore store,
      DeclarationStore history,
      PartyStore parties,
      AccessPolicy policy,
      AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.history = history;
    this.parties = parties;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /** Records an agreement granted by the caller or by a party it is an agent of. */
  @Transactional
  public StoredAgreement create(NewAgreement agreement, Caller caller) {
    String licensorId = agreement.licensor().id();
    Relation relation = policy.towardsParty(caller, licensorId, Scope.DECLARE);
    policy.require(Operation.CREATE_AGREEMENT, caller, relation, "/licensor/id");
    RegisteredParty licensor = active(licensorId, "/licensor/id");
    RegisteredParty licensee = registered(agreement.licensee().id());
    if (licensor.id().equals(licensee.id())) {
      throw new InvalidRequestException(
          new Violation("/licensee/id", "a party cannot grant a licence to itself"));
    }

    NewAgreement named =
        new NewAgreement(
            new Party(licensor.id(), licensor.name()),
            new Party(licensee.id(), licensee.name()),
            agreement.covers(),
            agreement.usages(),
            agreement.validFrom(),
            agreement.validUntil(),
            agreement.note());
    String recordedBy = licensorId.equals(caller.partyId()) ? null : caller.partyId();
    long sequence = history.allocateSequences(1);
    StoredAgreement stored = store.append(UUID.randomUUID(), named, recordedBy, sequence, now());

    audit.record(
        caller, licensorId, "agreement.created", stored.id().toString(), "sequence " + sequence);
    log.info(
        "Recorded agreement {} from {} to {} at sequence {}",
        stored.id(),
        licensorId,
        licensee.id(),
        sequence);
    return stored;
  }

  /** Revokes a standing agreement; it stays in the history. */
  @Transactional
  public StoredAgreement revoke(UUID id, String reason, Caller caller) {
    StoredAgreement current = find(id);
    String licensorId = current.content().licensor().id();
    Relation relation = policy.towardsParty(caller, licensorId, Scope.REVOKE);
    policy.require(Operation.REVOKE_AGREEMENT, caller, relation, "id");

    long sequence = history.allocateSequences(1);
    if (find(id).revocation() != null) {
      throw new ConflictException(
          "already-revoked",
          "Agreement " + id + " is already revoked; only a standing agreement can be revoked");
    }
    store.appendRevocation(id, reason, sequence, now());

    audit.record(caller, licensorId, "agreement.revoked", id.toString(), "sequence " + sequence);
    log.info("Revoked agreement {} at sequence {} by {}", id, sequence, caller.partyId());
    return find(id);
  }

  /** One agreement with its revocation, if any. */
  @Transactional(readOnly = true)
  public StoredAgreement find(UUID id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("No agreement has the id " + id));
  }

  private RegisteredParty active(String partyId, String field) {
    RegisteredParty party = registered(partyId, field);
    if (party.suspended()) {
      throw new ForbiddenException(
          "party-suspended", field, "Party " + partyId + " is suspended; it cannot grant licences");
    }
    return party;
  }

  private RegisteredParty registered(String partyId) {
    return registered(partyId, "/licensee/id");
  }

  private RegisteredParty registered(String partyId, String field) {
    return parties
        .find(partyId)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    new Violation(
                        field,
                        "no party has the id '"
                            + partyId
                            + "'; an operator registers parties with POST /v1/parties")));
  }

  /** Now, at the microsecond precision PostgreSQL stores, so answers equal later reads. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
