package org.rightsregistry.server.declaration;

import java.time.Instant;
import java.util.UUID;

/**
 * A declaration as the registry holds it, with its place in the history and its current status,
 * which is derived from later records and never written over the original.
 *
 * @param revocation the revocation, when status is {@link Status#REVOKED}
 * @param supersededBy the replacing declaration, when status is {@link Status#SUPERSEDED}
 */
public record StoredDeclaration(
    UUID id,
    long sequence,
    Instant recordedAt,
    NewDeclaration content,
    Status status,
    Revocation revocation,
    UUID supersededBy) {

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
