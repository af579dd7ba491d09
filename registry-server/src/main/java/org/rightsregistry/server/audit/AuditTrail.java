package org.rightsregistry.server.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.rightsregistry.server.access.Caller;
import org.rightsregistry.server.persistence.AuditStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every write in the append-only audit trail, in the writer's own transaction: a write that
 * rolls back leaves no audit event, and no write commits without one.
 */
@Component
public class AuditTrail {

  private static final int MAX_DETAIL = 2000;

  private final AuditStore store;
  private final Clock clock;

  AuditTrail(AuditStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Records that the caller did something.
   *
   * @param onBehalfOf the party the caller acted for, when it is not the caller itself
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      Caller caller, String onBehalfOf, String action, String target, String detail) {
    store.append(
        new AuditEvent(
            0,
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            caller.partyId(),
            onBehalfOf == null || onBehalfOf.equals(caller.partyId()) ? null : onBehalfOf,
            caller.tokenId(),
            caller.remoteAddress(),
            action,
            target,
            detail == null || detail.length() <= MAX_DETAIL
                ? detail
                // Never half a surrogate pair: the stored text stays well-formed.
                : detail.substring(
                    0,
                    Character.isHighSurrogate(detail.charAt(MAX_DETAIL - 1))
                        ? MAX_DETAIL - 1
                        : MAX_DETAIL)));
  }

  /** A party's own trail: what it did and what agents did for it, oldest first. */
  @Transactional(readOnly = true)
  public List<AuditEvent> of(String partyId, long afterId, int limit) {
    return store.forParty(partyId, afterId, limit);
  }
}
