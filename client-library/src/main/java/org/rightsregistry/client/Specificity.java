package org.rightsregistry.client;

/**
 * Orders selectors from the most to the least specific: an exact URL, hash or accession number,
 * then URL prefixes (longer first), then domains (longer first), then every work of a party.
 */
final class Specificity {

  private static final int EXACT = 3;
  private static final int PREFIX = 2;
  private static final int DOMAIN = 1;
  private static final int PARTY_WORKS = 0;

  private Specificity() {}

  /** Returns a positive number if {@code a} is more specific than {@code b}, 0 if equal. */
  static int compare(Selector a, Selector b) {
    return Long.compare(rank(a), rank(b));
  }

  /** The rank of a selector: a higher rank is more specific. */
  static long rank(Selector selector) {
    return rank(selector.type(), selector.value().length());
  }

  /**
   * The rank of a selector of a type and value length: the tier, then, for URL prefixes and
   * domains, the length (both selectors matched the same item, so the longer one is the narrower
   * one). Exact selectors rank alike among themselves, and so do statements on all works.
   */
  static long rank(SelectorType type, int valueLength) {
    int tier = tier(type);
    boolean byLength = tier == PREFIX || tier == DOMAIN;
    return ((long) tier << 32) | (byLength ? valueLength : 0);
  }

  private static int tier(SelectorType type) {
    switch (type) {
      case URL_PREFIX:
        return PREFIX;
      case DOMAIN:
        return DOMAIN;
      case PARTY_WORKS:
        return PARTY_WORKS;
      default:
        return EXACT;
    }
  }
}
