package org.rightsregistry.server.persistence;

import static org.rightsregistry.server.persistence.jooq.Tables.AGREEMENT_REVOCATION;
import static org.rightsregistry.server.persistence.jooq.Tables.DECLARATION;
import static org.rightsregistry.server.persistence.jooq.Tables.DECLARATION_SUBJECT;
import static org.rightsregistry.server.persistence.jooq.Tables.DECLARATION_USAGE;
import static org.rightsregistry.server.persistence.jooq.Tables.PARTY_SUSPENSION;
import static org.rightsregistry.server.persistence.jooq.Tables.REGISTRY_EVENT;
import static org.rightsregistry.server.persistence.jooq.Tables.REVOCATION;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;
import org.rightsregistry.server.declaration.StoredDeclaration;
import org.rightsregistry.server.declaration.StoredDeclaration.Status;
import org.rightsregistry.server.persistence.jooq.tables.Declaration;
import org.rightsregistry.server.persistence.jooq.tables.records.DeclarationRecord;
import org.rightsregistry.server.sync.Change;
import org.springframework.stereotype.Repository;

/**
 * Reads the registry's history for clients that keep a copy: every active declaration at once, or
 * the numbered changes after a sequence number. Every method runs in the caller's transaction,
 * which should be one repeatable-read snapshot so that what it reads matches the head it reports.
 */
@Repository
public class ChangeStore {

  /** Rows the database sends at a time while a snapshot streams. */
  static final int FETCH_SIZE = 1_000;

  private static final Declaration successor = DECLARATION.as("successor");

  private static final Field<List<Selector>> SUBJECTS =
      DSL.multiset(
              DSL.select(
                      DECLARATION_SUBJECT.SELECTOR_TYPE,
                      DECLARATION_SUBJECT.SELECTOR_VALUE,
                      DECLARATION_SUBJECT.INSTITUTION)
                  .from(DECLARATION_SUBJECT)
                  .where(DECLARATION_SUBJECT.DECLARATION_ID.eq(DECLARATION.ID))
                  .orderBy(DECLARATION_SUBJECT.POSITION))
          .as("subjects")
          .convertFrom(
              rows ->
                  rows.map(
                      row ->
                          new Selector(
                              SelectorType.fromId(row.value1()), row.value2(), row.value3())));

  private static final Field<Map<Usage, Effect>> USAGES =
      DSL.multiset(
              DSL.select(DECLARATION_USAGE.CATEGORY, DECLARATION_USAGE.EFFECT)
                  .from(DECLARATION_USAGE)
                  .where(DECLARATION_USAGE.DECLARATION_ID.eq(DECLARATION.ID)))
          .as("usages")
          .convertFrom(
              rows -> {
                Map<Usage, Effect> usages = new EnumMap<>(Usage.class);
                rows.forEach(
                    row -> usages.put(Usage.fromId(row.value1()), Effect.fromId(row.value2())));
                return usages;
              });

  private final DSLContext dsl;

  ChangeStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Hands every active declaration (neither revoked nor superseded), in sequence order, to the
   * sink, reading them through a cursor so that they are never all in memory.
   */
  public void forEachActive(Consumer<StoredDeclaration> sink) {
    Set<String> suspended = suspendedParties();
    Condition active =
        DSL.notExists(
                DSL.selectOne()
                    .from(REVOCATION)
                    .where(REVOCATION.DECLARATION_ID.eq(DECLARATION.ID)))
            .andNotExists(
                DSL.selectOne().from(successor).where(successor.SUPERSEDES.eq(DECLARATION.ID)));
    try (Cursor<Record> rows =
        dsl.select(DECLARATION.fields())
            .select(SUBJECTS, USAGES)
            .from(DECLARATION)
            .where(active)
            .orderBy(DECLARATION.SEQUENCE)
            .fetchSize(FETCH_SIZE)
            .fetchLazy()) {
      for (Record row : rows) {
        sink.accept(declaration(row, suspended));
      }
    }
  }

