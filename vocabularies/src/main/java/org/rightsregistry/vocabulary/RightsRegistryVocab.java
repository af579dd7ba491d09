package org.rightsregistry.vocabulary;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms of the namespace {@value #NS}, named like the terms of {@code usage-categories.ttl} and
 * {@code terms.ttl}. The module's tests check these constants against the Turtle sources, term for
 * term.
 */
public final class RightsRegistryVocab {

  /** The namespace of every term of the vocabulary. */
  public static final String NS = "https://w3id.org/rights-registry/vocab/";

  /** The concept scheme of usage categories. */
  public static final Resource USAGE_SCHEME = ResourceFactory.createResource(NS + "usage");

  /** The concept scheme of declaration effects. */
  public static final Resource EFFECT_SCHEME = ResourceFactory.createResource(NS + "effect");

  private RightsRegistryVocab() {}

  /** The classes of {@code vocab/terms.ttl}, named like them. */
  public static final class Classes {

    /** Declaration. */
    public static final Resource DECLARATION = ResourceFactory.createResource(NS + "Declaration");

    /** Party. */
    public static final Resource PARTY = ResourceFactory.createResource(NS + "Party");

    /** Subject. */
    public static final Resource SUBJECT = ResourceFactory.createResource(NS + "Subject");

    /** Standard. */
    public static final Resource STANDARD = ResourceFactory.createResource(NS + "Standard");

    /** Signal mapping. */
    public static final Resource SIGNAL_MAPPING =
        ResourceFactory.createResource(NS + "SignalMapping");

    /** Value effect. */
    public static final Resource VALUE_EFFECT = ResourceFactory.createResource(NS + "ValueEffect");

    /** Rights status mapping. */
    public static final Resource RIGHTS_STATUS_MAPPING =
        ResourceFactory.createResource(NS + "RightsStatusMapping");

    private Classes() {}
  }

  /** The properties of {@code vocab/terms.ttl}, named like them. */
  public static final class Properties {

    /** The property "declarant". */
    public static final Property DECLARANT = ResourceFactory.createProperty(NS + "declarant");

    /** The property "rights holder". */
    public static final Property RIGHTS_HOLDER =
        ResourceFactory.createProperty(NS + "rightsHolder");

    /** The property "party id". */
    public static final Property PARTY_ID = ResourceFactory.createProperty(NS + "partyId");

    /** The property "party name". */
    public static final Property PARTY_NAME = ResourceFactory.createProperty(NS + "partyName");

    /** The property "subjects". */
    public static final Property SUBJECTS = ResourceFactory.createProperty(NS + "subjects");

    /** The property "subject type". */
    public static final Property SUBJECT_TYPE = ResourceFactory.createProperty(NS + "subjectType");

    /** The property "subject value". */
    public static final Property SUBJECT_VALUE =
        ResourceFactory.createProperty(NS + "subjectValue");

    /** The property "institution". */
    public static final Property INSTITUTION = ResourceFactory.createProperty(NS + "institution");

    /** The property "accession number". */
    public static final Property ACCESSION_NUMBER =
        ResourceFactory.createProperty(NS + "accessionNumber");

    /** The property "works of". */
    public static final Property WORKS_OF = ResourceFactory.createProperty(NS + "worksOf");

    /** The property "rights statement". */
    public static final Property RIGHTS_STATEMENT =
        ResourceFactory.createProperty(NS + "rightsStatement");

    /** The property "valid from". */
    public static final Property VALID_FROM = ResourceFactory.createProperty(NS + "validFrom");

    /** The property "valid until". */
    public static final Property VALID_UNTIL = ResourceFactory.createProperty(NS + "validUntil");

    /** The property "supersedes". */
    public static final Property SUPERSEDES = ResourceFactory.createProperty(NS + "supersedes");

    /** The property "note". */
    public static final Property NOTE = ResourceFactory.createProperty(NS + "note");

    /** The property "declaration id". */
    public static final Property DECLARATION_ID =
        ResourceFactory.createProperty(NS + "declarationId");

    /** The property "sequence". */
    public static final Property SEQUENCE = ResourceFactory.createProperty(NS + "sequence");

    /** The property "recorded at". */
    public static final Property RECORDED_AT = ResourceFactory.createProperty(NS + "recordedAt");

    /** The property "status". */
    public static final Property STATUS = ResourceFactory.createProperty(NS + "status");

    /** The property "revocation". */
    public static final Property REVOCATION = ResourceFactory.createProperty(NS + "revocation");

    /** The property "reason". */
    public static final Property REASON = ResourceFactory.createProperty(NS + "reason");

    /** The property "superseded by". */
    public static final Property SUPERSEDED_BY =
        ResourceFactory.createProperty(NS + "supersededBy");

    /** The property "standard". */
    public static final Property STANDARD = ResourceFactory.createProperty(NS + "standard");

    /** The property "token". */
    public static final Property TOKEN = ResourceFactory.createProperty(NS + "token");

    /** The property "token IRI". */
    public static final Property TOKEN_IRI = ResourceFactory.createProperty(NS + "tokenIri");

    /** The property "category". */
    public static final Property CATEGORY = ResourceFactory.createProperty(NS + "category");

    /** The property "match". */
    public static final Property MATCH = ResourceFactory.createProperty(NS + "match");

    /** The property "gives effect". */
    public static final Property GIVES_EFFECT = ResourceFactory.createProperty(NS + "givesEffect");

    /** The property "citation". */
    public static final Property CITATION = ResourceFactory.createProperty(NS + "citation");

    /** The property "value effect". */
    public static final Property VALUE_EFFECT = ResourceFactory.createProperty(NS + "valueEffect");

    /** The property "value". */
    public static final Property VALUE = ResourceFactory.createProperty(NS + "value");

    /** The property "specification". */
    public static final Property SPECIFICATION =
        ResourceFactory.createProperty(NS + "specification");

    /** The property "rights status". */
    public static final Property RIGHTS_STATUS =
        ResourceFactory.createProperty(NS + "rightsStatus");

    /** The property "commercial use". */
    public static final Property COMMERCIAL_USE =
        ResourceFactory.createProperty(NS + "commercialUse");

    /** The property "non-commercial use". */
    public static final Property NON_COMMERCIAL_USE =
        ResourceFactory.createProperty(NS + "nonCommercialUse");

    private Properties() {}
  }

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
