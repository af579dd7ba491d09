package org.rightsregistry.server.access;

import java.time.Instant;
import java.util.Set;

/**
 * A bearer credential as stored: its digest, never the token.
 *
 * @param requestsPerMinute the credential's rate limit
 * @param expiresAt null for a credential that does not expire (only the configured operator's)
 * @param revokedAt null while not revoked
 */
public record Credential(
    String id,
    String partyId,
    String secretSha256,
    Set<Scope> scopes,
    String label,
    int requestsPerMinute,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt) {

  public Credential {
    scopes = Set.copyOf(scopes);
  }
}
