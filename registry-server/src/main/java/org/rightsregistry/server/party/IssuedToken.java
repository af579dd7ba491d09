package org.rightsregistry.server.party;

import org.rightsregistry.server.access.Credential;

/**
 * A credential just issued, with its token: the only time the token exists outside the caller.
 *
 * @param token the bearer token; shown once, never stored or logged
 */
public record IssuedToken(Credential credential, String token) {

  @Override
  public String toString() {
    return "credential " + credential.id() + " of " + credential.partyId();
  }
}
