package org.rightsregistry.server.sync;

import java.time.Instant;
import java.util.UUID;
import org.rightsregistry.server.declaration.StoredDeclaration;

/**
 * One numbered change of the registry's history, as the change feed serves it.
 *
 * @param sequence its sequence number; every number from 1 to the head is exactly one change
 * @param kind what happened
 * @param id the declaration, or for the licence kinds the agreement, that it happened to; null for
 *     {@link Kind#PARTY_SUSPENDED}
 * @param recordedAt when it was recorded
 * @param declaration for {@link Kind#CREATED}, the declaration as it was recorded; else null
 * @param supersededBy for {@link Kind#SUPERSEDED}, the declaration that replaced it; else null
 * @param reason for a revocation, the reason given, or null (a suspension's reason stays with the
 *     operators)
 * @param partyId for {@link Kind#PARTY_SUSPENDED}, the party suspended; else null
 */
public record Change(
    long sequence,
    Kind kind,
    UUID id,
    Instant recordedAt,
    StoredDeclaration declaration,
    UUID supersededBy,
    String reason,
    String partyId) {

  /** What a change did, with the id the feed names it by. */
  public enum Kind {
    CREATED("created"),
    REVOKED("revoked"),
    SUPERSEDED("superseded"),
    LICENCE_GRANTED("licence-granted"),
    LICENCE_REVOKED("licence-revoked"),
    /** An operator suspended a party: its declarations no longer carry its trust. */
    PARTY_SUSPENDED("party-suspended");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The kind's id in the change feed. */
    public String id() {
      return id;
    }

    /** Whether it is about a licence agreement rather than a declaration. */
    public boolean aboutAgreement() {
      return this == LICENCE_GRANTED || this == LICENCE_REVOKED;
    }

    /**
     * The kind stored in the history's event table under its constant name.
     *
     * @throws IllegalStateException if the name is not a kind, which means the schema has a kind
     *     this code does not know
     */
    public static Kind fromStored(String name) {
      try {
        return valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "The history holds an event of kind '"
                + name
                + "' that the change feed does not know; add it to Change.Kind",
            e);
      }
    }
  }
}
