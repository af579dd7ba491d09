package org.rightsregistry.vocabulary;

import java.util.Optional;

/**
 * How one token of a standard relates to one usage category.
 *
 * @param iri the mapping's own IRI
 * @param standard the id of the standard, such as {@code aipref-vocab}
 * @param token the token as the standard writes it, such as {@code train-ai} or a value IRI
 * @param category the id of the usage category
 * @param match how the token's scope compares with the category
 * @param effect the id of the effect the token carries in itself, or {@code null} when the effect
 *     comes from the value given to the token
 * @param citation where the standard defines the token
 * @param comment our reading where the standard leaves it open, or {@code null}
 */
public record SignalMapping(
    String iri,
    String standard,
    String token,
    String category,
    MatchType match,
    String effect,
    String citation,
    String comment) {

  /** The effect the token carries in itself; empty when the value given to it decides. */
  public Optional<String> tokenEffect() {
    return Optional.ofNullable(effect);
  }
}
