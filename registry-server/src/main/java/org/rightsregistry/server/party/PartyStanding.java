package org.rightsregistry.server.party;

import java.util.HashSet;
import java.util.Set;
import org.rightsregistry.client.TrustLevel;

/**
 * What the registry knows about a declarant when it grades a declaration.
 *
 * @param verification how an operator verified the party, or null
 * @param domains the domains it controls (each covers its subdomains)
 */
public record PartyStanding(
    String partyId, TrustLevel verification, Set<String> domains, boolean suspended) {

  public PartyStanding {
    domains = Set.copyOf(domains);
  }

  /** The standing of a registered party. */
  public static PartyStanding of(RegisteredParty party) {
    Set<String> domains = new HashSet<>();
    party.identifiers().stream()
        .filter(identifier -> identifier.scheme().equals("domain"))
        .forEach(identifier -> domains.add(identifier.value()));
    return new PartyStanding(party.id(), party.verification(), domains, party.suspended());
  }

  /** A party the registry does not know: nothing verified. */
  public static PartyStanding unknown(String partyId) {
    return new PartyStanding(partyId, null, Set.of(), false);
  }

  /** Whether the party proved control of the host or of a domain above it. */
  public boolean controls(String host) {
    String candidate = host;
    while (!domains.contains(candidate)) {
      int dot = candidate.indexOf('.');
      if (dot < 0) {
        return false;
      }
      candidate = candidate.substring(dot + 1);
    }
    return true;
  }
}
