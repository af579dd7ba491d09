package org.rightsregistry.client;

import java.time.Duration;
import java.time.Instant;

/**
 * The registry state a decision is made against: a live registry at a sequence number, a local
 * snapshot taken at some instant with a freshness bound, or a registry that could not be reached.
 *
 * @param sequence the registry sequence number the statements were read at; 0 when unreachable
 * @param snapshotAt when the snapshot was taken, or null for a live registry
 * @param freshness how old the snapshot may be at the evaluation time, or null for a live registry
 * @param unreachableReason why the registry could not be checked, or null when it was
 */
public record RegistryState(
    long sequence, Instant snapshotAt, Duration freshness, String unreachableReason) {

  /**
   * Creates a registry state.
   *
   * @param sequence the registry sequence number the statements were read at; 0 when unreachable
   * @param snapshotAt when the snapshot was taken, or null for a live registry
   * @param freshness how old the snapshot may be at the evaluation time, or null for a live
   *     registry
   * @param unreachableReason why the registry could not be checked, or null when it was
   * @throws IllegalArgumentException if the sequence is negative, only one of snapshot time and
   *     freshness is given, or the freshness is negative
   */
  public RegistryState {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be 0 or more, but was " + sequence);
    }
    if ((snapshotAt == null) != (freshness == null)) {
      throw new IllegalArgumentException(
          "snapshotAt and freshness must be both set or both null, but were "
              + snapshotAt
              + " and "
              + freshness);
    }
    if (freshness != null && freshness.isNegative()) {
      throw new IllegalArgumentException("freshness must not be negative, but was " + freshness);
    }
  }

  /**
   * The state of a registry read directly.
   *
   * @param sequence the sequence number the statements were read at
   * @return the state
   */
  public static RegistryState live(long sequence) {
    return new RegistryState(sequence, null, null, null);
  }

  /**
   * The state of a local snapshot.
   *
   * @param sequence the sequence number of the snapshot
   * @param snapshotAt when the snapshot was taken
   * @param freshness how old it may be at the evaluation time before decisions fail closed
   * @return the state
   */
  public static RegistryState snapshot(long sequence, Instant snapshotAt, Duration freshness) {
    return new RegistryState(
        sequence,
        Checks.requireValue("snapshotAt", snapshotAt),
        Checks.requireValue("freshness", freshness),
        null);
  }

  /**
   * A registry that could not be checked.
   *
   * @param reason why, in a phrase for people (such as {@code connection refused})
   * @return the state
   */
  public static RegistryState unreachable(String reason) {
    return new RegistryState(0, null, null, Checks.requireText("reason", reason));
  }

  /**
   * Tells whether the registry could be checked.
   *
   * @return false if it could not be reached
   */
  public boolean reachable() {
    return unreachableReason == null;
  }

  /**
   * Tells whether a snapshot is older than its freshness bound at an instant.
   *
   * @param at the evaluation time
   * @return true for a snapshot taken more than {@code freshness} before {@code at}
   */
  public boolean isStaleAt(Instant at) {
    return snapshotAt != null && snapshotAt.plus(freshness).isBefore(at);
  }
}
