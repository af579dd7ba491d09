package org.rightsregistry.client.offline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.Statement;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.VerdictResolver;

/**
 * The declarations of an index in columns of primitives: 40 bytes each (id as two longs, sequence,
 * recorded instant, index of the shared {@link DeclarationTerms}), whatever their parties and
 * usages. Ids that are not lower-case UUIDs, the registry's form, are kept as strings on the side.
 */
final class DeclarationTable {

  private long[] idHigh = new long[1024];
  private long[] idLow = new long[1024];
  private long[] sequence = new long[1024];
  private long[] recordedSecond = new long[1024];
  private int[] recordedNano = new int[1024];
  private int[] termsIndex = new int[1024];
  private final Map<Integer, String> otherIds = new HashMap<>();
  private final List<DeclarationTerms> terms = new ArrayList<>();
  private final List<Map<Usage, Effect>> statementUsages = new ArrayList<>();
  private final List<VerdictResolver.Terms> verdictTerms = new ArrayList<>();
  private final Map<DeclarationTerms, Integer> termsByValue = new HashMap<>();
  private final Map<DeclarationTerms, Integer> termsByIdentity = new IdentityHashMap<>();
  private int size;

  int add(String id, long declarationSequence, Instant recordedAt, DeclarationTerms declared) {
    if (size == sequence.length) {
      grow();
    }
    int row = size++;
    storeId(row, id);
    sequence[row] = declarationSequence;
    recordedSecond[row] = recordedAt.getEpochSecond();
    recordedNano[row] = recordedAt.getNano();
    termsIndex[row] = intern(declared);
    return row;
  }

  Statement statement(int row, Selector matched) {
    DeclarationTerms declared = terms.get(termsIndex[row]);
    return new Statement(
        id(row),
        sequence[row],
        Instant.ofEpochSecond(recordedSecond[row], recordedNano[row]),
        declared.declarant(),
        declared.rightsHolder(),
        matched,
        statementUsages.get(termsIndex[row]),
        declared.rightsStatement(),
        declared.validFrom(),
        declared.validUntil(),
        declared.trust(),
        declared.modalities(),
        null);
  }

  int size() {
    return size;
  }

  /** The registry sequence number of a row's declaration. */
  long sequence(int row) {
    return sequence[row];
  }

  /** What a row's terms mean for verdicts. */
  VerdictResolver.Terms verdictTerms(int row) {
    return verdictTerms.get(termsIndex[row]);
  }

  /** Whether a row's declaration is one of the given ids, without making its id a string. */
  boolean isAmong(int row, DeclarationIds ids) {
    String other = otherIds.isEmpty() ? null : otherIds.get(row);
    return other != null ? ids.contains(other) : ids.contains(idHigh[row], idLow[row]);
  }

  /** Trims the columns to their size once every declaration is in. */
  void trim() {
    idHigh = Arrays.copyOf(idHigh, size);
    idLow = Arrays.copyOf(idLow, size);
    sequence = Arrays.copyOf(sequence, size);
    recordedSecond = Arrays.copyOf(recordedSecond, size);
    recordedNano = Arrays.copyOf(recordedNano, size);
    termsIndex = Arrays.copyOf(termsIndex, size);
    termsByIdentity.clear();
  }

  /** Heap bytes of the columns; shared terms and odd ids are not counted. */
  long footprintBytes() {
    return 6 * 16L + (long) idHigh.length * (8 + 8 + 8 + 8 + 4 + 4);
  }

  private String id(int row) {
    String other = otherIds.isEmpty() ? null : otherIds.get(row);
    return other != null ? other : new UUID(idHigh[row], idLow[row]).toString();
  }

  private void storeId(int row, String id) {
    UUID uuid = parseUuid(id);
    if (uuid == null) {
      otherIds.put(row, id);
    } else {
      idHigh[row] = uuid.getMostSignificantBits();
      idLow[row] = uuid.getLeastSignificantBits();
    }
  }

  /** The UUID of an id in the registry's form (lower-case, canonical), else null. */
  static UUID parseUuid(String id) {
    if (id.length() != 36 || id.charAt(8) != '-') {
      return null;
    }
    try {
      UUID uuid = UUID.fromString(id);
      return uuid.toString().equals(id) ? uuid : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private int intern(DeclarationTerms declared) {
    Integer index = termsByIdentity.get(declared);
    if (index != null) {
      return index;
    }
    index = termsByValue.get(declared);
    if (index == null) {
      index = terms.size();
      terms.add(declared);
      Statement prototype = prototypeOf(declared, index);
      statementUsages.add(prototype.usages());
      verdictTerms.add(VerdictResolver.Terms.of(prototype));
      termsByValue.put(declared, index);
      termsByIdentity.put(declared, index); // a reader hands the same instance again
    }
    return index;
  }

  /**
   * A statement of the terms. A statement copies the usages it is given unless they are a map a
   * statement made, so keeping its map spares every lookup a copy; its verdict terms spare the
   * verdict path every statement.
   */
  private static Statement prototypeOf(DeclarationTerms declared, int index) {
    return new Statement(
        "terms-" + index,
        0,
        Instant.EPOCH,
        declared.declarant(),
        declared.rightsHolder(),
        Selector.domain("terms.invalid"),
        declared.usages(),
        declared.rightsStatement(),
        declared.validFrom(),
        declared.validUntil(),
        declared.trust(),
        declared.modalities(),
        null);
  }

  private void grow() {
    int capacity = sequence.length * 2;
    idHigh = Arrays.copyOf(idHigh, capacity);
    idLow = Arrays.copyOf(idLow, capacity);
    sequence = Arrays.copyOf(sequence, capacity);
    recordedSecond = Arrays.copyOf(recordedSecond, capacity);
    recordedNano = Arrays.copyOf(recordedNano, capacity);
    termsIndex = Arrays.copyOf(termsIndex, capacity);
  }
}
