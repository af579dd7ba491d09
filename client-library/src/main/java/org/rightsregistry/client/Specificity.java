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
    int byTier = Integer.compare(tier(a.type()), tier(b.type()));
    if (byTier != 0 || tier(a.type()) == EXACT || tier(a.type()) == PARTY_WORKS) {
      return byTier;
    }
    // Both selectors matched the same item, so the longer one is the narrower one.
    return Integer.compare(a.value().length(), b.value().length());
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
