package org.rightsregistry.client.offline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Reads and writes snapshot files (format version 1, described in {@code docs/snapshot-format.md}):
 * a header with the registry sequence number, a zlib-compressed body of declarations in frames, and
 * a SHA-256 of everything before it. A file that is truncated, corrupted or of another version is
 * rejected whole with a {@link SnapshotFormatException}; nothing of it is returned.
 */
public final class SnapshotFormat {

  /** The format version this class writes; it reads this one and {@link #VERSION_1}. */
  public static final int VERSION = 2;

  /** The first format version: declarations without modalities, no agreements. */
  public static final int VERSION_1 = 1;

  static final byte[] MAGIC = {(byte) 0x89, 'R', 'R', 'S', 'N', 'A', 'P', '\n'};
  static final int HEADER_BYTES = 32;
  static final int DIGEST_BYTES = 32;
  static final int MAX_FRAME_BYTES = 1 << 20;

  private SnapshotFormat() {}

  /**
   * Writes a snapshot to a stream; the stream is not closed.
   *
   * @param snapshot the snapshot
   * @param out where to write
   * @throws UncheckedIOException if writing fails
   */
  public static void write(Snapshot snapshot, OutputStream out) {
    SnapshotWriter writer = writer(out, snapshot.sequence(), snapshot.exportedAt());
    for (SnapshotDeclaration declaration : snapshot.declarations()) {
      writer.add(declaration);
    }
    if (snapshot.requester() != null) {
      writer.requester(snapshot.requester());
    }
    for (SnapshotAgreement agreement : snapshot.agreements()) {
      writer.add(agreement);
    }
    writer.finish();
  }

  /**
   * Starts streaming a snapshot to a stream, for writers that cannot hold every declaration.
   *
   * @param out where to write; not closed
   * @param sequence the registry sequence number the snapshot shows
   * @param exportedAt when the registry was known to be at that sequence
   * @return the writer; call {@link SnapshotWriter#finish} at the end
   * @throws IllegalArgumentException if the sequence is negative or exportedAt is null
   * @throws UncheckedIOException if writing the header fails
   */
  public static SnapshotWriter writer(OutputStream out, long sequence, Instant exportedAt) {
    try {
      return new SnapshotWriter(out, sequence, exportedAt);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the snapshot: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a whole snapshot from a stream, up to its end; the stream is not closed.
   *
   * @param in the stream, positioned at the start of the snapshot
   * @return the snapshot, only once its checksum is verified
   * @throws SnapshotFormatException if the snapshot is truncated, corrupted or of another version
   * @throws UncheckedIOException if reading fails
   */
  public static Snapshot read(InputStream in) {
    List<SnapshotDeclaration> declarations = new ArrayList<>();
    List<SnapshotAgreement> agreements = new ArrayList<>();
    Header header =
        read(
            in,
            new Sink() {
              @Override
              public void declaration(
                  String id,
                  long sequence,
                  Instant recordedAt,
                  DeclarationTerms terms,
                  List<org.rightsregistry.client.Selector> subjects) {
                declarations.add(terms.declaration(id, sequence, recordedAt, subjects));
              }

              @Override
              public void agreement(SnapshotAgreement agreement) {
                agreements.add(agreement);
              }
            });
    return new Snapshot(
        header.sequence(), header.exportedAt(), declarations, header.requester(), agreements);
  }

  /**
   * Writes a snapshot to a file atomically: to a temporary file beside it, forced to the disk, then
   * renamed over the target. A reader sees the old file or the new one, never a part.
   *
   * @param snapshot the snapshot
   * @param file the target file; its directory must exist
   * @throws UncheckedIOException if writing fails; the target is then unchanged
   */
  public static void save(Snapshot snapshot, Path file) {
    saveAtomically(file, out -> write(snapshot, out));
  }

  /** What {@link #saveAtomically} writes to the temporary file. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes a file atomically: to {@code <name>.<random>.partial} beside it, forced to the disk,
   * renamed over the target, and the directory forced. A reader sees the old file or the new one.
   */
  static void saveAtomically(Path file, Content content) {
    Path directory = file.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, file.getFileName() + ".", ".partial");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
        content.writeTo(out);
      }
      force(temporary);
      move(temporary, file);
      force(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save " + file + ": " + e, e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  /**
   * Reads a snapshot file written by {@link #save} or {@link #write}.
   *
   * @param file the file
   * @return the snapshot
   * @throws SnapshotFormatException if the file is truncated, corrupted or of another version
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Snapshot load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the snapshot " + file + ": " + e, e);
    }
  }

  /** Receives each declaration as it is read; the caller discards it all if reading then fails. */
  interface Sink {
    void declaration(
        String id,
        long sequence,
        Instant recordedAt,
        DeclarationTerms terms,
        List<org.rightsregistry.client.Selector> subjects);

    /** Receives one licence agreement to the snapshot's requester; by default it is ignored. */
    default void agreement(SnapshotAgreement agreement) {}
  }

  /** What the header and the body say of the snapshot as a whole. */
  record Header(
      long sequence, Instant exportedAt, long declarations, String requester, long agreements) {}

  static Header read(Path file, Sink sink) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, sink);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the snapshot " + file + ": " + e, e);
    }
  }

  /** Reads a snapshot, handing each declaration to the sink; returns only if all of it is sound. */
  static Header read(InputStream in, Sink sink) {
    try {
      return new SnapshotReader(in).read(sink);
    } catch (EOFException e) {
      throw new SnapshotFormatException(
          "The snapshot is truncated: it ends before its checksum; download or copy it again", e);
    } catch (java.util.zip.ZipException e) {
      throw new SnapshotFormatException(
          "The snapshot is corrupted: its compressed body cannot be inflated ("
              + e.getMessage()
              + "); download or copy it again",
          e);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new SnapshotFormatException(
          "The snapshot is corrupted: it holds a value the format does not allow: "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the snapshot: " + e.getMessage(), e);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must provide SHA-256", e);
    }
  }

  static InputStream digesting(InputStream in, MessageDigest digest) {
    return new DigestInputStream(new BufferedInputStream(in, 1 << 16), digest);
  }

  static OutputStream digesting(OutputStream out, MessageDigest digest) {
    return new DigestOutputStream(out, digest);
  }

  static DataOutputStream compressing(OutputStream frames) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    return new DataOutputStream(
        new BufferedOutputStream(new DeflaterOutputStream(frames, deflater, 1 << 16), 1 << 16));
  }

  static InputStream inflating(InputStream frames) {
    return new InflaterInputStream(frames, new java.util.zip.Inflater(), 1 << 16);
  }

  static void force(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      if (!Files.isDirectory(path)) {
        throw e;
      }
      // Some platforms cannot open a directory to force it; the rename is then as durable as
      // the file system makes it.
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the file system of " + to + " cannot rename atomically; keep snapshots on a local disk",
          e);
    }
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Nothing more to do: a stray ".partial" file is never read.
    }
  }
}
