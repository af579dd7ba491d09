package org.rightsregistry.server.persistence;

import static org.rightsregistry.server.persistence.jooq.Tables.COLLECTION_IMPORT;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Which collection imports have committed, so that none runs twice. */
@Repository
public class CollectionImportStore {

  private final DSLContext dsl;

  CollectionImportStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The committed import of a source, if any. */
  public Optional<CollectionImport> find(String source) {
    return dsl.selectFrom(COLLECTION_IMPORT)
        .where(COLLECTION_IMPORT.SOURCE.eq(source))
        .fetchOptional()
        .map(
            row ->
                new CollectionImport(
                    row.getSource(),
                    row.getSourceSha256(),
                    row.getFirstSequence(),
                    row.getLastSequence(),
                    row.getDeclared(),
                    row.getSkipped(),
                    row.getArtworks(),
                    row.getRecordedAt().toInstant()));
  }

  /** Records a committed import, in the import's own transaction. */
  public void record(CollectionImport entry) {
    dsl.insertInto(COLLECTION_IMPORT)
        .set(COLLECTION_IMPORT.SOURCE, entry.source())
        .set(COLLECTION_IMPORT.SOURCE_SHA256, entry.sourceSha256())
        .set(COLLECTION_IMPORT.FIRST_SEQUENCE, entry.firstSequence())
        .set(COLLECTION_IMPORT.LAST_SEQUENCE, entry.lastSequence())
        .set(COLLECTION_IMPORT.DECLARED, entry.declared())
        .set(COLLECTION_IMPORT.SKIPPED, entry.unmatchedImages())
        .set(COLLECTION_IMPORT.ARTWORKS, entry.artworks())
        .set(COLLECTION_IMPORT.RECORDED_AT, entry.recordedAt().atOffset(ZoneOffset.UTC))
        .execute();
  }

  /**
   * Refreshes the planner's statistics after a bulk load, so that the first checks after it are
   * planned for the data that is there rather than for empty tables.
   */
  public void refreshStatistics() {
    dsl.execute("ANALYZE declaration, declaration_subject, declaration_usage, revocation");
  }

  /**
   * One committed import.
   *
   * @param unmatchedImages image URLs that no mapping rule matched (no declaration made)
   */
  public record CollectionImport(
      String source,
      String sourceSha256,
      long firstSequence,
      long lastSequence,
      int declared,
      int unmatchedImages,
      int artworks,
      Instant recordedAt) {}
}
