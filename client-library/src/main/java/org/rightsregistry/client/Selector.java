package org.rightsregistry.client;

/**
 * What a statement covers: an exact URL, a URL prefix, a domain, a content hash, an accession
 * number, or every work of a party.
 *
 * <p>Every work of a party ({@link SelectorType#PARTY_WORKS}) is the least specific subject: an
 * item is a work of party P when a declaration whose rights holder is P, not revoked or superseded
 * at the evaluation time (whatever its validity window), names the item through any other selector.
 * P's statements on all its works then bear on the item below P's statements on its domains,
 * prefixes and exact items. A declaration may name only its own rights holder in such a subject.
 *
 * @param type how the selector picks out items
 * @param value the URL, prefix, domain, hex digest, accession number or party id
 * @param institution the institution's party id for an accession number; null for every other type
 */
public record Selector(SelectorType type, String value, String institution) {

  /**
   * Creates a selector.
   *
   * @param type how the selector picks out items
   * @param value the URL, prefix, domain, hex digest, accession number or party id
   * @param institution the institution's party id for an accession number; null for every other
   *     type
   * @throws IllegalArgumentException if the type or value is missing, or if the institution is
   *     missing for an accession number or given for any other type
   */
  public Selector {
    Checks.requireValue("type", type);
    Checks.requireText("value", value);
    if (type == SelectorType.ACCESSION) {
      Checks.requireText("institution", institution);
    } else if (institution != null) {
      throw new IllegalArgumentException(
          "institution is only for accession selectors, but was "
              + Checks.quote(institution)
              + " on a "
              + type.id()
              + " selector");
    }
  }

  /**
   * Creates a selector of one exact URL.
   *
   * @param url the URL
   * @return the selector
   */
  public static Selector url(String url) {
    return new Selector(SelectorType.URL, url, null);
  }

  /**
   * Creates a selector of every URL that starts with a prefix.
   *
   * @param prefix the URL prefix
   * @return the selector
   */
  public static Selector urlPrefix(String prefix) {
    return new Selector(SelectorType.URL_PREFIX, prefix, null);
  }

  /**
   * Creates a selector of a host and its subdomains.
   *
   * @param domain the host name
   * @return the selector
   */
  public static Selector domain(String domain) {
    return new Selector(SelectorType.DOMAIN, domain, null);
  }

  /**
   * Creates a selector of the content with a SHA-256 digest.
   *
   * @param sha256 64 hex digits
   * @return the selector
   */
  public static Selector sha256(String sha256) {
    return new Selector(SelectorType.SHA256, sha256, null);
  }

  /**
   * Creates a selector of an institution's accession number.
   *
   * @param institution the institution's party id
   * @param number the accession number
   * @return the selector
   */
  public static Selector accession(String institution, String number) {
    return new Selector(SelectorType.ACCESSION, number, institution);
  }

  /**
   * Creates a selector of every work of a party: the items that a declaration in force with that
   * party as rights holder names through any other selector.
   *
   * @param party the party's id
   * @return the selector
   */
  public static Selector partyWorks(String party) {
    return new Selector(SelectorType.PARTY_WORKS, party, null);
  }
}
