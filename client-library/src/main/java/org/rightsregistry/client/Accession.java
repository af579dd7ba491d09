package org.rightsregistry.client;

/**
 * An institution's accession number for an object in its collection.
 *
 * @param institution the institution's party id, such as {@code tate}
 * @param number the accession number as the institution writes it, such as {@code AR00086}
 */
public record Accession(String institution, String number) {

  /**
   * Creates an accession number.
   *
   * @param institution the institution's party id, such as {@code tate}
   * @param number the accession number as the institution writes it, such as {@code AR00086}
   * @throws IllegalArgumentException if either part is null or blank
   */
  public Accession {
    Checks.requireText("institution", institution);
    Checks.requireText("number", number);
  }
}
