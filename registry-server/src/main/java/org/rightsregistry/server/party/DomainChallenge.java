package org.rightsregistry.server.party;

import java.time.Instant;
import java.util.UUID;

/**
 * A proof-of-control challenge: the party places {@code token} on the domain, by {@code method}.
 *
 * @param method {@code http} (a file at a well-known path) or {@code dns} (a TXT record)
 * @param verifiedAt when it was used; a challenge proves control once
 */
public record DomainChallenge(
    UUID id,
    String partyId,
    String domain,
    String method,
    String token,
    Instant createdAt,
    Instant expiresAt,
    Instant verifiedAt) {}
