package org.rightsregistry.server.sync;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;
import org.rightsregistry.client.offline.SnapshotFormat;
import org.rightsregistry.client.offline.SnapshotWriter;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.agreement.StoredAgreement;
import org.rightsregistry.server.persistence.AgreementStore;
import org.rightsregistry.server.persistence.ChangeStore;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a client needs to keep its own copy of the registry: a snapshot of every active declaration
 * at one sequence number, and the numbered changes after a sequence number. Each read runs in one
 * repeatable-read transaction, so what it returns is exactly the registry at the head it names:
 * writers take the head's row lock and commit their numbers with their rows, so a snapshot sees
 * every number up to its head committed and none beyond.
 */
@Service
public class SyncService {

  private static final Logger log = LoggerFactory.getLogger(SyncService.class);

  private final DeclarationStore declarations;
  private final ChangeStore changes;
  private final AgreementStore agreements;
  private final Clock clock;

  SyncService(
      DeclarationStore declarations, ChangeStore changes, AgreementStore agreements, Clock clock) {
    this.declarations = declarations;
    this.changes = changes;
    this.agreements = agreements;
    this.clock = clock;
  }

  /**
   * Streams a snapshot of every active declaration in the client library's snapshot format. The
   * target is asked for a stream once the head is known; when it gives none (the caller already has
   * that sequence), nothing more is read. A snapshot for an authenticated requester also carries
   * every licence agreement granted to it that is not revoked; an anonymous one carries none.
   *
   * @param requester the authenticated party asking, or null
   * @param target the stream to write to for a head sequence number, or null to write nothing
   * @return the head sequence number the snapshot shows
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public long exportSnapshot(String requester, LongFunction<OutputStream> target) {
    // Read before the transaction's first query, so the registry was at the head by then or later:
    // a client's freshness bound counts from here, and it may only err towards too early.
    Instant exportedAt = clock.instant();
    long head = declarations.headSequence();
    OutputStream out = target.apply(head);
    if (out == null) {
      return head;
    }

    SnapshotWriter writer = SnapshotFormat.writer(out, head, exportedAt);
    long[] written = {0};
    changes.forEachActive(
        declaration -> {
          writer.add(OfflineForm.of(declaration));
          written[0]++;
        });
    if (requester != null) {
      writer.requester(requester);
      agreements.activeTo(requester).forEach(agreement -> writer.add(OfflineForm.of(agreement)));
    }
    writer.finish();
    log.debug("Exported a snapshot of {} declarations at sequence {}", written[0], head);
    return head;
  }

  /**
   * The changes after a sequence number, in sequence order, with the head they were read at and the
   * registry's clock before the read. For an authenticated requester, each licence granted to it
   * comes with the agreement as recorded.
   *
   * @throws InvalidRequestException if {@code after} is beyond the head: the caller's copy is not
   *     of this registry's history
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ChangePage changesAfter(long after, int limit, String requester) {
    // As for a snapshot: read before the first query, so a freshness bound may only err early.
    Instant registryTime = clock.instant();
    long head = declarations.headSequence();
    if (after > head) {
      throw new InvalidRequestException(
          new Violation(
              "after",
              "after is "
                  + after
                  + " but the registry's head is "
                  + head
                  + ": this copy is not of this registry's history; start again from a snapshot"));
    }

    List<Change> page = changes.changes(after, head, limit);
    Map<UUID, StoredAgreement> granted =
        requester == null || page.isEmpty()
            ? Map.of()
            : agreements.recordedTo(
                requester, page.get(0).sequence(), page.get(page.size() - 1).sequence());
    return new ChangePage(after, head, page, registryTime, requester, granted);
  }

  /**
   * A page of the change feed.
   *
   * @param after the sequence number the page follows
   * @param head the registry's head when the page was read
   * @param changes the changes numbered after {@code after}, consecutive, none beyond the head
   * @param registryTime the registry's clock before the page was read
   * @param requester the authenticated party the page was read for, or null
   * @param agreements the agreements granted to the requester among the page's changes, by id
   */
  public record ChangePage(
      long after,
      long head,
      List<Change> changes,
      Instant registryTime,
      String requester,
      Map<UUID, StoredAgreement> agreements) {

    /** Whether changes beyond this page exist up to the head. */
    public boolean hasMore() {
      return last() < head;
    }

    /** The sequence number the next page follows. */
    public long last() {
      return changes.isEmpty() ? after : changes.get(changes.size() - 1).sequence();
    }
  }
}
