package org.rightsregistry.client.offline;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;

/** Reads one snapshot (format version 1 or 2) and checks all of it; see {@link SnapshotFormat}. */
final class SnapshotReader {

  static final int MAX_STRING_BYTES = 1 << 16;
  private static final int MAX_SUBJECTS = 1 << 20;
  private static final SelectorType[] SELECTOR_TYPES = SelectorType.values();

  private final MessageDigest digest = SnapshotFormat.sha256();
  private final DigestInputStream digested;
  private final List<DeclarationTerms> terms = new ArrayList<>();
  private ByteSource body;
  private int version;
  private String requester;
  private long agreements;

  SnapshotReader(InputStream in) {
    this.digested = (DigestInputStream) SnapshotFormat.digesting(in, digest);
  }

  SnapshotFormat.Header read(SnapshotFormat.Sink sink) throws IOException {
    DataInputStream header = new DataInputStream(digested);
    long sequence = readHeader(header);
    Instant exportedAt = Instant.ofEpochSecond(header.readLong(), header.readInt());
    Frames.Input frames = new Frames.Input(digested);
    body = new ByteSource(SnapshotFormat.inflating(frames));

    long count = readBody(sink);

    checkEnd(frames);
    checkDigest(header);
    return new SnapshotFormat.Header(sequence, exportedAt, count, requester, agreements);
  }

  private long readHeader(DataInputStream header) throws IOException {
    byte[] magic = new byte[SnapshotFormat.MAGIC.length];
    header.readFully(magic);
    if (!Arrays.equals(magic, SnapshotFormat.MAGIC)) {
      throw new SnapshotFormatException(
          "This is not a Rights Registry snapshot: it does not start with the snapshot "
              + "magic bytes");
    }
    version = header.readUnsignedShort();
    int flags = header.readUnsignedShort();
    boolean known = version == SnapshotFormat.VERSION || version == SnapshotFormat.VERSION_1;
    if (!known || flags != 0) {
      throw new SnapshotFormatException(
          "The snapshot is of format version "
              + version
              + " with flags "
              + flags
              + "; this library reads versions "
              + SnapshotFormat.VERSION_1
              + " and "
              + SnapshotFormat.VERSION
              + " without flags: update the library or download a new snapshot");
    }
    long sequence = header.readLong();
    if (sequence < 0) {
      throw new IllegalArgumentException("the sequence number " + sequence + " is negative");
    }
    return sequence;
  }

  private long readBody(SnapshotFormat.Sink sink) throws IOException {
    long count = 0;
    while (true) {
      int tag = body.readUnsignedByte();
      if (tag == SnapshotWriter.END) {
        long declared = readVarLong();
        if (declared != count) {
          throw new IllegalArgumentException(
              "the body ends saying " + declared + " declarations, but holds " + count);
        }
        long declaredAgreements = version == SnapshotFormat.VERSION_1 ? 0 : readVarLong();
        if (declaredAgreements != agreements) {
          throw new IllegalArgumentException(
              "the body ends saying "
                  + declaredAgreements
                  + " agreements, but holds "
                  + agreements);
        }
        return count;
      } else if (tag == SnapshotWriter.TERMS) {
        terms.add(readTerms());
      } else if (tag == SnapshotWriter.DECLARATION) {
        readDeclaration(sink);
        count++;
      } else if (tag == SnapshotWriter.REQUESTER && version > 1) {
        if (requester != null || agreements > 0) {
          throw new IllegalArgumentException("the requester is named twice or after an agreement");
        }
        requester = readString();
        if (requester.isBlank()) {
          throw new IllegalArgumentException("the requester is blank");
        }
      } else if (tag == SnapshotWriter.AGREEMENT && version > 1) {
        sink.agreement(readAgreement());
        agreements++;
      } else {
        throw new IllegalArgumentException("unknown record tag " + tag);
      }
    }
  }

  private void readDeclaration(SnapshotFormat.Sink sink) throws IOException {
    String id = readString();
    long sequence = readVarLong();
    Instant recordedAt = readInstant();
    long index = readVarLong();
    if (index >= terms.size()) {
      throw new IllegalArgumentException(
          "declaration " + id + " points at terms " + index + " of " + terms.size());
    }
    int subjectCount = (int) Math.min(readVarLong(), Integer.MAX_VALUE);
    if (subjectCount == 0 || subjectCount > MAX_SUBJECTS) {
      throw new IllegalArgumentException(
          "declaration " + id + " has " + subjectCount + " subjects, outside 1 to " + MAX_SUBJECTS);
    }
    List<Selector> subjects = new ArrayList<>(subjectCount);
    for (int i = 0; i < subjectCount; i++) {
      subjects.add(readSelector());
    }
    sink.declaration(id, sequence, recordedAt, terms.get((int) index), subjects);
  }

