package org.rightsregistry.server.persistence;

import static org.rightsregistry.server.persistence.jooq.Tables.BATCH_UPLOAD;
import static org.rightsregistry.server.persistence.jooq.Tables.DECLARATION;
import static org.rightsregistry.server.persistence.jooq.Tables.DECLARATION_SUBJECT;
import static org.rightsregistry.server.persistence.jooq.Tables.DECLARATION_USAGE;
import static org.rightsregistry.server.persistence.jooq.Tables.PARTY_SUSPENSION;
import static org.rightsregistry.server.persistence.jooq.Tables.REGISTRY_EVENT;
import static org.rightsregistry.server.persistence.jooq.Tables.REGISTRY_HEAD;
import static org.rightsregistry.server.persistence.jooq.Tables.REVOCATION;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.Statement;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;
import org.rightsregistry.server.declaration.NewDeclaration;
import org.rightsregistry.server.declaration.StoredDeclaration;
import org.rightsregistry.server.declaration.StoredDeclaration.Revocation;
import org.rightsregistry.server.declaration.StoredDeclaration.Status;
import org.rightsregistry.server.persistence.jooq.tables.records.DeclarationRecord;
import org.springframework.stereotype.Repository;

/**
 * The registry's append-only history in PostgreSQL. Every method runs in the caller's transaction;
 * nothing here updates or deletes a row of the history.
 */
@Repository
public class DeclarationStore {

  private static final org.rightsregistry.server.persistence.jooq.tables.Declaration successor =
      DECLARATION.as("successor");

  /**
   * From this many lookup keys on, {@link #statementsAt} reads half of them on a second connection
   * in the same snapshot: the lookup is most of a large check's time, and PostgreSQL runs one query
   * on one core.
   */
  static final int SPLIT_LOOKUP_AT = 2_000;

  private final DSLContext dsl;
  private final SnapshotReaders readers;

  DeclarationStore(DSLContext dsl, SnapshotReaders readers) {
    this.dsl = dsl;
    this.readers = readers;
  }

  /** The last sequence number handed out, as seen by the current transaction. */
  public long headSequence() {
    return dsl.select(REGISTRY_HEAD.LAST_SEQUENCE).from(REGISTRY_HEAD).fetchSingle().value1();
  }

  /**
   * Takes the writers' lock without allocating, for a writer that must look before it writes. Held
   * until the transaction ends.
   */
  public void lockForWriting() {
    dsl.selectFrom(REGISTRY_HEAD).where(REGISTRY_HEAD.ID.eq((short) 1)).forUpdate().fetchSingle();
  }

  /**
   * Takes the next {@code count} sequence numbers and returns the first. The row lock it takes
   * serialises writers until the transaction ends, so numbers are gap-free.
   */
  public long allocateSequences(int count) {
    long last =
        dsl.update(REGISTRY_HEAD)
            .set(REGISTRY_HEAD.LAST_SEQUENCE, REGISTRY_HEAD.LAST_SEQUENCE.plus(count))
            .where(REGISTRY_HEAD.ID.eq((short) 1))
            .returning(REGISTRY_HEAD.LAST_SEQUENCE)
            .fetchSingle()
            .getLastSequence();
    return last - count + 1;
  }

  /** The current status of the named declarations that exist. */
  public Map<UUID, Status> statuses(Collection<UUID> ids) {
    Map<UUID, Status> statuses = new HashMap<>();
    dsl.select(DECLARATION.ID, REVOCATION.DECLARATION_ID, successor.ID)
        .from(DECLARATION)
        .leftJoin(REVOCATION)
        .on(REVOCATION.DECLARATION_ID.eq(DECLARATION.ID))
        .leftJoin(successor)
        .on(successor.SUPERSEDES.eq(DECLARATION.ID))
        .where(DECLARATION.ID.in(ids))
        .forEach(
            row ->
                statuses.put(
                    row.value1(),
                    row.value2() != null
                        ? Status.REVOKED
                        : row.value3() != null ? Status.SUPERSEDED : Status.ACTIVE));
    return statuses;
  }

