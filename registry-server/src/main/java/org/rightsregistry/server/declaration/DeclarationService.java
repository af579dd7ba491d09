package org.rightsregistry.server.declaration;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rightsregistry.server.ConflictException;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.NotFoundException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.declaration.StoredDeclaration.Status;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.rightsregistry.server.persistence.DeclarationStore.BatchUpload;
import org.rightsregistry.server.persistence.DeclarationStore.Identified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records declarations, their revocations and supersessions. Each call is one transaction: either
 * everything it was asked to store is stored, with gap-free sequence numbers, or nothing is.
 */
@Service
public class DeclarationService {

  private static final Logger log = LoggerFactory.getLogger(DeclarationService.class);

  private final DeclarationStore store;
  private final Clock clock;

  DeclarationService(DeclarationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Stores one declaration. */
  @Transactional
  public StoredDeclaration create(NewDeclaration declaration) {
    StoredDeclaration stored = appendAll(List.of(declaration), 0).get(0);
    log.info(
        "Recorded declaration {} by {} at sequence {}",
        stored.id(),
        declaration.declarant().id(),
        stored.sequence());
    return stored;
  }

  /**
   * Stores a batch all-or-nothing. A retry with the same idempotency key and the same body returns
   * the first receipt and stores nothing; the same key with another body is refused.
   *
   * @param requestSha256 a digest of the request body, to recognise a retry
   */
  @Transactional
  public BatchReceipt createBatch(
      String idempotencyKey, String requestSha256, List<NewDeclaration> declarations) {
    store.lockForWriting();
    Optional<BatchUpload> earlier = store.findBatch(idempotencyKey);
    if (earlier.isPresent()) {
      return replay(earlier.get(), requestSha256);
    }
    List<StoredDeclaration> stored = appendAll(declarations, 1);
    long first = stored.get(0).sequence();
    long last = store.headSequence();
    store.recordBatch(
        new BatchUpload(idempotencyKey, requestSha256, first, last), stored.size(), now());
    log.info(
        "Recorded a batch of {} declarations under key {} at sequences {}-{}",
        stored.size(),
        idempotencyKey,
        first,
        last);
    return new BatchReceipt(
        idempotencyKey, first, last, stored.stream().map(StoredDeclaration::id).toList(), false);
  }

  /** Appends declarations from within a caller's transaction, e.g. a collection import. */
  @Transactional
  public List<StoredDeclaration> appendAll(List<NewDeclaration> declarations) {
    return appendAll(declarations, 1);
  }

  /** Revokes an active declaration; the declaration itself stays in the history. */
  @Transactional
  public StoredDeclaration revoke(UUID id, String reason) {
    long sequence = store.allocateSequences(1);
    StoredDeclaration current = find(id);
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
    log.info("Revoked declaration {} at sequence {}", id, sequence);
    return find(id);
  }

  /** One declaration with its current status. */
  @Transactional(readOnly = true)
  public StoredDeclaration find(UUID id) {
    return store
        .find(id)
        .orElseThrow(() -> new NotFoundException("No declaration has the id " + id));
  }

  private List<StoredDeclaration> appendAll(List<NewDeclaration> declarations, int firstLine) {
    List<Identified> identified =
        declarations.stream()
            .map(declaration -> new Identified(UUID.randomUUID(), declaration))
            .toList();
    long firstSequence = store.allocateSequences(DeclarationStore.sequencesNeeded(identified));
    checkSupersessions(declarations, firstLine);
    return store.append(identified, firstSequence, now());
  }

  /** Runs under the writers' lock, so no other write can change what it checked. */
  private void checkSupersessions(List<NewDeclaration> declarations, int firstLine) {
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
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private static Violation violation(int firstLine, int index, String message) {
    Violation violation = new Violation("/supersedes", message);
    return firstLine > 0 ? violation.onLine(firstLine + index) : violation;
  }

  private BatchReceipt replay(BatchUpload earlier, String requestSha256) {
    if (!earlier.requestSha256().equals(requestSha256)) {
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
