package org.rightsregistry.vocabulary;

import java.util.Optional;

/**
 * What a RightsStatements.org statement or Creative Commons licence implies for commercial and
 * non-commercial use, as effects of the vocabulary.
 *
 * @param iri the statement or licence IRI, such as {@code
 *     http://rightsstatements.org/vocab/InC/1.0/}
 * @param standard the id of the standard, {@code rightsstatements} or {@code creative-commons}
 * @param commercialUse the effect id for commercial use, or {@code null} when the status does not
 *     settle it
 * @param nonCommercialUse the effect id for non-commercial use, or {@code null}
 * @param citation where the status is defined
 * @param comment what the status implies, in one sentence
 */
public record RightsStatus(
    String iri,
    String standard,
    String commercialUse,
    String nonCommercialUse,
    String citation,
    String comment) {

  /** The effect for commercial use; empty when the status leaves it open. */
  public Optional<String> commercialEffect() {
    return Optional.ofNullable(commercialUse);
  }

  /** The effect for non-commercial use; empty when the status leaves it open. */
  public Optional<String> nonCommercialEffect() {
    return Optional.ofNullable(nonCommercialUse);
  }
}