  /**
   * Appends declarations with consecutive sequence numbers from {@code firstSequence}: a CREATED
   * event for each, and a SUPERSEDED event for each declaration one of them replaces. The caller
   * has allocated {@link #sequencesNeeded} numbers.
   */
  public List<StoredDeclaration> append(
      List<Identified> declarations, long firstSequence, Instant now) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    BatchBindStep events =
        dsl.batch(
            dsl.insertInto(
                    REGISTRY_EVENT,
                    REGISTRY_EVENT.SEQUENCE,
                    REGISTRY_EVENT.KIND,
                    REGISTRY_EVENT.DECLARATION_ID,
                    REGISTRY_EVENT.RECORDED_AT)
                .values((Long) null, null, null, null));
    BatchBindStep rows =
        dsl.batch(
            dsl.insertInto(
                    DECLARATION,
                    DECLARATION.ID,
                    DECLARATION.SEQUENCE,
                    DECLARATION.RECORDED_AT,
                    DECLARATION.DECLARANT_ID,
                    DECLARATION.DECLARANT_NAME,
                    DECLARATION.RIGHTS_HOLDER_ID,
                    DECLARATION.RIGHTS_HOLDER_NAME,
                    DECLARATION.RIGHTS_STATEMENT,
                    DECLARATION.VALID_FROM,
                    DECLARATION.VALID_UNTIL,
                    DECLARATION.SUPERSEDES,
                    DECLARATION.NOTE,
                    DECLARATION.TRUST_LEVEL,
                    DECLARATION.RECORDED_BY,
                    DECLARATION.MODALITIES)
                .values(
                    (UUID) null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
    BatchBindStep subjects =
        dsl.batch(
            dsl.insertInto(
                    DECLARATION_SUBJECT,
                    DECLARATION_SUBJECT.DECLARATION_ID,
                    DECLARATION_SUBJECT.POSITION,
                    DECLARATION_SUBJECT.SELECTOR_TYPE,
                    DECLARATION_SUBJECT.SELECTOR_VALUE,
                    DECLARATION_SUBJECT.INSTITUTION,
                    DECLARATION_SUBJECT.LOOKUP_KEY)
                .values((UUID) null, null, null, null, null, null));
    BatchBindStep usages =
        dsl.batch(
            dsl.insertInto(
                    DECLARATION_USAGE,
                    DECLARATION_USAGE.DECLARATION_ID,
                    DECLARATION_USAGE.CATEGORY,
                    DECLARATION_USAGE.EFFECT)
                .values((UUID) null, null, null));

    List<StoredDeclaration> stored = new ArrayList<>(declarations.size());
    List<Object[]> supersessions = new ArrayList<>();
    long sequence = firstSequence;
    for (Identified declaration : declarations) {
      NewDeclaration content = declaration.content();
      UUID id = declaration.id();
      events.bind(sequence, "CREATED", id, at);
      rows.bind(
          id,
          sequence,
          at,
          content.declarant().id(),
          content.declarant().name(),
          partyId(content.rightsHolder()),
          partyName(content.rightsHolder()),
          content.rightsStatement(),
          toOffset(content.validFrom()),
          toOffset(content.validUntil()),
          content.supersedes(),
          content.note(),
          declaration.trustLevel().id(),
          declaration.recordedBy(),
          Modalities.write(content.modalities()));
      for (int position = 0; position < content.subjects().size(); position++) {
        Selector selector = content.subjects().get(position);
        subjects.bind(
            id,
            position,
            selector.type().id(),
            selector.value(),
            selector.institution(),
            LookupKeys.forSelector(selector));
      }
      content.usages().forEach((usage, effect) -> usages.bind(id, usage.id(), effect.id()));
      stored.add(
          new StoredDeclaration(
              id,
              sequence,
              now,
              content,
              Status.ACTIVE,
              null,
              null,
              declaration.trustLevel(),
              declaration.recordedBy(),
              false));
      sequence++;
      if (content.supersedes() != null) {
        supersessions.add(new Object[] {sequence, "SUPERSEDED", content.supersedes(), at});
        sequence++;
      }
    }
    for (Object[] supersession : supersessions) {
      events.bind(supersession);
    }
    events.execute();
    rows.execute();
    subjects.execute();
    usages.execute();
    return stored;
  }

  /** How many sequence numbers appending these declarations takes. */
  public static int sequencesNeeded(List<Identified> declarations) {
    int needed = declarations.size();
    for (Identified declaration : declarations) {
      if (declaration.content().supersedes() != null) {
        needed++;
      }
    }
    return needed;
  }

  /** Appends the revocation of a declaration under the given sequence number. */
  public void appendRevocation(UUID id, String reason, long sequence, Instant now) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    dsl.insertInto(REGISTRY_EVENT)
        .set(REGISTRY_EVENT.SEQUENCE, sequence)
        .set(REGISTRY_EVENT.KIND, "REVOKED")
        .set(REGISTRY_EVENT.DECLARATION_ID, id)
        .set(REGISTRY_EVENT.RECORDED_AT, at)
        .execute();
    dsl.insertInto(REVOCATION)
        .set(REVOCATION.DECLARATION_ID, id)
        .set(REVOCATION.SEQUENCE, sequence)
        .set(REVOCATION.RECORDED_AT, at)
        .set(REVOCATION.REASON, reason)
        .execute();
  }

