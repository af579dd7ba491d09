package org.rightsregistry.client.offline;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.rightsregistry.client.Agreement;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.Usage;

/**
 * One licence agreement in force that was granted to the snapshot's requester: what the decision
 * engine needs of it, with every subject it covers (in the registry's normal form).
 *
 * @param id the agreement's id
 * @param sequence the registry sequence number at which it was recorded
 * @param recordedAt when it was recorded
 * @param licensor the party granting the licence; only its own reservations are overridden
 * @param licensee the party the licence is granted to: the snapshot's requester
 * @param covers the subjects it covers; not empty
 * @param usages the usage categories granted; not empty
 * @param validFrom when it starts (inclusive), or null
 * @param validUntil when it ends (exclusive), or null
 */
public record SnapshotAgreement(
    String id,
    long sequence,
    Instant recordedAt,
    Party licensor,
    Party licensee,
    List<Selector> covers,
    Set<Usage> usages,
    Instant validFrom,
    Instant validUntil) {

  /**
   * Creates an agreement; the covers and usages are copied.
   *
   * @throws IllegalArgumentException if a required component is missing, the sequence is negative,
   *     or the covers or usages are empty
   */
  public SnapshotAgreement {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must be a non-blank string, but was " + id);
    }
    if (sequence < 0) {
      throw new IllegalArgumentException(
          "sequence of agreement " + id + " must be 0 or more, but was " + sequence);
    }
    if (recordedAt == null || licensor == null || licensee == null) {
      throw new IllegalArgumentException(
          "recordedAt, licensor and licensee of agreement " + id + " must not be null");
    }
    if (covers == null || covers.isEmpty() || usages == null || usages.isEmpty()) {
      throw new IllegalArgumentException(
          "covers and usages of agreement " + id + " must not be empty");
    }
    covers = List.copyOf(covers);
    usages = Collections.unmodifiableSet(EnumSet.copyOf(usages));
  }

  /**
   * Returns the agreement as it bears on an item that one of its covered subjects matched.
   *
   * @param matched the covered subject that matched
   * @return the agreement for the decision engine
   */
  public Agreement agreement(Selector matched) {
    return new Agreement(
        id, sequence, recordedAt, licensor, licensee, matched, usages, validFrom, validUntil, null);
  }
}
