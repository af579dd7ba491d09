package org.rightsregistry.server.party;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.rightsregistry.server.access.Scope;

/**
 * A principal's authorisation of an agent to act for it within scopes.
 *
 * @param revokedAt null while in force
 */
public record AgentAuthorisation(
    UUID id,
    String principalId,
    String agentId,
    Set<Scope> scopes,
    Instant createdAt,
    Instant revokedAt) {

  public AgentAuthorisation {
    scopes = Set.copyOf(scopes);
  }
}
