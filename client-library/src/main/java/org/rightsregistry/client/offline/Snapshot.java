package org.rightsregistry.client.offline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every active declaration of the registry at one sequence number: what an {@link OfflineChecker}
 * decides from. Read and written by {@link SnapshotFormat}.
 *
 * @param sequence the registry sequence number the snapshot shows; every declaration recorded at or
 *     before it, and no later one, is accounted for
 * @param exportedAt when the registry was last known to be at that sequence; the freshness bound
 *     counts from here
 * @param declarations the active declarations
 * @param requester the party whose licence agreements the snapshot carries, or null for a snapshot
 *     taken anonymously, which carries none
 * @param agreements the agreements in force that were granted to the requester; empty without one
 */
public record Snapshot(
    long sequence,
    Instant exportedAt,
    List<SnapshotDeclaration> declarations,
    String requester,
    List<SnapshotAgreement> agreements) {

  /**
   * Creates a snapshot; the declarations are copied.
   *
   * @throws IllegalArgumentException if the sequence is negative, a component is missing, or an
   *     agreement is to another party than the requester
   */
  public Snapshot {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be 0 or more, but was " + sequence);
    }
    if (exportedAt == null || declarations == null) {
      throw new IllegalArgumentException("exportedAt and declarations must not be null");
    }
    declarations = List.copyOf(declarations);
    agreements = List.copyOf(agreements == null ? List.of() : agreements);
    for (SnapshotAgreement agreement : agreements) {
      if (!Objects.equals(agreement.licensee().id(), requester)) {
        throw new IllegalArgumentException(
            "agreement "
                + agreement.id()
                + " is granted to "
                + agreement.licensee().id()
                + ", not to the snapshot's requester "
                + requester);
      }
    }
  }

  /**
   * Creates an anonymous snapshot: declarations only, no agreements.
   *
   * @param sequence the registry sequence number the snapshot shows
   * @param exportedAt when the registry was last known to be at that sequence
   * @param declarations the active declarations
   * @throws IllegalArgumentException if the sequence is negative or a component is missing
   */
  public Snapshot(long sequence, Instant exportedAt, List<SnapshotDeclaration> declarations) {
    this(sequence, exportedAt, declarations, null, List.of());
  }
}
