package org.rightsregistry.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;

/** A vocabulary whose terms or mappings break a shape fails to load, naming term and rule. */
class ShapeRulesTest {

  private static final String MAPPING = "https://w3id.org/rights-registry/vocab/mapping/test/x/y";

  private static final String PREFIXES =
      """
      @prefix rrv:    <https://w3id.org/rights-registry/vocab/> .
      @prefix usage:  <https://w3id.org/rights-registry/vocab/usage/> .
      @prefix effect: <https://w3id.org/rights-registry/vocab/effect/> .
      @prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
      @prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
      @prefix owl:    <http://www.w3.org/2002/07/owl#> .
      """;

  @Test
  void acceptsTheShippedVocabulary() {
    assertThat(ShapeRules.check(UsageVocabulary.loadDefault().model())).isEmpty();
  }

  @Test
  void rejectsAMappingWithoutACitation() {
    String mapping =
        """
        <%s> a rrv:SignalMapping ;
            rrv:standard <https://w3id.org/rights-registry/vocab/standard/tdmrep> ;
            rrv:token "tdm-reservation" ;
            rrv:category usage:ai-training ;
            rrv:match skos:exactMatch .
        """
            .formatted(MAPPING);

    assertThatThrownBy(() -> loadWith(mapping))
        .isInstanceOf(InvalidVocabularyException.class)
        .hasMessageContaining("<" + MAPPING + "> breaks rule 'signal-mapping'")
        .hasMessageContaining("cites the section");
  }

  @Test
  void rejectsAMappingToAnEffectInsteadOfACategory() {
    String mapping =
        """
        <%s> a rrv:SignalMapping ;
            rrv:standard <https://w3id.org/rights-registry/vocab/standard/tdmrep> ;
            rrv:token "tdm-reservation" ;
            rrv:category effect:reserved ;
            rrv:match skos:relatedMatch ;
            rrv:citation "TDMRep Final Report" .
        """
            .formatted(MAPPING);

    assertThatThrownBy(() -> loadWith(mapping))
        .isInstanceOf(InvalidVocabularyException.class)
        .hasMessageContaining("names exactly one usage category")
        .hasMessageContaining("marked exact, close, broader or narrower");
  }

  @Test
  void rejectsAPropertyWithoutADefinition() {
    String property = "rrv:colour a owl:DatatypeProperty ; rdfs:label \"colour\"@en .\n";

    assertThatThrownBy(() -> loadWith(property))
        .isInstanceOf(InvalidVocabularyException.class)
        .hasMessageContaining(
            "<https://w3id.org/rights-registry/vocab/colour> breaks rule 'term-described'");
  }

  private static UsageVocabulary loadWith(String extra) {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    UsageVocabulary.loadDefault().write(whole, Lang.NTRIPLES);
    Lang turtle = Lang.TURTLE;
    String text =
        PREFIXES + whole.toString(StandardCharsets.UTF_8).replace("\r", "") + "\n" + extra;
    return UsageVocabulary.load(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), turtle);
  }
}
