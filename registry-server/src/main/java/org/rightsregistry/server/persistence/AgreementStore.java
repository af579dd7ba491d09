package org.rightsregistry.server.persistence;

import static org.rightsregistry.server.persistence.jooq.Tables.AGREEMENT;
import static org.rightsregistry.server.persistence.jooq.Tables.AGREEMENT_REVOCATION;
import static org.rightsregistry.server.persistence.jooq.Tables.AGREEMENT_SUBJECT;
import static org.rightsregistry.server.persistence.jooq.Tables.AGREEMENT_USAGE;
import static org.rightsregistry.server.persistence.jooq.Tables.REGISTRY_EVENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.Usage;
import org.rightsregistry.server.agreement.NewAgreement;
import org.rightsregistry.server.agreement.StoredAgreement;
import org.rightsregistry.server.agreement.StoredAgreement.Revocation;
import org.rightsregistry.server.persistence.jooq.tables.records.AgreementRecord;
import org.springframework.stereotype.Repository;

/**
 * Licence agreements in the registry's append-only history: each is numbered in the same log as
 * declarations, and a revocation is a new record. Every method runs in the caller's transaction.
 */
@Repository
public class AgreementStore {

  private final DSLContext dsl;

  AgreementStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Appends an agreement under a sequence number the caller allocated. */
  public StoredAgreement append(
      UUID id, NewAgreement agreement, String recordedBy, long sequence, Instant now) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    event(sequence, "LICENCE_GRANTED", id, at);
    dsl.insertInto(AGREEMENT)
        .set(AGREEMENT.ID, id)
        .set(AGREEMENT.SEQUENCE, sequence)
        .set(AGREEMENT.RECORDED_AT, at)
        .set(AGREEMENT.LICENSOR_ID, agreement.licensor().id())
        .set(AGREEMENT.LICENSOR_NAME, agreement.licensor().name())
        .set(AGREEMENT.LICENSEE_ID, agreement.licensee().id())
        .set(AGREEMENT.LICENSEE_NAME, agreement.licensee().name())
        .set(AGREEMENT.VALID_FROM, toOffset(agreement.validFrom()))
        .set(AGREEMENT.VALID_UNTIL, toOffset(agreement.validUntil()))
        .set(AGREEMENT.RECORDED_BY, recordedBy)
        .set(AGREEMENT.NOTE, agreement.note())
        .execute();
    for (int position = 0; position < agreement.covers().size(); position++) {
      Selector selector = agreement.covers().get(position);
      dsl.insertInto(AGREEMENT_SUBJECT)
          .set(AGREEMENT_SUBJECT.AGREEMENT_ID, id)
          .set(AGREEMENT_SUBJECT.POSITION, position)
          .set(AGREEMENT_SUBJECT.SELECTOR_TYPE, selector.type().id())
          .set(AGREEMENT_SUBJECT.SELECTOR_VALUE, selector.value())
          .set(AGREEMENT_SUBJECT.INSTITUTION, selector.institution())
          .set(AGREEMENT_SUBJECT.LOOKUP_KEY, LookupKeys.forSelector(selector))
          .execute();
    }
    for (Usage usage : agreement.usages()) {
      dsl.insertInto(AGREEMENT_USAGE)
          .set(AGREEMENT_USAGE.AGREEMENT_ID, id)
          .set(AGREEMENT_USAGE.CATEGORY, usage.id())
          .execute();
    }
    return new StoredAgreement(id, sequence, now, agreement, recordedBy, null);
  }

  /** Appends the revocation of an agreement under a sequence number the caller allocated. */
  public void appendRevocation(UUID id, String reason, long sequence, Instant now) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    event(sequence, "LICENCE_REVOKED", id, at);
    dsl.insertInto(AGREEMENT_REVOCATION)
        .set(AGREEMENT_REVOCATION.AGREEMENT_ID, id)
        .set(AGREEMENT_REVOCATION.SEQUENCE, sequence)
        .set(AGREEMENT_REVOCATION.RECORDED_AT, at)
        .set(AGREEMENT_REVOCATION.REASON, reason)
        .execute();
  }

  /** One agreement with its covered subjects and its revocation, if it exists. */
  public Optional<StoredAgreement> find(UUID id) {
    Optional<AgreementRecord> row =
        dsl.selectFrom(AGREEMENT).where(AGREEMENT.ID.eq(id)).fetchOptional();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    List<Selector> covers = new ArrayList<>();
    dsl.selectFrom(AGREEMENT_SUBJECT)
        .where(AGREEMENT_SUBJECT.AGREEMENT_ID.eq(id))
        .orderBy(AGREEMENT_SUBJECT.POSITION)
        .forEach(
            subject ->
                covers.add(
                    new Selector(
                        SelectorType.fromId(subject.getSelectorType()),
                        subject.getSelectorValue(),
                        subject.getInstitution())));
    Revocation revocation =
        dsl.selectFrom(AGREEMENT_REVOCATION)
            .where(AGREEMENT_REVOCATION.AGREEMENT_ID.eq(id))
            .fetchOptional()
            .map(
                revoked ->
                    new Revocation(
                        revoked.getSequence(),
                        revoked.getRecordedAt().toInstant(),
                        revoked.getReason()))
            .orElse(null);
    Map<UUID, Set<Usage>> usages = usagesOf(List.of(id));
    return Optional.of(stored(row.get(), covers, usages.get(id), revocation));
  }

  /**
   * Every agreement to a licensee that is not revoked, in sequence order, with all its covered
   * subjects; for a snapshot of that licensee's registry.
   */
  public List<StoredAgreement> activeTo(String licenseeId) {
    return agreementsTo(
        licenseeId,
        DSL.notExists(
            DSL.selectOne()
                .from(AGREEMENT_REVOCATION)
                .where(AGREEMENT_REVOCATION.AGREEMENT_ID.eq(AGREEMENT.ID))));
  }

  /**
   * The agreements to a licensee recorded at sequence numbers from {@code first} to {@code last},
   * as they were recorded (their revocation, if any, left out); for the change feed of that
   * licensee.
   */
  public Map<UUID, StoredAgreement> recordedTo(String licenseeId, long first, long last) {
    Map<UUID, StoredAgreement> found = new HashMap<>();
    for (StoredAgreement agreement :
        agreementsTo(licenseeId, AGREEMENT.SEQUENCE.between(first, last))) {
      found.put(agreement.id(), agreement);
    }
    return found;
  }

  private List<StoredAgreement> agreementsTo(String licenseeId, org.jooq.Condition condition) {
    List<AgreementRecord> rows =
        dsl.selectFrom(AGREEMENT)
            .where(AGREEMENT.LICENSEE_ID.eq(licenseeId))
            .and(condition)
            .orderBy(AGREEMENT.SEQUENCE)
            .fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = rows.stream().map(AgreementRecord::getId).toList();
    Map<UUID, List<Selector>> covers = new HashMap<>();
    dsl.selectFrom(AGREEMENT_SUBJECT)
        .where(AGREEMENT_SUBJECT.AGREEMENT_ID.eq(DSL.any(ids.toArray(UUID[]::new))))
        .orderBy(AGREEMENT_SUBJECT.AGREEMENT_ID, AGREEMENT_SUBJECT.POSITION)
        .forEach(
            subject ->
                covers
                    .computeIfAbsent(subject.getAgreementId(), id -> new ArrayList<>())
                    .add(
                        new Selector(
                            SelectorType.fromId(subject.getSelectorType()),
                            subject.getSelectorValue(),
                            subject.getInstitution())));
    Map<UUID, Set<Usage>> usages = usagesOf(ids);
    List<StoredAgreement> agreements = new ArrayList<>(rows.size());
    for (AgreementRecord row : rows) {
      agreements.add(stored(row, covers.get(row.getId()), usages.get(row.getId()), null));
    }
    return agreements;
  }

  /**
   * The agreements to a licensee with a subject filed under one of the lookup keys, as the history
   * stood at an instant: recorded at or before it and not revoked by then, each with the subject
   * found and the time a revocation recorded after that instant ended it, if one has.
   */
  public List<AgreementMatch> licencesAt(
      String licenseeId, Collection<String> lookupKeys, Instant at) {
    if (lookupKeys.isEmpty()) {
      return List.of();
    }
    OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
    Table<?> keys = DSL.unnest(lookupKeys.toArray(String[]::new)).as("wanted", "key");
    Field<String> key = keys.field("key", String.class);
    Field<OffsetDateTime> revokedAt = AGREEMENT_REVOCATION.RECORDED_AT.as("revoked_at");
    List<Record> rows =
        dsl
            .select(
                AGREEMENT_SUBJECT.LOOKUP_KEY,
                AGREEMENT_SUBJECT.SELECTOR_TYPE,
                AGREEMENT_SUBJECT.SELECTOR_VALUE,
                AGREEMENT_SUBJECT.INSTITUTION,
                revokedAt)
            .select(AGREEMENT.fields())
            .from(keys)
            .join(AGREEMENT_SUBJECT)
            .on(AGREEMENT_SUBJECT.LOOKUP_KEY.eq(key))
            .join(AGREEMENT)
            .on(AGREEMENT.ID.eq(AGREEMENT_SUBJECT.AGREEMENT_ID))
            .leftJoin(AGREEMENT_REVOCATION)
            .on(AGREEMENT_REVOCATION.AGREEMENT_ID.eq(AGREEMENT.ID))
            .where(AGREEMENT.LICENSEE_ID.eq(licenseeId))
            .and(AGREEMENT.RECORDED_AT.le(when))
            .and(
                AGREEMENT_REVOCATION
                    .RECORDED_AT
                    .isNull()
                    .or(AGREEMENT_REVOCATION.RECORDED_AT.gt(when)))
            .fetch()
            .stream()
            .map(Record.class::cast)
            .toList();
    Map<UUID, Set<Usage>> usages =
        usagesOf(rows.stream().map(row -> row.get(AGREEMENT.ID)).distinct().toList());
    List<AgreementMatch> matches = new ArrayList<>(rows.size());
    for (Record row : rows) {
      AgreementRecord agreement = row.into(AGREEMENT);
      Selector selector =
          new Selector(
              SelectorType.fromId(row.get(AGREEMENT_SUBJECT.SELECTOR_TYPE)),
              row.get(AGREEMENT_SUBJECT.SELECTOR_VALUE),
              row.get(AGREEMENT_SUBJECT.INSTITUTION));
      OffsetDateTime revoked = row.get(revokedAt);
      matches.add(
          new AgreementMatch(
              row.get(AGREEMENT_SUBJECT.LOOKUP_KEY),
              selector,
              stored(agreement, List.of(selector), usages.get(agreement.getId()), null),
              revoked == null ? null : revoked.toInstant()));
    }
    return matches;
  }

  private void event(long sequence, String kind, UUID id, OffsetDateTime at) {
    dsl.insertInto(REGISTRY_EVENT)
        .set(REGISTRY_EVENT.SEQUENCE, sequence)
        .set(REGISTRY_EVENT.KIND, kind)
        .set(REGISTRY_EVENT.DECLARATION_ID, id)
        .set(REGISTRY_EVENT.RECORDED_AT, at)
        .execute();
  }

  private Map<UUID, Set<Usage>> usagesOf(List<UUID> ids) {
    Map<UUID, Set<Usage>> usages = new HashMap<>();
    if (ids.isEmpty()) {
      return usages;
    }
    // A join with the unnested ids, not "= ANY(ids)", as DeclarationStore.usagesOf says.
    Table<?> wanted = DSL.unnest(ids.toArray(UUID[]::new)).as("wanted", "id");
    dsl.select(AGREEMENT_USAGE.fields())
        .from(wanted)
        .join(AGREEMENT_USAGE)
        .on(AGREEMENT_USAGE.AGREEMENT_ID.eq(wanted.field("id", UUID.class)))
        .fetchInto(AGREEMENT_USAGE)
        .forEach(
            row ->
                usages
                    .computeIfAbsent(row.getAgreementId(), id -> EnumSet.noneOf(Usage.class))
                    .add(Usage.fromId(row.getCategory())));
    return usages;
  }

  private static StoredAgreement stored(
      AgreementRecord row, List<Selector> covers, Set<Usage> usages, Revocation revocation) {
    NewAgreement content =
        new NewAgreement(
            new Party(row.getLicensorId(), row.getLicensorName()),
            new Party(row.getLicenseeId(), row.getLicenseeName()),
            covers,
            usages,
            toInstant(row.getValidFrom()),
            toInstant(row.getValidUntil()),
            row.getNote());
    return new StoredAgreement(
        row.getId(),
        row.getSequence(),
        row.getRecordedAt().toInstant(),
        content,
        row.getRecordedBy(),
        revocation);
  }

  private static OffsetDateTime toOffset(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant toInstant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /**
   * An agreement found through one of its covered subjects.
   *
   * @param lookupKey the key it was found under
   * @param selector the covered subject that was found
   * @param agreement the agreement (its covers hold only that subject)
   * @param endedAt when a revocation recorded after the instant asked about ended it, or null
   */
  public record AgreementMatch(
      String lookupKey, Selector selector, StoredAgreement agreement, Instant endedAt) {}
}
