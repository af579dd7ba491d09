package org.rightsregistry.client;

/** How a subject selector picks out the items a statement covers. */
public enum SelectorType {

  /** One URL, compared by {@link UrlIdentity#normalise(String)}. */
  URL("url"),
  /** Every URL that starts with the given normalised prefix. */
  URL_PREFIX("url-prefix"),
  /** Every URL on the given host and on its subdomains. */
  DOMAIN("domain"),
  /** The content with the given SHA-256 digest. */
  SHA256("sha256"),
  /** An institution's accession number. */
  ACCESSION("accession"),
  /**
   * Every work of a party, by its party id: an item is a work of the party when a declaration in
   * force whose rights holder is that party names the item through any other selector.
   */
  PARTY_WORKS("party-works");

  private final String id;

  SelectorType(String id) {
    this.id = id;
  }

  /**
   * Returns the id used on the wire.
   *
   * @return the id, such as {@code url-prefix}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the selector type with the given id.
   *
   * @param id {@code url}, {@code url-prefix}, {@code domain}, {@code sha256}, {@code accession} or
   *     {@code party-works}
   * @return the selector type
   * @throws IllegalArgumentException if no selector type has that id
   */
  public static SelectorType fromId(String id) {
    for (SelectorType type : values()) {
      if (type.id.equals(id)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "Unknown selector type '"
            + id
            + "'; valid ids are: url, url-prefix, domain, sha256, accession, party-works");
  }
}