  /**
   * The changes numbered after {@code after} and up to {@code upTo}, in sequence order, at most
   * {@code limit}. A creation carries the declaration as it was recorded; a supersession the id of
   * the declaration that replaced it; a revocation its reason; a suspension the party's id.
   */
  public List<Change> changes(long after, long upTo, int limit) {
    List<Record> events =
        dsl
            .select(REGISTRY_EVENT.fields())
            .select(
                successor.ID,
                REVOCATION.REASON,
                AGREEMENT_REVOCATION.REASON,
                PARTY_SUSPENSION.PARTY_ID)
            .from(REGISTRY_EVENT)
            .leftJoin(successor)
            .on(
                REGISTRY_EVENT
                    .KIND
                    .eq("SUPERSEDED")
                    .and(successor.SUPERSEDES.eq(REGISTRY_EVENT.DECLARATION_ID)))
            .leftJoin(REVOCATION)
            .on(REVOCATION.SEQUENCE.eq(REGISTRY_EVENT.SEQUENCE))
            .leftJoin(AGREEMENT_REVOCATION)
            .on(AGREEMENT_REVOCATION.SEQUENCE.eq(REGISTRY_EVENT.SEQUENCE))
            .leftJoin(PARTY_SUSPENSION)
            .on(PARTY_SUSPENSION.SEQUENCE.eq(REGISTRY_EVENT.SEQUENCE))
            .where(REGISTRY_EVENT.SEQUENCE.gt(after).and(REGISTRY_EVENT.SEQUENCE.le(upTo)))
            .orderBy(REGISTRY_EVENT.SEQUENCE)
            .limit(limit)
            .fetch()
            .stream()
            .map(Record.class::cast)
            .toList();
    if (events.isEmpty()) {
      return List.of();
    }

    long first = events.get(0).get(REGISTRY_EVENT.SEQUENCE);
    long last = events.get(events.size() - 1).get(REGISTRY_EVENT.SEQUENCE);
    Map<Long, StoredDeclaration> created = createdBetween(first, last);
    List<Change> changes = new ArrayList<>(events.size());
    for (Record event : events) {
      long sequence = event.get(REGISTRY_EVENT.SEQUENCE);
      String revocationReason = event.get(REVOCATION.REASON);
      changes.add(
          new Change(
              sequence,
              Change.Kind.fromStored(event.get(REGISTRY_EVENT.KIND)),
              event.get(REGISTRY_EVENT.DECLARATION_ID),
              event.get(REGISTRY_EVENT.RECORDED_AT).toInstant(),
              created.get(sequence),
              event.get(successor.ID),
              revocationReason != null ? revocationReason : event.get(AGREEMENT_REVOCATION.REASON),
              event.get(PARTY_SUSPENSION.PARTY_ID)));
    }
    return changes;
  }

  /**
   * The declarations created between two sequence numbers, each weighed as the registry weighs it
   * at {@code last}: a copy that applies the page holds the registry's state at {@code last}
   * exactly, whatever was recorded after it by the time the page was read.
   */
  private Map<Long, StoredDeclaration> createdBetween(long first, long last) {
    Set<String> suspended = suspendedParties(PARTY_SUSPENSION.SEQUENCE.le(last));
    Map<Long, StoredDeclaration> created = new HashMap<>();
    dsl.select(DECLARATION.fields())
        .select(SUBJECTS, USAGES)
        .from(DECLARATION)
        .where(DECLARATION.SEQUENCE.between(first, last))
        .forEach(
            row -> {
              StoredDeclaration declaration = declaration(row, suspended);
              created.put(declaration.sequence(), declaration);
            });
    return created;
  }

  /** Suspensions are few, so they are read whole rather than joined to every declaration. */
  private Set<String> suspendedParties() {
    return suspendedParties(DSL.noCondition());
  }

  private Set<String> suspendedParties(Condition which) {
    return new HashSet<>(
        dsl.select(PARTY_SUSPENSION.PARTY_ID)
            .from(PARTY_SUSPENSION)
            .where(which)
            .fetch(PARTY_SUSPENSION.PARTY_ID));
  }

  /** A declaration as it was recorded: active, whatever happened to it later. */
  private static StoredDeclaration declaration(Record row, Set<String> suspended) {
    DeclarationRecord declaration = row.into(DECLARATION);
    return new StoredDeclaration(
        declaration.getId(),
        declaration.getSequence(),
        declaration.getRecordedAt().toInstant(),
        DeclarationStore.content(declaration, row.get(SUBJECTS), row.get(USAGES)),
        Status.ACTIVE,
        null,
        null,
        TrustLevel.fromId(declaration.getTrustLevel()),
        declaration.getRecordedBy(),
        suspended.contains(declaration.getDeclarantId()));
  }
}
