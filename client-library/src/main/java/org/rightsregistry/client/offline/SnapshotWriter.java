package org.rightsregistry.client.offline;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.Usage;

/**
 * Streams a snapshot out one declaration at a time, for writers that cannot hold all of them, such
 * as the registry's export. Obtain one with {@link SnapshotFormat#writer}; call {@link #finish}
 * once every declaration is added. Not thread-safe.
 */
public final class SnapshotWriter {

  static final int END = 0;
  static final int TERMS = 1;
  static final int DECLARATION = 2;
  static final int AGREEMENT = 3;
  static final int REQUESTER = 4;

  private final OutputStream out;
  private final MessageDigest digest = SnapshotFormat.sha256();
  private final OutputStream digested;
  private final Frames.Output frames;
  private final DataOutputStream body;
  private final Map<DeclarationTerms, Integer> terms = new HashMap<>();
  private long count;
  private long agreementCount;
  private String requester;
  private boolean finished;

  SnapshotWriter(OutputStream out, long sequence, Instant exportedAt) throws IOException {
    if (sequence < 0 || exportedAt == null) {
      throw new IllegalArgumentException(
          "sequence must be 0 or more and exportedAt given, but were "
              + sequence
              + " and "
              + exportedAt);
    }
    this.out = out;
    this.digested = SnapshotFormat.digesting(out, digest);
    DataOutputStream header = new DataOutputStream(digested);
    header.write(SnapshotFormat.MAGIC);
    header.writeShort(SnapshotFormat.VERSION);
    header.writeShort(0);
    header.writeLong(sequence);
    header.writeLong(exportedAt.getEpochSecond());
    header.writeInt(exportedAt.getNano());
    this.frames = new Frames.Output(digested);
    this.body = SnapshotFormat.compressing(frames);
  }

  /**
   * Adds one declaration.
   *
   * @param declaration an active declaration
   * @throws IllegalStateException if the writer is finished
   * @throws IllegalArgumentException if a string of it is longer than the format allows (64 KiB)
   * @throws UncheckedIOException if writing fails
   */
  public void add(SnapshotDeclaration declaration) {
    if (finished) {
      throw new IllegalStateException("The snapshot writer is finished; start a new one");
    }
    try {
      int index = termsIndex(DeclarationTerms.of(declaration));
      body.writeByte(DECLARATION);
      writeString(declaration.id());
      writeVarLong(declaration.sequence());
      writeInstant(declaration.recordedAt());
      writeVarLong(index);
      writeVarLong(declaration.subjects().size());
      for (Selector subject : declaration.subjects()) {
        writeSelector(subject);
      }
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the snapshot: " + e.getMessage(), e);
    }
  }

  /**
   * Names the party whose licence agreements the snapshot carries. Call it at most once, before any
   * agreement is added; a snapshot without it is anonymous and carries none.
   *
   * @param partyId the requester's party id
   * @throws IllegalStateException if the writer is finished, a requester is already named or an
   *     agreement was added
   * @throws IllegalArgumentException if the id is blank
   * @throws UncheckedIOException if writing fails
   */
  public void requester(String partyId) {
    if (finished || requester != null || agreementCount > 0) {
      throw new IllegalStateException(
          "Name the requester once, before any agreement, on an unfinished writer");
    }
    if (partyId == null || partyId.isBlank()) {
      throw new IllegalArgumentException("requester must be a party id, but was " + partyId);
    }
    try {
      body.writeByte(REQUESTER);
      writeString(partyId);
      requester = partyId;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the snapshot: " + e.getMessage(), e);
    }
  }

