package org.rightsregistry.client.offline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;

/** Small snapshots for tests. */
final class Snapshots {

  static final Instant EXPORTED = Instant.parse("2026-06-01T12:00:00Z");
  static final Party TATE = new Party("tate", "Tate");
  static final Party DACS = new Party("dacs", "DACS");
  static final Party PHOTOGRAPHER = new Party("photographer", null);

  private Snapshots() {}

  static java.time.Clock clockAt(Instant instant) {
    return java.time.Clock.fixed(instant, java.time.ZoneOffset.UTC);
  }

  static SnapshotDeclaration declaration(
      long sequence, Party declarant, Effect training, Selector... subjects) {
    return new SnapshotDeclaration(
        new UUID(0x1234, sequence).toString(),
        sequence,
        EXPORTED.minusSeconds(3600 - sequence).plusNanos(123_456_000),
        declarant,
        null,
        List.of(subjects),
        Map.of(Usage.AI_TRAINING, training),
        training == Effect.ALLOWED ? "http://rightsstatements.org/vocab/NoC-US/1.0/" : null,
        null,
        null,
        TrustLevel.SELF_ASSERTED);
  }

  /** A mix of every selector type, holders, validity and an id that is not a UUID. */
  static Snapshot mixed() {
    SnapshotDeclaration forHolder =
        new SnapshotDeclaration(
            "legacy-id-7",
            7,
            EXPORTED.minusSeconds(10),
            TATE,
            DACS,
            List.of(
                Selector.url("https://www.tate.org.uk/art/images/work/AR/AR00086_8.jpg"),
                Selector.accession("tate", "AR00086")),
            Map.of(
                Usage.GENERATIVE_AI_TRAINING,
                Effect.RESERVED,
                Usage.SEARCH_INDEXING,
                Effect.ALLOWED),
            "http://rightsstatements.org/vocab/InC/1.0/",
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2027-01-01T00:00:00Z"),
            TrustLevel.INSTITUTION_VERIFIED);
    return new Snapshot(
        42,
        EXPORTED,
        List.of(
            declaration(1, TATE, Effect.ALLOWED, Selector.domain("tate.org.uk")),
            declaration(
                2,
                PHOTOGRAPHER,
                Effect.RESERVED,
                Selector.urlPrefix("https://www.tate.org.uk/art/images/work/A")),
            declaration(3, PHOTOGRAPHER, Effect.RESERVED, Selector.sha256("ab".repeat(32))),
            declaration(
                4,
                DACS,
                Effect.LICENCE_REQUIRED,
                Selector.url("https://www.tate.org.uk/art/images/work/AR/AR00086_8.jpg"),
                Selector.urlPrefix("https://www.tate.org.uk/art/images/work/AR/")),
            forHolder));
  }

  /**
   * Declarations on all works of DACS and of the photographer, one image declared by Tate for DACS
   * (which makes it nobody's work: a party speaks for its own works only), one image DACS declared
   * itself (its work), and a declaration on all works of DACS made by Tate before the registry
   * refused that (ignored).
   */
  static Snapshot partyWorks() {
    SnapshotDeclaration tateForDacs =
        new SnapshotDeclaration(
            "tate-for-dacs",
            1,
            EXPORTED.minusSeconds(30),
            TATE,
            DACS,
            List.of(Selector.url("https://www.tate.org.uk/art/images/work/AR/AR00086_8.jpg")),
            Map.of(Usage.SEARCH_INDEXING, Effect.ALLOWED),
            null,
            null,
            null,
            TrustLevel.INSTITUTION_VERIFIED);
    SnapshotDeclaration dacsOwn =
        new SnapshotDeclaration(
            "dacs-own",
            5,
            EXPORTED.minusSeconds(20),
            DACS,
            DACS,
            List.of(Selector.url("https://www.tate.org.uk/art/images/work/AR/AR00087_8.jpg")),
            Map.of(Usage.SEARCH_INDEXING, Effect.ALLOWED),
            null,
            null,
            null,
            TrustLevel.SELF_ASSERTED);
    SnapshotDeclaration tateOnDacsWorks =
        new SnapshotDeclaration(
            "tate-on-dacs-works",
            6,
            EXPORTED.minusSeconds(10),
            TATE,
            DACS,
            List.of(Selector.partyWorks("dacs")),
            Map.of(Usage.AI_TRAINING, Effect.ALLOWED),
            null,
            null,
            null,
            TrustLevel.INSTITUTION_VERIFIED);
    return new Snapshot(
        6,
        EXPORTED,
        List.of(
            tateForDacs,
            declaration(2, DACS, Effect.RESERVED, Selector.partyWorks("dacs")),
            declaration(3, PHOTOGRAPHER, Effect.RESERVED, Selector.partyWorks("photographer")),
            declaration(4, DACS, Effect.ALLOWED, Selector.domain("example.org")),
            dacsOwn,
            tateOnDacsWorks));
  }
}
