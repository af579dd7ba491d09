package org.rightsregistry.server.audit;

import java.time.Instant;

/**
 * One write, as the audit trail keeps it.
 *
 * @param partyId the party that acted (an agent, when it acted for another)
 * @param onBehalfOf the party it acted for, or null when it acted for itself
 * @param tokenId the id of the credential used (never the token), or null for the registry's own
 *     configuration
 * @param remoteAddress where the request came from
 * @param action what was done, such as {@code declaration.created}
 * @param target what it was done to, such as a declaration id
 * @param detail a short account, such as the sequence numbers
 */
public record AuditEvent(
    long id,
    Instant recordedAt,
    String partyId,
    String onBehalfOf,
    String tokenId,
    String remoteAddress,
    String action,
    String target,
    String detail) {}
