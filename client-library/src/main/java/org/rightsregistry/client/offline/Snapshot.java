package org.rightsregistry.client.offline;

import java.time.Instant;
import java.util.List;

/**
 * Every active declaration of the registry at one sequence number: what an {@link OfflineChecker}
 * decides from. Read and written by {@link SnapshotFormat}.
 *
 * @param sequence the registry sequence number the snapshot shows; every declaration recorded at or
 *     before it, and no later one, is accounted for
 * @param exportedAt when the registry was last known to be at that sequence; the freshness bound
 *     counts from here
 * @param declarations the active declarations
 */
public record Snapshot(long sequence, Instant exportedAt, List<SnapshotDeclaration> declarations) {

  /**
   * Creates a snapshot; the declarations are copied.
   *
   * @throws IllegalArgumentException if the sequence is negative or a component is missing
   */
  public Snapshot {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be 0 or more, but was " + sequence);
    }
    if (exportedAt == null || declarations == null) {
      throw new IllegalArgumentException("exportedAt and declarations must not be null");
    }
    declarations = List.copyOf(declarations);
  }
}
