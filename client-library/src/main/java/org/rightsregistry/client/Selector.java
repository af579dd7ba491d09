package org.rightsregistry.client;

/**
 * What a statement covers: an exact URL, a URL prefix, a domain, a content hash or an accession
 * number.
 *
 * @param type how the selector picks out items
 * @param value the URL, prefix, domain, hex digest or accession number
 * @param institution the institution's party id for an accession number; null for every other type
 */
public record Selector(SelectorType type, String value, String institution) {

  /**
   * Creates a selector.
   *
   * @param type how the selector picks out items
   * @param value the URL, prefix, domain, hex digest or accession number
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
}
