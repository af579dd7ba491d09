package org.rightsregistry.client;

/**
 * One item to check, known by its URL, its content hash, its accession number, or several of these.
 * Values are kept as given; {@link RightsChecker} validates them before it sends them.
 *
 * @param url the URL the item is fetched from, or null
 * @param sha256 the SHA-256 digest of the item's bytes as 64 hex digits, or null
 * @param accession the institution's accession number, or null
 * @param modality what kind of content the item is, or null when unknown
 */
public record Item(String url, String sha256, Accession accession, Modality modality) {

  /**
   * Creates an item.
   *
   * @param url the URL the item is fetched from, or null
   * @param sha256 the SHA-256 digest of the item's bytes as 64 hex digits, or null
   * @param accession the institution's accession number, or null
   * @param modality what kind of content the item is, or null when unknown
   * @throws IllegalArgumentException if all three identifiers are null
   */
  public Item {
    if (url == null && sha256 == null && accession == null) {
      throw new IllegalArgumentException(
          "An item needs at least one of url, sha256 or accession, but all three were null");
    }
  }

  /**
   * Creates an item of unknown modality.
   *
   * @param url the URL the item is fetched from, or null
   * @param sha256 the SHA-256 digest of the item's bytes as 64 hex digits, or null
   * @param accession the institution's accession number, or null
   * @throws IllegalArgumentException if all three identifiers are null
   */
  public Item(String url, String sha256, Accession accession) {
    this(url, sha256, accession, null);
  }

  /**
   * Returns the same item with a modality.
   *
   * @param modality what kind of content the item is, or null when unknown
   * @return the item
   */
  public Item withModality(Modality modality) {
    return new Item(url, sha256, accession, modality);
  }

  /**
   * Creates an item known by its URL.
   *
   * @param url an absolute http or https URL
   * @return the item
   */
  public static Item url(String url) {
    return new Item(Checks.requireText("url", url), null, null);
  }

  /**
   * Creates an item known by the SHA-256 digest of its bytes.
   *
   * @param sha256 64 hex digits
   * @return the item
   */
  public static Item sha256(String sha256) {
    return new Item(null, Checks.requireText("sha256", sha256), null);
  }

  /**
   * Creates an item known by an institution's accession number.
   *
   * @param institution the institution's party id
   * @param number the accession number
   * @return the item
   */
  public static Item accession(String institution, String number) {
    return new Item(null, null, new Accession(institution, number));
  }
}
