package org.rightsregistry.server.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is making a request: the authenticated party with its credential's scopes, or nobody. Never
 * holds the credential itself.
 *
 * @param partyId the authenticated party, or null for an anonymous caller
 * @param tokenId the id (not the secret) of the credential used, or null
 * @param operator whether the party is a registry operator
 * @param remoteAddress the address the request came from, or a description such as "startup"
 */
public record Caller(
    String partyId, String tokenId, Set<Scope> scopes, boolean operator, String remoteAddress) {

  public Caller {
    scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
  }

  /** A caller without a credential. */
  public static Caller anonymous(String remoteAddress) {
    return new Caller(null, null, Set.of(), false, remoteAddress);
  }

  /**
   * The registry acting for a party by its own configuration (the demo import, the bootstrap),
   * without a credential.
   */
  public static Caller internal(String partyId, boolean operator, String how) {
    return new Caller(partyId, null, EnumSet.allOf(Scope.class), operator, how);
  }

  public boolean isAnonymous() {
    return partyId == null;
  }

  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }
}
