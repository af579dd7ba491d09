package org.rightsregistry.vocabulary;

import java.util.Map;
import java.util.Optional;

/**
 * A standard whose signals the vocabulary maps.
 *
 * @param id the last segment of its IRI, such as {@code tdmrep}
 * @param iri its IRI in the vocabulary
 * @param label its English name
 * @param specification the document and version the mappings were made from
 * @param comment how the standard writes its signals
 * @param valueEffects the effect id of each value its keys take, such as {@code n -> reserved};
 *     empty for standards whose tokens carry their effect in themselves
 */
public record Standard(
    String id,
    String iri,
    String label,
    String specification,
    String comment,
    Map<String, String> valueEffects) {

  public Standard {
    valueEffects = Map.copyOf(valueEffects);
  }

  /** The effect id this value gives, such as {@code reserved} for {@code n}; empty if none. */
  public Optional<String> effectOf(String value) {
    return Optional.ofNullable(valueEffects.get(value));
  }
}
