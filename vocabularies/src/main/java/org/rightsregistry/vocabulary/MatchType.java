package org.rightsregistry.vocabulary;

import java.util.Arrays;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.vocabulary.SKOS;

/**
 * How the scope of a standard's token compares with a usage category, read from the category to the
 * token, as the SKOS mapping properties read.
 */
public enum MatchType {

  /** The token means the same use. */
  EXACT("exact", SKOS.exactMatch),
  /** The token means nearly the same use; the mapping's comment says where they differ. */
  CLOSE("close", SKOS.closeMatch),
  /** The token covers more than the category. */
  BROADER("broader", SKOS.broadMatch),
  /** The token covers less than the category, such as one operator's use only. */
  NARROWER("narrower", SKOS.narrowMatch);

  private final String id;
  private final Property property;

  MatchType(String id, Property property) {
    this.id = id;
    this.property = property;
  }

  /** The short name used in the light JSON form and the documentation, such as {@code close}. */
  public String id() {
    return id;
  }

  /** The SKOS mapping property, such as {@code skos:closeMatch}. */
  public Property property() {
    return property;
  }

  /**
   * The match type written with this SKOS property.
   *
   * @throws IllegalArgumentException when the IRI is not one of the four SKOS mapping properties
   */
  public static MatchType fromProperty(String iri) {
    return Arrays.stream(values())
        .filter(type -> type.property.getURI().equals(iri))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "<" + iri + "> is not skos:exactMatch, closeMatch, broadMatch or narrowMatch"));
  }
}
