package org.rightsregistry.server.party;

import java.time.Instant;
import java.util.List;
import org.rightsregistry.client.TrustLevel;

/**
 * A party as the registry knows it: its public profile.
 *
 * @param verification how an operator verified the party itself, or null
 * @param suspension the operator's suspension, or null while the party may act
 * @param identifiers the identifiers it proved or an operator vouched for
 */
public record RegisteredParty(
    String id,
    String name,
    PartyRole role,
    TrustLevel verification,
    Instant createdAt,
    Suspension suspension,
    List<VerifiedIdentifier> identifiers) {

  public RegisteredParty {
    identifiers = List.copyOf(identifiers);
  }

  public boolean suspended() {
    return suspension != null;
  }

  /** When, by whom and why an operator suspended a party. */
  public record Suspension(Instant at, String by, String reason) {}

  /**
   * An identifier and how it was proved.
   *
   * @param scheme {@code domain}, {@code isni}, {@code orcid} or {@code wikidata}
   * @param method {@code http} or {@code dns} (a challenge), or {@code operator}
   */
  public record VerifiedIdentifier(String scheme, String value, String method, Instant at) {}
}