  /** One declaration with its current status, if it exists. */
  public Optional<StoredDeclaration> find(UUID id) {
    return findWhere(List.of(id)).stream().findFirst();
  }

  /** The declarations recorded between two sequence numbers, in sequence order. */
  public List<UUID> idsBetween(long firstSequence, long lastSequence) {
    return dsl.select(DECLARATION.ID)
        .from(DECLARATION)
        .where(DECLARATION.SEQUENCE.between(firstSequence, lastSequence))
        .orderBy(DECLARATION.SEQUENCE)
        .fetch(DECLARATION.ID);
  }

  /** A batch upload a party recorded under one of its idempotency keys, if any. */
  public Optional<BatchUpload> findBatch(String partyId, String idempotencyKey) {
    return dsl.selectFrom(BATCH_UPLOAD)
        .where(BATCH_UPLOAD.PARTY_ID.eq(partyId))
        .and(BATCH_UPLOAD.IDEMPOTENCY_KEY.eq(idempotencyKey))
        .fetchOptional()
        .map(
            row ->
                new BatchUpload(
                    row.getIdempotencyKey(),
                    row.getPartyId(),
                    row.getRequestSha256(),
                    row.getFirstSequence(),
                    row.getLastSequence()));
  }

  /** Records a batch upload so that a retry with the same key stores nothing again. */
  public void recordBatch(BatchUpload upload, int declared, Instant now) {
    dsl.insertInto(BATCH_UPLOAD)
        .set(BATCH_UPLOAD.IDEMPOTENCY_KEY, upload.idempotencyKey())
        .set(BATCH_UPLOAD.PARTY_ID, upload.partyId())
        .set(BATCH_UPLOAD.REQUEST_SHA256, upload.requestSha256())
        .set(BATCH_UPLOAD.FIRST_SEQUENCE, upload.firstSequence())
        .set(BATCH_UPLOAD.LAST_SEQUENCE, upload.lastSequence())
        .set(BATCH_UPLOAD.DECLARED, declared)
        .set(BATCH_UPLOAD.RECORDED_AT, now.atOffset(ZoneOffset.UTC))
        .execute();
  }

  /**
   * The declarations in force or ending after an instant, as the history stood then: recorded at or
   * before it and not revoked or superseded by then, each as the statement of the subject found
   * under one of the lookup keys, with the time a later revocation or successor ended it, if one
   * has, and the trust level it had then (self-asserted once its declarant was suspended).
   */
  public List<KeyedStatement> statementsAt(Collection<String> lookupKeys, Instant at) {
    if (lookupKeys.isEmpty()) {
      return List.of();
    }
    OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
    List<String> keys = new ArrayList<>(lookupKeys);
    int half = keys.size() / 2;
    Future<List<Found>> otherHalf =
        keys.size() < SPLIT_LOOKUP_AT
            ? null
            : readers.start(dsl, reader -> found(reader, keys.subList(half, keys.size()), when));
    List<Found> found;
    if (otherHalf == null) {
      found = found(dsl, keys, when);
    } else {
      found = new ArrayList<>(found(dsl, keys.subList(0, half), when));
      found.addAll(SnapshotReaders.finish(otherHalf));
    }

    Set<String> declarants = new HashSet<>();
    found.forEach(row -> declarants.add(row.declarant.id()));
    Set<String> suspended = suspendedAmong(declarants, when);
    List<KeyedStatement> statements = new ArrayList<>(found.size());
    for (Found row : found) {
      statements.add(
          new KeyedStatement(
              row.lookupKey, row.toStatement(suspended.contains(row.declarant.id()))));
    }
    return statements;
  }

