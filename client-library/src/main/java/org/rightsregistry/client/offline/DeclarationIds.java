package org.rightsregistry.client.offline;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A set of declaration ids asked about by a row's primitive id: ids in the registry's UUID form are
 * kept as pairs of longs in an open-addressed table, others as strings. A check against tombstones
 * then makes no string of the row's id.
 */
final class DeclarationIds {

  static final DeclarationIds NONE = new DeclarationIds(Set.of());

  private final long[] pairs;
  private final boolean[] used;
  private final Set<String> others = new HashSet<>();
  private final boolean empty;

  DeclarationIds(Set<String> ids) {
    int capacity = Integer.highestOneBit(Math.max(4, ids.size() * 2)) * 2;
    this.pairs = new long[capacity * 2];
    this.used = new boolean[capacity];
    this.empty = ids.isEmpty();
    for (String id : ids) {
      UUID uuid = DeclarationTable.parseUuid(id);
      if (uuid == null) {
        others.add(id);
      } else {
        put(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
      }
    }
  }

  boolean isEmpty() {
    return empty;
  }

  boolean contains(String id) {
    return others.contains(id);
  }

  boolean contains(long high, long low) {
    int mask = used.length - 1;
    for (int slot = slotOf(high, low, mask); used[slot]; slot = (slot + 1) & mask) {
      if (pairs[2 * slot] == high && pairs[2 * slot + 1] == low) {
        return true;
      }
    }
    return false;
  }

  private void put(long high, long low) {
    int mask = used.length - 1;
    int slot = slotOf(high, low, mask);
    while (used[slot]) {
      if (pairs[2 * slot] == high && pairs[2 * slot + 1] == low) {
        return;
      }
      slot = (slot + 1) & mask;
    }
    used[slot] = true;
    pairs[2 * slot] = high;
    pairs[2 * slot + 1] = low;
  }

  private static int slotOf(long high, long low, int mask) {
    long h = (high * 0x9E3779B97F4A7C15L) ^ low;
    h = (h ^ (h >>> 29)) * 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
