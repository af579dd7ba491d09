package org.rightsregistry.client.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;

/** Snapshot format version 2: modalities, the requester's agreements, and version 1 still read. */
class SnapshotVersion2Test {

  static final String IMAGE_URL = "https://museum.example/images/a.jpg";
  static final Party LAB = new Party("lab", "A Lab");

  @TempDir Path directory;

  /** An images-only reservation, a text-only permission, and a licence from DACS to the lab. */
  static Snapshot withModalitiesAndAgreements() {
    SnapshotDeclaration imagesReserved =
        new SnapshotDeclaration(
            "00000000-0000-0000-0000-000000000001",
            1,
            Snapshots.EXPORTED.minusSeconds(100),
            Snapshots.DACS,
            null,
            List.of(Selector.url(IMAGE_URL)),
            Map.of(Usage.AI_TRAINING, Effect.RESERVED),
            null,
            null,
            null,
            TrustLevel.SELF_ASSERTED,
            Set.of(Modality.IMAGE));
    SnapshotDeclaration textAllowed =
        new SnapshotDeclaration(
            "00000000-0000-0000-0000-000000000002",
            2,
            Snapshots.EXPORTED.minusSeconds(90),
            Snapshots.TATE,
            null,
            List.of(Selector.domain("museum.example")),
            Map.of(Usage.TEXT_AND_DATA_MINING, Effect.ALLOWED),
            null,
            null,
            null,
            TrustLevel.DOMAIN_VERIFIED,
            Set.of(Modality.TEXT, Modality.AUDIO));
    SnapshotAgreement licence =
        new SnapshotAgreement(
            "00000000-0000-0000-0000-000000000003",
            3,
            Snapshots.EXPORTED.minusSeconds(80),
            Snapshots.DACS,
            LAB,
            List.of(
                Selector.urlPrefix("https://museum.example/images/"),
                Selector.sha256("cd".repeat(32))),
            Set.of(Usage.AI_TRAINING),
            Instant.parse("2020-01-01T00:00:00Z"),
            null);
    return new Snapshot(
        3, Snapshots.EXPORTED, List.of(imagesReserved, textAllowed), "lab", List.of(licence));
  }

  @Test
  void read_version2_givesModalitiesRequesterAndAgreementsBack() {
    Snapshot snapshot = withModalitiesAndAgreements();

    byte[] bytes = SnapshotFormatTest.bytes(snapshot);
    Snapshot read = SnapshotFormat.read(new ByteArrayInputStream(bytes));

    assertThat(read).isEqualTo(snapshot);
    assertThat(bytes[SnapshotFormat.MAGIC.length + 1]).isEqualTo((byte) 2);
    assertThat(read.declarations().get(1).modalities())
        .containsExactlyInAnyOrder(Modality.TEXT, Modality.AUDIO);
  }

