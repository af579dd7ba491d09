package org.rightsregistry.server.access;

import java.time.Clock;
import java.util.Optional;
import org.rightsregistry.server.ForbiddenException;
import org.rightsregistry.server.UnauthenticatedException;
import org.rightsregistry.server.party.PartyRole;
import org.rightsregistry.server.party.RegisteredParty;
import org.rightsregistry.server.persistence.CredentialStore;
import org.rightsregistry.server.persistence.PartyStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an {@code Authorization: Bearer} header into a {@link Caller}. A guess learns nothing: an
 * unknown id, a wrong secret and a malformed token get the same answer after the same work (a
 * digest compared in constant time), and an address that keeps guessing is refused for a while.
 */
@Service
public class Authenticator {

  private static final String BEARER = "Bearer ";
  private static final String NOT_VALID =
      "The credential is not valid. Send 'Authorization: Bearer rr_…' with a token the registry "
          + "issued to your party";
  // Compared against when the id is unknown, so that the work done does not reveal it.
  private static final String NO_DIGEST = Tokens.digest("no credential has this digest");

  private final CredentialStore credentials;
  private final PartyStore parties;
  private final RateLimits limits;
  private final Clock clock;

  Authenticator(CredentialStore credentials, PartyStore parties, RateLimits limits, Clock clock) {
    this.credentials = credentials;
    this.parties = parties;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * The caller a request comes from.
   *
   * @param authorization the Authorization header, or null for an anonymous caller
   * @throws UnauthenticatedException for a header that is not a valid, unexpired credential
   * @throws ForbiddenException when the credential's party is suspended
   */
  @Transactional(readOnly = true)
  public Caller authenticate(String authorization, String address) {
    if (authorization == null) {
      return Caller.anonymous(address);
    }
    limits.checkFailures(address);
    Optional<Tokens.Parsed> token =
        authorization.startsWith(BEARER)
            ? Tokens.parse(authorization.substring(BEARER.length()).strip())
            : Optional.empty();
    Optional<Credential> stored = token.flatMap(parsed -> credentials.find(parsed.id()));
    String presented = Tokens.digest(token.map(Tokens.Parsed::secret).orElse(""));
    boolean matches =
        Tokens.sameDigest(presented, stored.map(Credential::secretSha256).orElse(NO_DIGEST));
    if (stored.isEmpty() || !matches) {
      throw failed(address, NOT_VALID);
    }
    return callerFor(stored.get(), address);
  }

  private Caller callerFor(Credential credential, String address) {
    if (credential.revokedAt() != null) {
      throw failed(address, "This credential was revoked at " + credential.revokedAt());
    }
    if (credential.expiresAt() != null && !credential.expiresAt().isAfter(clock.instant())) {
      throw failed(
          address, "This credential expired at " + credential.expiresAt() + "; ask for a new one");
    }
    RegisteredParty party = parties.find(credential.partyId()).orElseThrow();
    if (party.suspended()) {
      throw new ForbiddenException(
          "party-suspended",
          "Authorization",
          "Party " + party.id() + " was suspended by an operator and can no longer act");
    }
    limits.countRequest(credential.id(), credential.requestsPerMinute());
    return new Caller(
        party.id(),
        credential.id(),
        credential.scopes(),
        party.role() == PartyRole.OPERATOR,
        address);
  }

  private UnauthenticatedException failed(String address, String message) {
    limits.recordFailure(address);
    return new UnauthenticatedException(message);
  }
}
