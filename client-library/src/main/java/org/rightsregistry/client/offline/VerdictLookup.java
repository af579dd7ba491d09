package org.rightsregistry.client.offline;

import java.util.Arrays;
import java.util.function.Predicate;
import org.rightsregistry.client.VerdictResolver;

/**
 * One thread's scratch state for a verdict: the rows an item's selectors matched (in which index,
 * through a selector of which rank), the parties whose works the item is, and the resolver they are
 * weighed in. Reused item after item, so a verdict allocates nothing for them.
 */
final class VerdictLookup implements Predicate<String> {

  private static final ThreadLocal<VerdictLookup> PER_THREAD =
      ThreadLocal.withInitial(VerdictLookup::new);

  final VerdictResolver resolver = new VerdictResolver();
  private OfflineIndex[] indexes = new OfflineIndex[16];
  private int[] rows = new int[16];
  private long[] ranks = new long[16];
  private VerdictResolver.Terms[] terms = new VerdictResolver.Terms[16];
  private long[] sequences = new long[16];
  private int count;
  private String[] owners = new String[4];
  private int ownerCount;
  private boolean inUse;

  static VerdictLookup forThisThread() {
    return PER_THREAD.get();
  }

  /**
   * Takes the thread's scratch state for one verdict, to be handed back by {@link #release}. A
   * verdict asked on the thread while another is being decided (a list of signals that asks one
   * while it is read) gets scratch state of its own, so that it never overwrites the other's.
   */
  static VerdictLookup take() {
    VerdictLookup lookup = PER_THREAD.get();
    if (lookup.inUse) {
      lookup = new VerdictLookup();
    }
    lookup.inUse = true;
    return lookup;
  }

  /** Hands back scratch state from {@link #take}, forgetting the item. */
  void release() {
    clear();
    inUse = false;
  }

  /** Forgets the item: its matches, their indexes and terms, and whose works it is. */
  VerdictLookup clear() {
    Arrays.fill(indexes, 0, count, null);
    Arrays.fill(terms, 0, count, null);
    Arrays.fill(owners, 0, ownerCount, null);
    count = 0;
    ownerCount = 0;
    return this;
  }

  /**
   * Notes that a row of an index matched the item through a selector of a rank. The row's terms and
   * sequence are read here, together, so that the memory reads of both overlap.
   */
  void found(OfflineIndex index, int row, long rank) {
    if (count == rows.length) {
      int capacity = count * 2;
      indexes = Arrays.copyOf(indexes, capacity);
      rows = Arrays.copyOf(rows, capacity);
      ranks = Arrays.copyOf(ranks, capacity);
      terms = Arrays.copyOf(terms, capacity);
      sequences = Arrays.copyOf(sequences, capacity);
    }
    indexes[count] = index;
    rows[count] = row;
    ranks[count] = rank;
    sequences[count] = index.declarationSequence(row);
    terms[count] = index.verdictTerms(row);
    count++;
  }

  int count() {
    return count;
  }

  /** Drops the matches from {@code from} on that are rows of the index among the ids. */
  void dropRemoved(int from, OfflineIndex index, DeclarationIds removed) {
    int kept = from;
    for (int i = from; i < count; i++) {
      if (indexes[i] != index || !index.isAmong(rows[i], removed)) {
        indexes[kept] = indexes[i];
        rows[kept] = rows[i];
        ranks[kept] = ranks[i];
        terms[kept] = terms[i];
        sequences[kept] = sequences[i];
        kept++;
      }
    }
    Arrays.fill(indexes, kept, count, null);
    Arrays.fill(terms, kept, count, null);
    count = kept;
  }

  VerdictResolver.Terms terms(int match) {
    return terms[match];
  }

  long sequence(int match) {
    return sequences[match];
  }

  long rank(int match) {
    return ranks[match];
  }

  /** Whether a row of an index is among the first {@code upTo} matches. */
  boolean isMatched(OfflineIndex index, int row, int upTo) {
    for (int i = 0; i < upTo; i++) {
      if (rows[i] == row && indexes[i] == index) {
        return true;
      }
    }
    return false;
  }

  /** Notes a party whose work the item is, once. */
  void owner(String party) {
    if (test(party)) {
      return;
    }
    if (ownerCount == owners.length) {
      owners = Arrays.copyOf(owners, ownerCount * 2);
    }
    owners[ownerCount++] = party;
  }

  int ownerCount() {
    return ownerCount;
  }

  String owner(int i) {
    return owners[i];
  }

  /** Whether the item is a work of the party, as the matches so far say. */
  @Override
  public boolean test(String party) {
    for (int i = 0; i < ownerCount; i++) {
      if (owners[i].equals(party)) {
        return true;
      }
    }
    return false;
  }
}
