package org.rightsregistry.server.persistence;

import static org.rightsregistry.server.persistence.jooq.Tables.AUDIT_EVENT;

import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.rightsregistry.server.audit.AuditEvent;
import org.springframework.stereotype.Repository;

/** The append-only audit trail; every method runs in the caller's transaction. */
@Repository
public class AuditStore {

  private final DSLContext dsl;

  AuditStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Appends one event; its id is assigned by the database. */
  public void append(AuditEvent event) {
    dsl.insertInto(AUDIT_EVENT)
        .set(AUDIT_EVENT.RECORDED_AT, event.recordedAt().atOffset(ZoneOffset.UTC))
        .set(AUDIT_EVENT.PARTY_ID, event.partyId())
        .set(AUDIT_EVENT.ON_BEHALF_OF, event.onBehalfOf())
        .set(AUDIT_EVENT.TOKEN_ID, event.tokenId())
        .set(AUDIT_EVENT.REMOTE_ADDRESS, event.remoteAddress())
        .set(AUDIT_EVENT.ACTION, event.action())
        .set(AUDIT_EVENT.TARGET, event.target())
        .set(AUDIT_EVENT.DETAIL, event.detail())
        .execute();
  }

  /** The events a party made or that were made for it, after an event id, oldest first. */
  public List<AuditEvent> forParty(String partyId, long afterId, int limit) {
    return dsl.selectFrom(AUDIT_EVENT)
        .where(AUDIT_EVENT.PARTY_ID.eq(partyId).or(AUDIT_EVENT.ON_BEHALF_OF.eq(partyId)))
        .and(AUDIT_EVENT.ID.gt(afterId))
        .orderBy(AUDIT_EVENT.ID)
        .limit(limit)
        .fetch(
            row ->
                new AuditEvent(
                    row.getId(),
                    row.getRecordedAt().toInstant(),
                    row.getPartyId(),
                    row.getOnBehalfOf(),
                    row.getTokenId(),
                    row.getRemoteAddress(),
                    row.getAction(),
                    row.getTarget(),
                    row.getDetail()));
  }

  /** How many events the trail holds. */
  public int count() {
    return dsl.fetchCount(AUDIT_EVENT);
  }
}
