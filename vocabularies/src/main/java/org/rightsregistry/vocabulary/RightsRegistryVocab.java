package org.rightsregistry.vocabulary;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms of the namespace {@value #NS}, named like the terms of {@code usage-categories.ttl}.
 * The module's tests check these constants against the Turtle source, term for term.
 */
public final class RightsRegistryVocab {

  /** The namespace of every term of the vocabulary. */
  public static final String NS = "https://w3id.org/rights-registry/vocab/";

  /** The concept scheme of usage categories. */
  public static final Resource USAGE_SCHEME = ResourceFactory.createResource(NS + "usage");

  /** The concept scheme of declaration effects. */
  public static final Resource EFFECT_SCHEME = ResourceFactory.createResource(NS + "effect");

  private RightsRegistryVocab() {}

  /** The usage categories: what use of a work a statement is about. */
  public static final class Usage {

    /** The namespace of the usage categories. */
    public static final String NS = USAGE_SCHEME.getURI() + "/";

    public static final Resource TEXT_AND_DATA_MINING = term("text-and-data-mining");
    public static final Resource AI_TRAINING = term("ai-training");
    public static final Resource GENERATIVE_AI_TRAINING = term("generative-ai-training");
    public static final Resource NON_GENERATIVE_AI_TRAINING = term("non-generative-ai-training");
    public static final Resource AI_INFERENCE = term("ai-inference");
    public static final Resource SEARCH_INDEXING = term("search-indexing");

    private Usage() {}

    private static Resource term(String id) {
      return ResourceFactory.createResource(NS + id);
    }
  }

  /** The effects a declaration can give a usage category. */
  public static final class Effect {

    /** The namespace of the effects. */
    public static final String NS = EFFECT_SCHEME.getURI() + "/";

    public static final Resource RESERVED = term("reserved");
    public static final Resource ALLOWED = term("allowed");
    public static final Resource LICENCE_REQUIRED = term("licence-required");

    private Effect() {}

    private static Resource term(String id) {
      return ResourceFactory.createResource(NS + id);
    }
  }
}
