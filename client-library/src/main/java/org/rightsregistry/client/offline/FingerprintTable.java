package org.rightsregistry.client.offline;

import java.util.Arrays;

/**
 * An open-addressed map from 64-bit fingerprints to ints, in two primitive arrays with linear
 * probing: 12 bytes a slot, at most {@value #MAX_LOAD_PERCENT}% of slots used, so 12 / 0.72 ≈ 16.7
 * to 17 bytes per key. The capacity need not be a power of two: the slot comes from the
 * fingerprint's high bits by multiply-shift. A key with several values points at a small array of
 * them.
 */
final class FingerprintTable {

  /** The fingerprint no key has; {@link KeyHash#finish} never returns it. */
  static final long EMPTY = 0;

  /** What {@link #get} returns for an absent key. */
  static final int ABSENT = Integer.MIN_VALUE;

  private static final int MAX_LOAD_PERCENT = 72;
  private static final int[] NONE = new int[0];

  private final long[] fingerprints;
  private final int[] values;
  private int[][] shared = new int[4][];
  private int sharedCount;
  private int size;

  private FingerprintTable(int capacity) {
    this.fingerprints = new long[capacity];
    this.values = new int[capacity];
  }

  /** Builds a table of parallel fingerprints and values; equal fingerprints gather their values. */
  static FingerprintTable of(long[] keys, int[] keyValues, int count) {
    long capacity = Math.max(8L, (long) count * 100 / MAX_LOAD_PERCENT + 1);
    if (capacity > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "an offline index holds at most about 1.5 billion keys of one kind, but was given "
              + count);
    }
    FingerprintTable table = new FingerprintTable((int) capacity);
    for (int i = 0; i < count; i++) {
      table.put(keys[i], keyValues[i]);
    }
    return table;
  }

  /**
   * Returns the value of a fingerprint: one value (0 or more), a shared list (below 0), or ABSENT.
   */
  int get(long fingerprint) {
    int capacity = fingerprints.length;
    for (int slot = slotOf(fingerprint, capacity); ; slot = slot + 1 == capacity ? 0 : slot + 1) {
      long stored = fingerprints[slot];
      if (stored == fingerprint) {
        return values[slot];
      }
      if (stored == EMPTY) {
        return ABSENT;
      }
    }
  }

  /** The values behind a result of {@link #get}, in the order they were added. */
  int[] valuesOf(int result) {
    if (result == ABSENT) {
      return NONE;
    }
    return result >= 0 ? new int[] {result} : shared[-result - 1];
  }

  int size() {
    return size;
  }

  int capacity() {
    return fingerprints.length;
  }

  /** Heap bytes of the arrays: what the table costs. */
  long footprintBytes() {
    long bytes = 16L + 8L * fingerprints.length + 16L + 4L * values.length;
    for (int i = 0; i < sharedCount; i++) {
      bytes += 16L + 4L * shared[i].length;
    }
    return bytes;
  }

  private void put(long fingerprint, int value) {
    int capacity = fingerprints.length;
    int slot = slotOf(fingerprint, capacity);
    while (fingerprints[slot] != EMPTY && fingerprints[slot] != fingerprint) {
      slot = slot + 1 == capacity ? 0 : slot + 1;
    }
    if (fingerprints[slot] == EMPTY) {
      fingerprints[slot] = fingerprint;
      values[slot] = value;
      size++;
    } else {
      values[slot] = join(values[slot], value);
    }
  }

  private int join(int existing, int value) {
    if (existing >= 0) {
      if (sharedCount == shared.length) {
        shared = Arrays.copyOf(shared, sharedCount * 2);
      }
      shared[sharedCount++] = new int[] {existing, value};
      return -sharedCount;
    }
    int[] list = shared[-existing - 1];
    int[] longer = Arrays.copyOf(list, list.length + 1);
    longer[list.length] = value;
    shared[-existing - 1] = longer;
    return existing;
  }

  private static int slotOf(long fingerprint, int capacity) {
    return (int) (((fingerprint >>> 32) * capacity) >>> 32);
  }
}
