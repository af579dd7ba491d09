package org.rightsregistry.client.offline;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The append-only journal of the change pages applied since a base snapshot, beside the snapshot
 * file ({@code <snapshot>.journal}).
 *
 * <pre>
 * header  magic "\x89RRJRNL\n" (8 bytes), i64 base sequence, 32 bytes SHA-256 of the 16 before
 * entry   u32 length (1 .. 64 MiB), that many bytes (a change page's body as received and
 *         verified), 32 bytes SHA-256 of the length and the bytes
 * </pre>
 *
 * <p>The header is written atomically (a new journal replaces the old one by rename), and each
 * entry is appended and forced to the disk before the page it holds is used. A crash in the middle
 * of an append leaves a torn last entry, whose checksum fails: reading stops before it, and the
 * next append starts over it, so the journal holds the old state or the new one, never a mix. A
 * journal whose base is not the snapshot's sequence (a crash between writing a new snapshot and its
 * new journal) is ignored.
 */
final class Journal {

  static final byte[] MAGIC = {(byte) 0x89, 'R', 'R', 'J', 'R', 'N', 'L', '\n'};
  static final int HEADER_BYTES = 8 + 8 + 32;
  static final int MAX_ENTRY_BYTES = 64 << 20;

  private final Path file;

  Journal(Path file) {
    this.file = file;
  }

  static Path beside(Path snapshot) {
    return snapshot.resolveSibling(snapshot.getFileName() + ".journal");
  }

  Path file() {
    return file;
  }

  /** Replaces the journal with an empty one following a base snapshot at a sequence. */
  void start(long baseSequence) {
    SnapshotFormat.saveAtomically(file, out -> out.write(header(baseSequence)));
  }

  /**
   * Reads the intact entries of a journal that follows a base snapshot at a sequence, and cuts a
   * torn or corrupted tail off so that the next entry is appended after the last good one.
   *
   * @return the entries in order, or null if there is no journal or it follows another base
   */
  List<byte[]> read(long baseSequence) {
    if (!Files.exists(file)) {
      return null;
    }
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the journal " + file + ": " + e, e);
    }
    if (all.length < HEADER_BYTES
        || !Arrays.equals(Arrays.copyOf(all, HEADER_BYTES), header(baseSequence))) {
      return null;
    }
    List<byte[]> entries = new ArrayList<>();
    int position = HEADER_BYTES;
    while (position + 4 + 32 <= all.length) {
      int length = ByteBuffer.wrap(all, position, 4).getInt();
      if (length < 1 || length > MAX_ENTRY_BYTES || position + 4 + length + 32 > all.length) {
        break;
      }
      MessageDigest digest = SnapshotFormat.sha256();
      digest.update(all, position, 4 + length);
      byte[] stored = Arrays.copyOfRange(all, position + 4 + length, position + 4 + length + 32);
      if (!MessageDigest.isEqual(digest.digest(), stored)) {
        break;
      }
      entries.add(Arrays.copyOfRange(all, position + 4, position + 4 + length));
      position += 4 + length + 32;
    }
    if (position < all.length) {
      truncate(position);
    }
    return entries;
  }

  /** Keeps only the first {@code length} bytes: the header and the entries that were used. */
  void truncate(long length) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not cut the journal " + file + ": " + e, e);
    }
  }

  /** The size of the journal in bytes, 0 if there is none. */
  long size() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** Appends one page and forces it to the disk before returning. */
  void append(byte[] page) {
    if (page.length < 1 || page.length > MAX_ENTRY_BYTES) {
      throw new IllegalArgumentException(
          "A journal entry holds 1 to " + MAX_ENTRY_BYTES + " bytes, not " + page.length);
    }
    ByteBuffer entry = ByteBuffer.allocate(4 + page.length + 32);
    entry.putInt(page.length).put(page);
    MessageDigest digest = SnapshotFormat.sha256();
    digest.update(entry.array(), 0, 4 + page.length);
    entry.put(digest.digest()).flip();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.position(channel.size());
      while (entry.hasRemaining()) {
        channel.write(entry);
      }
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not append to the journal " + file + ": " + e, e);
    }
  }

  private static byte[] header(long baseSequence) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(HEADER_BYTES);
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(MAGIC);
      out.writeLong(baseSequence);
      out.flush();
      byte[] digest = SnapshotFormat.sha256().digest(bytes.toByteArray());
      out.write(digest);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("Writing to memory cannot fail", e);
    }
  }
}
