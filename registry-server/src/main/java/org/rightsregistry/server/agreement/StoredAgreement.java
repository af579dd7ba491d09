package org.rightsregistry.server.agreement;

import java.time.Instant;
import java.util.UUID;

/**
 * An agreement as the registry holds it, with its place in the history.
 *
 * @param recordedBy the agent that recorded it for the licensor, or null
 * @param revocation its revocation, or null while it stands
 */
public record StoredAgreement(
    UUID id,
    long sequence,
    Instant recordedAt,
    NewAgreement content,
    String recordedBy,
    Revocation revocation) {

  /** The record that revoked an agreement. */
  public record Revocation(long sequence, Instant recordedAt, String reason) {}
}
