package org.rightsregistry.client.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Selector;

class SnapshotFormatTest {

  @TempDir Path directory;

  @Test
  void read_writtenSnapshot_givesEveryDeclarationBack() {
    Snapshot snapshot = Snapshots.mixed();

    Snapshot read = SnapshotFormat.read(new ByteArrayInputStream(bytes(snapshot)));

    assertThat(read).isEqualTo(snapshot);
  }

  @Test
  void read_writtenSnapshotWithStatementsOnAllWorks_givesThemBack() {
    Snapshot snapshot = Snapshots.partyWorks();

    Snapshot read = SnapshotFormat.read(new ByteArrayInputStream(bytes(snapshot)));

    assertThat(read).isEqualTo(snapshot);
    assertThat(read.declarations().get(1).subjects()).containsExactly(Selector.partyWorks("dacs"));
  }

  @Test
  void read_emptySnapshot_keepsItsPosition() {
    Snapshot empty = new Snapshot(0, Instant.parse("2026-06-01T00:00:00.5Z"), List.of());

    assertThat(SnapshotFormat.read(new ByteArrayInputStream(bytes(empty)))).isEqualTo(empty);
  }

  @Test
  void read_truncatedAnywhere_rejectsTheWholeSnapshot() {
    byte[] whole = bytes(large(2_000));

    for (int length = 0; length < whole.length; length += Math.max(1, length / 7)) {
      byte[] truncated = Arrays.copyOf(whole, length);
      assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(truncated)))
          .as("cut after %d of %d bytes", length, whole.length)
          .isInstanceOf(SnapshotFormatException.class);
    }
  }

  @Test
  void read_anyByteFlipped_rejectsTheWholeSnapshot() {
    byte[] whole = bytes(large(2_000));

    for (int position = 0; position < whole.length; position += 1 + position / 11) {
      byte[] corrupted = whole.clone();
      corrupted[position] ^= 0x10;
      int at = position;
      assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(corrupted)))
          .as("byte %d of %d flipped", at, whole.length)
          .isInstanceOf(SnapshotFormatException.class);
    }
  }

  @Test
  void read_bytesAfterTheChecksum_rejectsTheSnapshot() {
    byte[] whole = bytes(Snapshots.mixed());
    byte[] longer = Arrays.copyOf(whole, whole.length + 1);

    assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(longer)))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("after its checksum");
  }

  @Test
  void read_otherFormatVersion_saysToUpdate() {
    byte[] other = bytes(Snapshots.mixed());
    other[SnapshotFormat.MAGIC.length + 1] = 3;

    assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(other)))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("format version 3")
        .hasMessageContaining("update the library");
  }

  @Test
  void read_notASnapshot_saysSo() {
    byte[] text = "{\"declarations\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(text)))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("not a Rights Registry snapshot");
  }

  @Test
  void build_corruptedSnapshotFile_givesNoChecker() throws IOException {
    Path file = directory.resolve("registry.snapshot");
    SnapshotFormat.save(large(500), file);
    byte[] corrupted = Files.readAllBytes(file);
    corrupted[corrupted.length / 2] ^= 0x01;
    Files.write(file, corrupted);

    assertThatThrownBy(() -> OfflineChecker.builder().snapshotFile(file).build())
        .isInstanceOf(SnapshotFormatException.class);
  }

  @Test
  void load_savedSnapshot_resumesAtItsPosition() {
    Path file = directory.resolve("registry.snapshot");
    SnapshotFormat.save(Snapshots.mixed(), file);

    OfflineChecker restarted = OfflineChecker.builder().snapshotFile(file).build();

    assertThat(SnapshotFormat.load(file)).isEqualTo(Snapshots.mixed());
    assertThat(restarted.registrySequence()).isEqualTo(42);
    assertThat(restarted.exportedAt()).isEqualTo(Snapshots.EXPORTED);
  }

  @Test
  void save_overAnOlderSnapshot_replacesItWholeAndLeavesNoTemporaryFile() throws IOException {
    Path file = directory.resolve("registry.snapshot");
    SnapshotFormat.save(new Snapshot(1, Snapshots.EXPORTED, List.of()), file);

    SnapshotFormat.save(Snapshots.mixed(), file);

    assertThat(SnapshotFormat.load(file).sequence()).isEqualTo(42);
    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void save_failingWrite_leavesTheLastGoodSnapshot() throws IOException {
    Path file = directory.resolve("registry.snapshot");
    SnapshotFormat.save(Snapshots.mixed(), file);
    String tooLong = "x".repeat(70_000); // longer than a string may be: the write fails midway
    Snapshot unreadable =
        new Snapshot(
            43,
            Snapshots.EXPORTED,
            List.of(
                Snapshots.declaration(
                    43, Snapshots.TATE, Effect.RESERVED, Selector.domain("a" + tooLong))));

    assertThatThrownBy(() -> SnapshotFormat.save(unreadable, file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70001 bytes");

    assertThat(SnapshotFormat.load(file)).isEqualTo(Snapshots.mixed());
    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(file);
    }
  }

  static Snapshot large(int count) {
    List<SnapshotDeclaration> declarations = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      declarations.add(
          Snapshots.declaration(
              i,
              i % 3 == 0 ? Snapshots.DACS : Snapshots.TATE,
              Effect.values()[i % 3],
              Selector.url(
                  "http://www.tate.org.uk/art/images/work/N/N0" + i + "/N0" + i + "_8.jpg"),
              Selector.accession("tate", "N0" + i)));
    }
    return new Snapshot(count, Snapshots.EXPORTED, declarations);
  }

  static byte[] bytes(Snapshot snapshot) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SnapshotFormat.write(snapshot, out);
    return out.toByteArray();
  }
}
