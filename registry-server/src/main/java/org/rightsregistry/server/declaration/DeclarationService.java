package org.rightsregistry.server.declaration;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.TrustLevel;
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
import org.rightsregistry.server.declaration.StoredDeclaration.Status;
import org.rightsregistry.server.party.PartyStanding;
import org.rightsregistry.server.party.RegisteredParty;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.rightsregistry.server.persistence.DeclarationStore.BatchUpload;
import org.rightsregistry.server.persistence.DeclarationStore.Identified;
import org.rightsregistry.server.persistence.PartyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records declarations, their revocations and supersessions. Each call is one transaction: either
 * everything it was asked to store is stored, with gap-free sequence numbers and an audit event, or
 * nothing is. The declarant of every declaration is the caller's party or a party that authorised
 * the caller as its agent; each declaration is graded with a trust level.
 */
@Service
public class DeclarationService {

  private static final Logger log = LoggerFactory.getLogger(DeclarationService.class);

  private final DeclarationStore store;
  private final PartyStore parties;
  private final AccessPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;

  DeclarationService(
      DeclarationStore store,
      PartyStore parties,
      AccessPolicy policy,
      AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.parties = parties;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /** Stores one declaration made by the caller or by a party it is an agent of. */
  @Transactional
  public StoredDeclaration create(NewDeclaration declaration, Caller caller) {
    StoredDeclaration stored = appendAll(List.of(declaration), caller, 0).get(0);
    audit.record(
        caller,
        stored.content().declarant().id(),
        "declaration.created",
        stored.id().toString(),
        "sequence " + stored.sequence() + ", " + stored.trustLevel().id());
    log.info(
        "Recorded declaration {} by {} at sequence {}",
        stored.id(),
        declaration.declarant().id(),
        stored.sequence());
    return stored;
  }

  /**
   * Stores a batch all-or-nothing. A retry by the same party with the same idempotency key and the
   * same body returns the first receipt and stores nothing; the same key with another body, or used
   * by another party, is refused.
   *
   * @param requestSha256 a digest of the request body, to recognise a retry
   */
  @Transactional
  public BatchReceipt createBatch(
      String idempotencyKey,
      String requestSha256,
      List<NewDeclaration> declarations,
      Caller caller) {
    store.lockForWriting();
    Optional<BatchUpload> earlier = store.findBatch(caller.partyId(), idempotencyKey);
    if (earlier.isPresent()) {
      return replay(earlier.get(), requestSha256, caller);
    }
    List<StoredDeclaration> stored = appendAll(declarations, caller, 1);
    long first = stored.get(0).sequence();
    long last = store.headSequence();
    store.recordBatch(
        new BatchUpload(idempotencyKey, caller.partyId(), requestSha256, first, last),
        stored.size(),
        now());
    audit.record(
        caller,
        null,
        "declaration.batch-created",
        idempotencyKey,
        stored.size() + " declarations at sequences " + first + "-" + last);
    log.info(
        "Recorded a batch of {} declarations under key {} at sequences {}-{}",
        stored.size(),
        idempotencyKey,
        first,
        last);
    return new BatchReceipt(
        idempotencyKey, first, last, stored.stream().map(StoredDeclaration::id).toList(), false);
  }

  /**
   * Appends declarations from within a caller's transaction, e.g. a collection import, which
   * records its own audit event.
   */
  @Transactional
  public List<StoredDeclaration> appendAll(List<NewDeclaration> declarations, Caller caller) {
    return appendAll(declarations, caller, 1);
  }

  /**
   * Revokes an active declaration; the declaration itself stays in the history. Only its declarant,
   * the rights holder it names, or an agent of either with the revoke scope may.
   */
  @Transactional
  public StoredDeclaration revoke(UUID id, String reason, Caller caller) {
    StoredDeclaration current = find(id);
    Relation relation =
        policy.towardsDeclaration(
            caller,
            current.content().declarant().id(),
            partyId(current.content().rightsHolder()),
            Scope.REVOKE);
    policy.require(Operation.REVOKE_DECLARATION, caller, relation, "id");
    long sequence = store.allocateSequences(1);
    current = find(id);
    if (current.status() != Status.ACTIVE) {
      throw new ConflictException(
          "already-" + current.status().id(),
          "Declaration "
              + id
              + " is already "
              + current.status().id()
              + "; only an active declaration can be revoked");
    }
    store.appendRevocation(id, reason, sequence, now());
    audit.record(
        caller,
        current.content().declarant().id(),
        "declaration.revoked",
        id.toString(),
        "sequence " + sequence);
    log.info("Revoked declaration {} at sequence {} by {}", id, sequence, caller.partyId());
    return find(id);
  }

  /** One declaration with its current status. */
  @Transactional(readOnly = true)
  public StoredDeclaration find(UUID id) {
    return store
        .find(id)
        .orElseThrow(() -> new NotFoundException("No declaration has the id " + id));
  }

  private List<StoredDeclaration> appendAll(
      List<NewDeclaration> declarations, Caller caller, int firstLine) {
    List<Identified> identified = attribute(declarations, caller, firstLine);
    long firstSequence = store.allocateSequences(DeclarationStore.sequencesNeeded(identified));
    checkSupersessions(declarations, caller, firstLine);
    return store.append(identified, firstSequence, now());
  }

  /**
   * Checks that the caller may speak for each declarant, and names and grades each declaration by
   * what the registry knows of its declarant.
   */
  private List<Identified> attribute(
      List<NewDeclaration> declarations, Caller caller, int firstLine) {
    Map<String, PartyStanding> standings = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    List<Identified> identified = new ArrayList<>(declarations.size());
    for (int i = 0; i < declarations.size(); i++) {
      NewDeclaration declaration = declarations.get(i);
      String declarantId = declaration.declarant().id();
      if (!standings.containsKey(declarantId)) {
        RegisteredParty declarant = authorisedDeclarant(declarantId, caller, line(firstLine, i));
        standings.put(declarantId, PartyStanding.of(declarant));
        names.put(declarantId, declarant.name());
      }
      TrustLevel trust = TrustGrading.grade(declaration.subjects(), standings.get(declarantId));
      NewDeclaration named =
          withDeclarant(declaration, new Party(declarantId, names.get(declarantId)));
      String recordedBy = declarantId.equals(caller.partyId()) ? null : caller.partyId();
      identified.add(new Identified(UUID.randomUUID(), named, trust, recordedBy));
    }
    requireKnownWorksOwners(declarations, firstLine);
    return identified;
  }

  /**
   * A subject on all works of a party needs the party registered: the registry attributes works to
   * parties it knows, and only the party itself (its declarant, the party or its agent's principal)
   * speaks for them, naming no other rights holder. (A document is checked for that when it is
   * read; this holds every other way of appending, such as an import, to it.)
   */
  private void requireKnownWorksOwners(List<NewDeclaration> declarations, int firstLine) {
    Map<String, Boolean> known = new HashMap<>();
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < declarations.size(); i++) {
      List<Selector> subjects = declarations.get(i).subjects();
      String declarant = declarations.get(i).declarant().id();
      String holder = partyId(declarations.get(i).rightsHolder());
      for (int position = 0; position < subjects.size(); position++) {
        Selector subject = subjects.get(position);
        if (subject.type() == SelectorType.PARTY_WORKS
            && (!subject.value().equals(declarant)
                || holder != null && !holder.equals(declarant))) {
          Violation violation =
              new Violation(
                  "/subjects/" + position + "/party",
                  "all works of '"
                      + subject.value()
                      + "' may be covered only by that party's own declaration, naming no other"
                      + " rights holder");
          violations.add(firstLine > 0 ? violation.onLine(firstLine + i) : violation);
        } else if (subject.type() == SelectorType.PARTY_WORKS
            && !known.computeIfAbsent(subject.value(), id -> parties.find(id).isPresent())) {
          Violation violation =
              new Violation(
                  "/subjects/" + position + "/party",
                  "No party has the id "
                      + subject.value()
                      + "; register the rights holder as a party before declaring on all its"
                      + " works");
          violations.add(firstLine > 0 ? violation.onLine(firstLine + i) : violation);
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private RegisteredParty authorisedDeclarant(String declarantId, Caller caller, int line) {
    Relation relation = policy.towardsParty(caller, declarantId, Scope.DECLARE);
    try {
      policy.require(Operation.DECLARE, caller, relation, "/declarant/id");
    } catch (ForbiddenException e) {
      throw line > 0
          ? new ForbiddenException(
              e.problemType(), e.field(), "Line " + line + ": " + e.getMessage(), line)
          : e;
    }
    RegisteredParty declarant = parties.find(declarantId).orElseThrow();
    if (declarant.suspended()) {
      throw new ForbiddenException(
          "party-suspended",
          "/declarant/id",
          "Party " + declarantId + " is suspended; nobody may declare for it");
    }
    return declarant;
  }

  /** Runs under the writers' lock, so no other write can change what it checked. */
  private void checkSupersessions(List<NewDeclaration> declarations, Caller caller, int firstLine) {
    Set<UUID> targets = new HashSet<>();
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < declarations.size(); i++) {
      UUID target = declarations.get(i).supersedes();
      if (target != null && !targets.add(target)) {
        violations.add(
            violation(
                firstLine,
                i,
                "Declaration "
                    + target
                    + " is superseded twice in this request; supersede it once"));
      }
    }
    Map<UUID, Status> statuses = store.statuses(targets);
    for (int i = 0; i < declarations.size(); i++) {
      UUID target = declarations.get(i).supersedes();
      if (target == null) {
        continue;
      }
      Status status = statuses.get(target);
      if (status == null) {
        violations.add(violation(firstLine, i, "No declaration has the id " + target));
      } else if (status != Status.ACTIVE) {
        violations.add(
            violation(
                firstLine,
                i,
                "Declaration "
                    + target
                    + " is already "
                    + status.id()
                    + "; only an active declaration can be superseded"));
      } else {
        requireMaySupersede(target, caller, line(firstLine, i));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private void requireMaySupersede(UUID target, Caller caller, int line) {
    NewDeclaration content = find(target).content();
    Relation relation =
        policy.towardsDeclaration(
            caller, content.declarant().id(), partyId(content.rightsHolder()), Scope.DECLARE);
    try {
      policy.require(Operation.SUPERSEDE, caller, relation, "/supersedes");
    } catch (ForbiddenException e) {
      throw line > 0
          ? new ForbiddenException(
              e.problemType(), e.field(), "Line " + line + ": " + e.getMessage(), line)
          : e;
    }
  }

  private static NewDeclaration withDeclarant(NewDeclaration declaration, Party declarant) {
    return new NewDeclaration(
        declarant,
        declaration.rightsHolder(),
        declaration.subjects(),
        declaration.usages(),
        declaration.rightsStatement(),
        declaration.validFrom(),
        declaration.validUntil(),
        declaration.supersedes(),
        declaration.note(),
        declaration.modalities());
  }

  private static int line(int firstLine, int index) {
    return firstLine > 0 ? firstLine + index : 0;
  }

  private static String partyId(Party party) {
    return party == null ? null : party.id();
  }

  private static Violation violation(int firstLine, int index, String message) {
    Violation violation = new Violation("/supersedes", message);
    return firstLine > 0 ? violation.onLine(firstLine + index) : violation;
  }

  private BatchReceipt replay(BatchUpload earlier, String requestSha256, Caller caller) {
    if (!earlier.requestSha256().equals(requestSha256)
        || (earlier.partyId() != null && !earlier.partyId().equals(caller.partyId()))) {
      throw new ConflictException(
          "idempotency-key-reused",
          "The idempotency key "
              + earlier.idempotencyKey()
              + " was used for a different batch; use a new key for "
              + "new content");
    }
    return new BatchReceipt(
        earlier.idempotencyKey(),
        earlier.firstSequence(),
        earlier.lastSequence(),
        store.idsBetween(earlier.firstSequence(), earlier.lastSequence()),
        true);
  }

  /** Now, at the microsecond precision PostgreSQL stores, so answers equal later reads. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
