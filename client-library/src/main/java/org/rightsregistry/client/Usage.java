package org.rightsregistry.client;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A usage category: what use of an item is meant. Categories form a hierarchy, and a statement on a
 * broader category applies to the narrower ones unless a narrower statement says otherwise.
 *
 * <pre>
 * text-and-data-mining
 *   ai-training
 *     generative-ai-training
 *     non-generative-ai-training
 *   ai-inference
 *   search-indexing
 * </pre>
 *
 * <p>The ids and the hierarchy mirror the SKOS vocabulary {@code vocab/usage-categories.ttl}.
 */
public enum Usage {

  /** Any automated analysis of content. */
  TEXT_AND_DATA_MINING("text-and-data-mining", null),
  /** Training of any AI model. */
  AI_TRAINING("ai-training", TEXT_AND_DATA_MINING),
  /** Training of models that generate content. */
  GENERATIVE_AI_TRAINING("generative-ai-training", AI_TRAINING),
  /** Training of models that do not generate content (classifiers, embeddings and the like). */
  NON_GENERATIVE_AI_TRAINING("non-generative-ai-training", AI_TRAINING),
  /** Use by an AI system at inference time: grounding, retrieval. */
  AI_INFERENCE("ai-inference", TEXT_AND_DATA_MINING),
  /** Indexing for search. */
  SEARCH_INDEXING("search-indexing", TEXT_AND_DATA_MINING);

  private static final String VALID_IDS =
      Arrays.stream(values()).map(Usage::id).collect(Collectors.joining(", "));

  private final String id;
  private final Usage broader;

  Usage(String id, Usage broader) {
    this.id = id;
    this.broader = broader;
  }

  /**
   * Returns the id used on the wire and in the vocabulary.
   *
   * @return the id, such as {@code ai-training}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the category directly above this one.
   *
   * @return the broader category, or empty for the top of the hierarchy
   */
  public Optional<Usage> broader() {
    return Optional.ofNullable(broader);
  }

  /**
   * Tells whether this category is the given one or lies below it.
   *
   * @param other the category that may contain this one
   * @return true if this is {@code other} or one of its narrower categories
   */
  public boolean isWithin(Usage other) {
    for (Usage category = this; category != null; category = category.broader) {
      if (category == other) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the category with the given id.
   *
   * @param id an id such as {@code generative-ai-training}
   * @return the category
   * @throws IllegalArgumentException if no category has that id
   */
  public static Usage fromId(String id) {
    for (Usage usage : values()) {
      if (usage.id.equals(id)) {
        return usage;
      }
    }
    throw new IllegalArgumentException(
        "Unknown usage category '" + id + "'; valid ids are: " + VALID_IDS);
  }

  /** Parent in the hierarchy without the Optional wrapper, for loops on the hot path. */
  Usage broaderOrNull() {
    return broader;
  }
}