  @Test
  void read_version2_truncatedOrFlippedAnywhere_isRejectedWhole() {
    byte[] whole = SnapshotFormatTest.bytes(withModalitiesAndAgreements());

    for (int cut = 0; cut < whole.length; cut++) {
      byte[] truncated = Arrays.copyOf(whole, cut);
      assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(truncated)))
          .as("cut at %d", cut)
          .isInstanceOf(SnapshotFormatException.class);
      byte[] flipped = whole.clone();
      flipped[cut] ^= 0x04;
      assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(flipped)))
          .as("flipped at %d", cut)
          .isInstanceOf(SnapshotFormatException.class);
    }
  }

  @Test
  void read_version1File_isStillRead() throws IOException {
    byte[] version1 = version1Bytes();

    Snapshot read = SnapshotFormat.read(new ByteArrayInputStream(version1));

    assertThat(read.sequence()).isEqualTo(9);
    assertThat(read.requester()).isNull();
    assertThat(read.agreements()).isEmpty();
    assertThat(read.declarations())
        .singleElement()
        .satisfies(
            declaration -> {
              assertThat(declaration.id()).isEqualTo("v1-declaration");
              assertThat(declaration.modalities()).isEmpty();
              assertThat(declaration.usages()).containsEntry(Usage.AI_TRAINING, Effect.RESERVED);
              assertThat(declaration.subjects()).containsExactly(Selector.url(IMAGE_URL));
            });
  }

  @Test
  void snapshot_agreementToAnotherParty_isRefused() {
    Snapshot snapshot = withModalitiesAndAgreements();

    assertThatThrownBy(
            () ->
                new Snapshot(
                    3,
                    Snapshots.EXPORTED,
                    snapshot.declarations(),
                    "someone-else",
                    snapshot.agreements()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not to the snapshot's requester");
    assertThatThrownBy(
            () ->
                new Snapshot(
                    3, Snapshots.EXPORTED, snapshot.declarations(), null, snapshot.agreements()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void check_imagesOnlyReservation_doesNotTouchText() {
    OfflineChecker checker = checker(withModalitiesAndAgreements(), "anonymous");

    Decision image =
        checker.check(Item.url(IMAGE_URL).withModality(Modality.IMAGE), Usage.AI_TRAINING);
    Decision text =
        checker.check(Item.url(IMAGE_URL).withModality(Modality.TEXT), Usage.AI_TRAINING);
    Decision unknown = checker.check(Item.url(IMAGE_URL), Usage.AI_TRAINING);

    assertThat(image.verdict()).isEqualTo(Verdict.DENY);
    assertThat(text.verdict()).isNotEqualTo(Verdict.DENY);
    assertThat(unknown.verdict()).isEqualTo(Verdict.DENY);
    assertThat(text.item().modality()).isEqualTo(Modality.TEXT);
  }

  @Test
  void check_requestersLicence_replacesItsLicensorsReservation() {
    OfflineChecker licensed = checker(withModalitiesAndAgreements(), "lab");
    OfflineChecker anonymous = checker(withModalitiesAndAgreements(), "anonymous");
    Item image = Item.url(IMAGE_URL).withModality(Modality.IMAGE);

    Decision withLicence = licensed.check(image, Usage.GENERATIVE_AI_TRAINING);
    Decision without = anonymous.check(image, Usage.GENERATIVE_AI_TRAINING);

    assertThat(licensed.requester()).isEqualTo("lab");
    assertThat(withLicence.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(withLicence.rule()).isEqualTo(Decision.RULE_LICENSED);
    assertThat(without.verdict()).isEqualTo(Verdict.DENY);
  }

  @Test
  void check_licenceOnAllWorksOfItsLicensor_coversOnlyItemsTheLicensorDeclaredItself() {
    String tateSays = "https://museum.example/tate-says-dacs.jpg";
    String dacsSays = "https://museum.example/dacs-says.jpg";
    SnapshotDeclaration byTateForDacs =
        new SnapshotDeclaration(
            "00000000-0000-0000-0000-000000000011",
            1,
            Snapshots.EXPORTED.minusSeconds(100),
            Snapshots.TATE,
            Snapshots.DACS,
            List.of(Selector.url(tateSays)),
            Map.of(Usage.AI_TRAINING, Effect.RESERVED),
            null,
            null,
            null,
            TrustLevel.INSTITUTION_VERIFIED);
    SnapshotDeclaration byDacs =
        new SnapshotDeclaration(
            "00000000-0000-0000-0000-000000000012",
            2,
            Snapshots.EXPORTED.minusSeconds(90),
            Snapshots.DACS,
            null,
            List.of(Selector.url(dacsSays)),
            Map.of(Usage.AI_TRAINING, Effect.RESERVED),
            null,
            null,
            null,
            TrustLevel.SELF_ASSERTED);
    SnapshotAgreement onAllWorks =
        new SnapshotAgreement(
            "00000000-0000-0000-0000-000000000013",
            3,
            Snapshots.EXPORTED.minusSeconds(80),
            Snapshots.DACS,
            LAB,
            List.of(Selector.partyWorks("dacs")),
            Set.of(Usage.AI_TRAINING),
            null,
            null);
    OfflineChecker checker =
        checker(
            new Snapshot(
                3, Snapshots.EXPORTED, List.of(byTateForDacs, byDacs), "lab", List.of(onAllWorks)),
            "lab");

    Decision named = checker.check(Item.url(tateSays), Usage.AI_TRAINING);
    Decision own = checker.check(Item.url(dacsSays), Usage.AI_TRAINING);

    // Tate naming DACS as rights holder does not make the image DACS's work.
    assertThat(named.verdict()).isEqualTo(Verdict.DENY);
    assertThat(named.rule()).isEqualTo(Decision.RULE_RESERVATION);
    assertThat(own.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(own.rule()).isEqualTo(Decision.RULE_LICENSED);
  }

  @Test
  void load_savedVersion2File_keepsAgreements() {
    Path file = directory.resolve("registry.snapshot");
    SnapshotFormat.save(withModalitiesAndAgreements(), file);

    OfflineChecker loaded =
        OfflineChecker.builder()
            .snapshotFile(file)
            .clock(Snapshots.clockAt(Snapshots.EXPORTED))
            .build();

    assertThat(loaded.requester()).isEqualTo("lab");
    assertThat(
            loaded
                .check(Item.url(IMAGE_URL).withModality(Modality.IMAGE), Usage.AI_TRAINING)
                .verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  private static OfflineChecker checker(Snapshot snapshot, String as) {
    Snapshot chosen =
        as.equals("anonymous")
            ? new Snapshot(snapshot.sequence(), snapshot.exportedAt(), snapshot.declarations())
            : snapshot;
    return OfflineChecker.builder()
        .snapshot(chosen)
        .clock(Snapshots.clockAt(Snapshots.EXPORTED))
        .build();
  }

  /** A version 1 file written byte by byte as docs/snapshot-format.md describes it. */
  private static byte[] version1Bytes() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream records = new DataOutputStream(new DeflaterOutputStream(body));
    records.writeByte(1); // TERMS
    string(records, "dacs");
    records.writeBoolean(false); // no name
    records.writeBoolean(false); // no rights holder
    records.writeByte(1);
    string(records, "ai-training");
    string(records, "reserved");
    records.writeBoolean(false);
    records.writeBoolean(false);
    records.writeBoolean(false);
    string(records, "self-asserted");
    records.writeByte(2); // DECLARATION
    string(records, "v1-declaration");
    records.writeByte(5);
    records.writeLong(Snapshots.EXPORTED.getEpochSecond() - 50);
    records.writeInt(0);
    records.writeByte(0); // terms 0
    records.writeByte(1);
    records.writeByte(1); // url
    string(records, IMAGE_URL);
    records.writeByte(0); // END
    records.writeByte(1);
    records.close();

    ByteArrayOutputStream file = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(file);
    out.write(SnapshotFormat.MAGIC);
    out.writeShort(1);
    out.writeShort(0);
    out.writeLong(9);
    out.writeLong(Snapshots.EXPORTED.getEpochSecond());
    out.writeInt(0);
    byte[] compressed = body.toByteArray();
    out.writeInt(compressed.length);
    out.write(compressed);
    out.writeInt(0);
    out.flush();
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(file.toByteArray());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    out.write(digest);
    return file.toByteArray();
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeByte(bytes.length);
    out.write(bytes);
  }
}
