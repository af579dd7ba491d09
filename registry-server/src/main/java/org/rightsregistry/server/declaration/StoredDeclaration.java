package org.rightsregistry.server.declaration;

import java.time.Instant;
import java.util.UUID;
import org.rightsregistry.client.TrustLevel;

/**
 * A declaration as the registry holds it, with its place in the history and its current status,
 * which is derived from later records and never written over the original.
 *
 * @param revocation the revocation, when status is {@link Status#REVOKED}
 * @param supersededBy the replacing declaration, when status is {@link Status#SUPERSEDED}
 * @param trustLevel how sure the registry was, when it recorded the declaration, that the declarant
 *     may make it
 * @param recordedBy the agent that recorded it for the declarant, or null
 * @param declarantSuspended whether an operator has since suspended the declarant; the declaration
 *     stays in the history, flagged, and counts as self-asserted
 */
public record StoredDeclaration(
    UUID id,
    long sequence,
    Instant recordedAt,
    NewDeclaration content,
    Status status,
    Revocation revocation,
    UUID supersededBy,
    TrustLevel trustLevel,
    String recordedBy,
    boolean declarantSuspended) {

  /** The trust level a check weighs it with: self-asserted once the declarant is suspended. */
  public TrustLevel effectiveTrustLevel() {
    return declarantSuspended ? TrustLevel.SELF_ASSERTED : trustLevel;
  }

  /** Where a declaration stands now. */
  public enum Status {
    ACTIVE("active"),
    REVOKED("revoked"),
    SUPERSEDED("superseded");

    private final String id;

    Status(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** The record that withdrew a declaration. */
  public record Revocation(long sequence, Instant recordedAt, String reason) {}
}