  /**
   * Adds one licence agreement granted to the requester.
   *
   * @param agreement an agreement in force at the snapshot's sequence
   * @throws IllegalStateException if the writer is finished
   * @throws IllegalArgumentException if the agreement is not to the requester named by {@link
   *     #requester}, or a string of it is longer than the format allows
   * @throws UncheckedIOException if writing fails
   */
  public void add(SnapshotAgreement agreement) {
    if (finished) {
      throw new IllegalStateException("The snapshot writer is finished; start a new one");
    }
    if (!agreement.licensee().id().equals(requester)) {
      throw new IllegalArgumentException(
          "Agreement "
              + agreement.id()
              + " is granted to "
              + agreement.licensee().id()
              + "; a snapshot carries only the agreements of its requester ("
              + requester
              + ")");
    }
    try {
      body.writeByte(AGREEMENT);
      writeString(agreement.id());
      writeVarLong(agreement.sequence());
      writeInstant(agreement.recordedAt());
      writeParty(agreement.licensor());
      writeParty(agreement.licensee());
      writeVarLong(agreement.usages().size());
      for (Usage usage : agreement.usages()) {
        writeString(usage.id());
      }
      writeOptionalInstant(agreement.validFrom());
      writeOptionalInstant(agreement.validUntil());
      writeVarLong(agreement.covers().size());
      for (Selector subject : agreement.covers()) {
        writeSelector(subject);
      }
      agreementCount++;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the snapshot: " + e.getMessage(), e);
    }
  }

  /**
   * Ends the body, writes the checksum and flushes; the stream is left open.
   *
   * @throws UncheckedIOException if writing fails
   */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      body.writeByte(END);
      writeVarLong(count);
      writeVarLong(agreementCount);
      body.close(); // finishes the deflater and closes the frames, not the stream underneath
      out.write(digest.digest());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the snapshot: " + e.getMessage(), e);
    }
  }

  private int termsIndex(DeclarationTerms declared) throws IOException {
    Integer known = terms.get(declared);
    if (known != null) {
      return known;
    }
    int index = terms.size();
    terms.put(declared, index);
    body.writeByte(TERMS);
    writeParty(declared.declarant());
    writeOptionalParty(declared.rightsHolder());
    writeVarLong(declared.usages().size());
    for (Map.Entry<Usage, Effect> usage : declared.usages().entrySet()) {
      writeString(usage.getKey().id());
      writeString(usage.getValue().id());
    }
    writeOptionalString(declared.rightsStatement());
    writeOptionalInstant(declared.validFrom());
    writeOptionalInstant(declared.validUntil());
    writeString(declared.trust().id());
    writeVarLong(declared.modalities().size());
    for (Modality modality : declared.modalities()) {
      writeString(modality.id());
    }
    return index;
  }

  private void writeSelector(Selector selector) throws IOException {
    body.writeByte(selector.type().ordinal() + 1);
    if (selector.institution() != null) {
      writeString(selector.institution());
    }
    writeString(selector.value());
  }

  private void writeParty(Party party) throws IOException {
    writeString(party.id());
    writeOptionalString(party.name());
  }

  private void writeOptionalParty(Party party) throws IOException {
    body.writeBoolean(party != null);
    if (party != null) {
      writeParty(party);
    }
  }

  private void writeOptionalString(String value) throws IOException {
    body.writeBoolean(value != null);
    if (value != null) {
      writeString(value);
    }
  }

  private void writeOptionalInstant(Instant instant) throws IOException {
    body.writeBoolean(instant != null);
    if (instant != null) {
      writeInstant(instant);
    }
  }

  private void writeInstant(Instant instant) throws IOException {
    body.writeLong(instant.getEpochSecond());
    body.writeInt(instant.getNano());
  }

  private void writeString(String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > SnapshotReader.MAX_STRING_BYTES) {
      throw new IllegalArgumentException(
          "A snapshot holds strings of at most "
              + SnapshotReader.MAX_STRING_BYTES
              + " UTF-8 bytes, but one is "
              + bytes.length
              + " bytes: "
              + value.substring(0, Character.isHighSurrogate(value.charAt(59)) ? 59 : 60)
              + "…");
    }
    writeVarLong(bytes.length);
    body.write(bytes);
  }

  private void writeVarLong(long value) throws IOException {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      body.writeByte((int) (rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    body.writeByte((int) rest);
  }
}