  /** The rows of {@link #statementsAt} for some of its keys, read through {@code dsl}. */
  private static List<Found> found(DSLContext dsl, List<String> lookupKeys, OffsetDateTime when) {
    Table<?> keys = DSL.unnest(lookupKeys.toArray(String[]::new)).as("wanted", "key");
    Field<String> key = keys.field("key", String.class);
    // Usages come with each row, as "category effect" pairs: one round trip, not two. Neither
    // the ids of categories nor those of effects hold a space or a comma.
    Field<String> usages =
        DSL.field(
            DSL.select(
                    DSL.groupConcat(
                            DECLARATION_USAGE
                                .CATEGORY
                                .concat(DSL.inline(" "))
                                .concat(DECLARATION_USAGE.EFFECT))
                        .separator(","))
                .from(DECLARATION_USAGE)
                .where(DECLARATION_USAGE.DECLARATION_ID.eq(DECLARATION.ID)));
    List<Found> found = new ArrayList<>();
    // Read through the driver's result set, column by column: mapping 10,000 rows to jOOQ
    // records cost more of a check's time than the query itself.
    try (ResultSet rows =
        dsl.select(
                DECLARATION_SUBJECT.LOOKUP_KEY,
                DECLARATION_SUBJECT.SELECTOR_TYPE,
                DECLARATION_SUBJECT.SELECTOR_VALUE,
                DECLARATION_SUBJECT.INSTITUTION,
                DECLARATION.ID,
                DECLARATION.SEQUENCE,
                DECLARATION.RECORDED_AT,
                DECLARATION.DECLARANT_ID,
                DECLARATION.DECLARANT_NAME,
                DECLARATION.RIGHTS_HOLDER_ID,
                DECLARATION.RIGHTS_HOLDER_NAME,
                DECLARATION.RIGHTS_STATEMENT,
                DECLARATION.VALID_FROM,
                DECLARATION.VALID_UNTIL,
                DECLARATION.TRUST_LEVEL,
                DECLARATION.MODALITIES,
                REVOCATION.RECORDED_AT,
                successor.RECORDED_AT,
                usages)
            .from(keys)
            .join(DECLARATION_SUBJECT)
            .on(DECLARATION_SUBJECT.LOOKUP_KEY.eq(key))
            .join(DECLARATION)
            .on(DECLARATION.ID.eq(DECLARATION_SUBJECT.DECLARATION_ID))
            .leftJoin(REVOCATION)
            .on(REVOCATION.DECLARATION_ID.eq(DECLARATION.ID))
            .leftJoin(successor)
            .on(successor.SUPERSEDES.eq(DECLARATION.ID))
            .where(DECLARATION.RECORDED_AT.le(when))
            .and(REVOCATION.RECORDED_AT.isNull().or(REVOCATION.RECORDED_AT.gt(when)))
            .and(successor.RECORDED_AT.isNull().or(successor.RECORDED_AT.gt(when)))
            .fetchResultSet()) {
      while (rows.next()) {
        found.add(Found.read(rows));
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the declarations found for a check", e);
    }
    return found;
  }

  /** One row of {@link #statementsAt}, before the declarant's suspension is known. */
  private record Found(
      String lookupKey,
      Selector selector,
      String id,
      long sequence,
      Instant recordedAt,
      Party declarant,
      Party rightsHolder,
      String rightsStatement,
      Instant validFrom,
      Instant validUntil,
      TrustLevel trustLevel,
      Set<Modality> modalities,
      Instant endedAt,
      Map<Usage, Effect> usages) {

    /** Reads the current row; the columns are in the order {@link #statementsAt} selects them. */
    static Found read(ResultSet row) throws SQLException {
      String holderId = row.getString(10);
      Instant revokedAt = instant(row, 17);
      Instant supersededAt = instant(row, 18);
      return new Found(
          row.getString(1),
          new Selector(SelectorType.fromId(row.getString(2)), row.getString(3), row.getString(4)),
          row.getString(5),
          row.getLong(6),
          instant(row, 7),
          new Party(row.getString(8), row.getString(9)),
          holderId == null ? null : new Party(holderId, row.getString(11)),
          row.getString(12),
          instant(row, 13),
          instant(row, 14),
          TrustLevel.fromId(row.getString(15)),
          Modalities.read(row.getString(16)),
          revokedAt == null || (supersededAt != null && supersededAt.isBefore(revokedAt))
              ? supersededAt
              : revokedAt,
          usages(row.getString(19)));
    }

    Statement toStatement(boolean declarantSuspended) {
      return new Statement(
          id,
          sequence,
          recordedAt,
          declarant,
          rightsHolder,
          selector,
          usages,
          rightsStatement,
          validFrom,
          validUntil,
          declarantSuspended ? TrustLevel.SELF_ASSERTED : trustLevel,
          modalities,
          endedAt);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
      OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
      return time == null ? null : time.toInstant();
    }

    /** "category effect" pairs separated by commas. */
    private static Map<Usage, Effect> usages(String pairs) {
      Map<Usage, Effect> effects = new EnumMap<>(Usage.class);
      if (pairs == null) {
        return effects;
      }
      for (String pair : pairs.split(",")) {
        int space = pair.indexOf(' ');
        effects.put(
            Usage.fromId(pair.substring(0, space)), Effect.fromId(pair.substring(space + 1)));
      }
      return effects;
    }
  }

  private List<StoredDeclaration> findWhere(List<UUID> ids) {
    List<DeclarationRecord> rows =
        dsl.selectFrom(DECLARATION).where(DECLARATION.ID.in(ids)).fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<Selector>> subjects = subjectsOf(ids);
    Map<UUID, Map<Usage, Effect>> usages = usagesOf(ids);
    Map<UUID, Revocation> revocations = new HashMap<>();
    dsl.selectFrom(REVOCATION)
        .where(REVOCATION.DECLARATION_ID.in(ids))
        .forEach(
            row ->
                revocations.put(
                    row.getDeclarationId(),
                    new Revocation(
                        row.getSequence(), row.getRecordedAt().toInstant(), row.getReason())));
    Set<String> declarants = new HashSet<>();
    rows.forEach(row -> declarants.add(row.getDeclarantId()));
    Set<String> suspended = suspendedAmong(declarants);
    Map<UUID, UUID> successors = new HashMap<>();
    dsl.select(DECLARATION.SUPERSEDES, DECLARATION.ID)
        .from(DECLARATION)
        .where(DECLARATION.SUPERSEDES.in(ids))
        .forEach(row -> successors.put(row.value1(), row.value2()));

    List<StoredDeclaration> result = new ArrayList<>(rows.size());
    for (DeclarationRecord row : rows) {
      UUID id = row.getId();
      Revocation revocation = revocations.get(id);
      UUID supersededBy = successors.get(id);
      Status status =
          revocation != null
              ? Status.REVOKED
              : supersededBy != null ? Status.SUPERSEDED : Status.ACTIVE;
      result.add(
          new StoredDeclaration(
              id,
              row.getSequence(),
              row.getRecordedAt().toInstant(),
              content(row, subjects.getOrDefault(id, List.of()), usages.getOrDefault(id, Map.of())),
              status,
              revocation,
              supersededBy,
              TrustLevel.fromId(row.getTrustLevel()),
              row.getRecordedBy(),
              suspended.contains(row.getDeclarantId())));
    }
    return result;
  }

  private Map<UUID, List<Selector>> subjectsOf(List<UUID> ids) {
    Map<UUID, List<Selector>> subjects = new LinkedHashMap<>();
    dsl.selectFrom(DECLARATION_SUBJECT)
        .where(DECLARATION_SUBJECT.DECLARATION_ID.in(ids))
        .orderBy(DECLARATION_SUBJECT.DECLARATION_ID, DECLARATION_SUBJECT.POSITION)
        .forEach(
            row ->
                subjects
                    .computeIfAbsent(row.getDeclarationId(), id -> new ArrayList<>())
                    .add(
                        new Selector(
                            SelectorType.fromId(row.getSelectorType()),
                            row.getSelectorValue(),
                            row.getInstitution())));
    return subjects;
  }

  private Map<UUID, Map<Usage, Effect>> usagesOf(List<UUID> ids) {
    Map<UUID, Map<Usage, Effect>> usages = new HashMap<>();
    if (ids.isEmpty()) {
      return usages;
    }
    // A join with the unnested ids, not "= ANY(ids)": once the driver prepares the statement,
    // PostgreSQL may plan it once for any array and then compare each row with every id.
    Table<?> wanted = DSL.unnest(ids.toArray(UUID[]::new)).as("wanted", "id");
    dsl.select(DECLARATION_USAGE.fields())
        .from(wanted)
        .join(DECLARATION_USAGE)
        .on(DECLARATION_USAGE.DECLARATION_ID.eq(wanted.field("id", UUID.class)))
        .fetchInto(DECLARATION_USAGE)
        .forEach(
            row ->
                usages
                    .computeIfAbsent(row.getDeclarationId(), id -> new EnumMap<>(Usage.class))
                    .put(Usage.fromId(row.getCategory()), Effect.fromId(row.getEffect())));
    return usages;
  }

  private static StoredDeclaration toActive(
      DeclarationRecord row, Map<Usage, Effect> usages, boolean declarantSuspended) {
    return new StoredDeclaration(
        row.getId(),
        row.getSequence(),
        row.getRecordedAt().toInstant(),
        content(row, List.of(), usages),
        Status.ACTIVE,
        null,
        null,
        TrustLevel.fromId(row.getTrustLevel()),
        row.getRecordedBy(),
        declarantSuspended);
  }

  private Set<String> suspendedAmong(Set<String> partyIds) {
    return suspendedAmong(partyIds, null);
  }

  /** The parties among {@code partyIds} suspended by an instant, or by now when it is null. */
  private Set<String> suspendedAmong(Set<String> partyIds, OffsetDateTime by) {
    if (partyIds.isEmpty()) {
      return Set.of();
    }
    Condition among = PARTY_SUSPENSION.PARTY_ID.eq(DSL.any(partyIds.toArray(String[]::new)));
    return new HashSet<>(
        dsl.select(PARTY_SUSPENSION.PARTY_ID)
            .from(PARTY_SUSPENSION)
            .where(by == null ? among : among.and(PARTY_SUSPENSION.SUSPENDED_AT.le(by)))
            .fetch(PARTY_SUSPENSION.PARTY_ID));
  }

  static NewDeclaration content(
      DeclarationRecord row, List<Selector> subjects, Map<Usage, Effect> usages) {
    return new NewDeclaration(
        new Party(row.getDeclarantId(), row.getDeclarantName()),
        row.getRightsHolderId() == null
            ? null
            : new Party(row.getRightsHolderId(), row.getRightsHolderName()),
        subjects,
        usages,
        row.getRightsStatement(),
        toInstant(row.getValidFrom()),
        toInstant(row.getValidUntil()),
        row.getSupersedes(),
        row.getNote(),
        Modalities.read(row.getModalities()));
  }

  private static String partyId(Party party) {
    return party == null ? null : party.id();
  }

  private static String partyName(Party party) {
    return party == null ? null : party.name();
  }

  private static OffsetDateTime toOffset(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant toInstant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /** A declaration to append, with the id it will be stored under. */
  public record Identified(
      UUID id, NewDeclaration content, TrustLevel trustLevel, String recordedBy) {}

  /** A batch upload as recorded under its idempotency key. */
  public record BatchUpload(
      String idempotencyKey,
      String partyId,
      String requestSha256,
      long firstSequence,
      long lastSequence) {}

  /**
   * A declaration found through one of its subjects, as the statement a check weighs.
   *
   * @param lookupKey the key it was found under
   * @param statement the declaration with the subject that was found
   */
  public record KeyedStatement(String lookupKey, Statement statement) {}
}