  private DeclarationTerms readTerms() throws IOException {
    Party declarant = readParty();
    Party rightsHolder = body.readBoolean() ? readParty() : null;
    long usageCount = readVarLong();
    if (usageCount == 0 || usageCount > Usage.values().length) {
      throw new IllegalArgumentException("a declaration names " + usageCount + " usages");
    }
    Map<Usage, Effect> usages = new EnumMap<>(Usage.class);
    for (int i = 0; i < usageCount; i++) {
      usages.put(Usage.fromId(readString()), Effect.fromId(readString()));
    }
    String rightsStatement = body.readBoolean() ? readString() : null;
    Instant validFrom = body.readBoolean() ? readInstant() : null;
    Instant validUntil = body.readBoolean() ? readInstant() : null;
    TrustLevel trust = TrustLevel.fromId(readString());
    Set<Modality> modalities = Set.of();
    if (version > 1) {
      long modalityCount = readVarLong();
      if (modalityCount > Modality.values().length) {
        throw new IllegalArgumentException("a declaration names " + modalityCount + " modalities");
      }
      EnumSet<Modality> named = EnumSet.noneOf(Modality.class);
      for (int i = 0; i < modalityCount; i++) {
        named.add(Modality.fromId(readString()));
      }
      modalities = Collections.unmodifiableSet(named);
    }
    return new DeclarationTerms(
        declarant,
        rightsHolder,
        Collections.unmodifiableMap(usages),
        rightsStatement,
        validFrom,
        validUntil,
        trust,
        modalities);
  }

  private SnapshotAgreement readAgreement() throws IOException {
    String id = readString();
    long sequence = readVarLong();
    Instant recordedAt = readInstant();
    Party licensor = readParty();
    Party licensee = readParty();
    if (!licensee.id().equals(requester)) {
      throw new IllegalArgumentException(
          "agreement " + id + " is granted to " + licensee.id() + ", not to the requester");
    }
    long usageCount = readVarLong();
    if (usageCount == 0 || usageCount > Usage.values().length) {
      throw new IllegalArgumentException("agreement " + id + " names " + usageCount + " usages");
    }
    EnumSet<Usage> usages = EnumSet.noneOf(Usage.class);
    for (int i = 0; i < usageCount; i++) {
      usages.add(Usage.fromId(readString()));
    }
    Instant validFrom = body.readBoolean() ? readInstant() : null;
    Instant validUntil = body.readBoolean() ? readInstant() : null;
    int coverCount = (int) Math.min(readVarLong(), Integer.MAX_VALUE);
    if (coverCount == 0 || coverCount > MAX_SUBJECTS) {
      throw new IllegalArgumentException(
          "agreement " + id + " covers " + coverCount + " subjects, outside 1 to " + MAX_SUBJECTS);
    }
    List<Selector> covers = new ArrayList<>(coverCount);
    for (int i = 0; i < coverCount; i++) {
      covers.add(readSelector());
    }
    return new SnapshotAgreement(
        id, sequence, recordedAt, licensor, licensee, covers, usages, validFrom, validUntil);
  }

  private Selector readSelector() throws IOException {
    int code = body.readUnsignedByte();
    if (code < 1 || code > SELECTOR_TYPES.length) {
      throw new IllegalArgumentException("unknown selector type code " + code);
    }
    SelectorType type = SELECTOR_TYPES[code - 1];
    String institution = type == SelectorType.ACCESSION ? readString() : null;
    return new Selector(type, readString(), institution);
  }

  private Party readParty() throws IOException {
    String id = readString();
    return new Party(id, body.readBoolean() ? readString() : null);
  }

  private Instant readInstant() throws IOException {
    return Instant.ofEpochSecond(body.readLong(), body.readInt());
  }

  private String readString() throws IOException {
    long length = readVarLong();
    if (length > MAX_STRING_BYTES) {
      throw new IllegalArgumentException(
          "a string of " + length + " bytes is longer than " + MAX_STRING_BYTES);
    }
    return body.readString((int) length);
  }

  private long readVarLong() throws IOException {
    return body.readVarLong();
  }

  /** The compressed body must end exactly where the records end. */
  private void checkEnd(Frames.Input frames) throws IOException {
    if (!body.atEnd()) {
      throw new IllegalArgumentException("the body holds bytes after its end record");
    }
    if (!frames.skipToEnd()) {
      throw new IllegalArgumentException("the body holds compressed bytes after its end");
    }
  }

  private void checkDigest(DataInputStream header) throws IOException {
    byte[] expected = digest.digest();
    digested.on(false);
    byte[] stored = new byte[SnapshotFormat.DIGEST_BYTES];
    header.readFully(stored);
    if (!MessageDigest.isEqual(expected, stored)) {
      throw new SnapshotFormatException(
          "The snapshot is corrupted: its SHA-256 does not match its content; download or copy it"
              + " again");
    }
    if (digested.read() >= 0) {
      throw new SnapshotFormatException(
          "The snapshot has bytes after its checksum; it is not one whole snapshot");
    }
  }
}
