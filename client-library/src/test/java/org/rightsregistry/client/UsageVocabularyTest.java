package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the light {@link Usage} enum and the SKOS source of the vocabulary from drifting. */
class UsageVocabularyTest {

  private static final String VOCABULARY = "vocab/usage-categories.ttl";
  private static final String USAGE_NAMESPACE = "https://w3id.org/rights-registry/vocab/usage/";
  private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

  /** Each concept of the usage namespace, by id, with the id of its broader concept or null. */
  private static final Map<String, String> broaderById = new HashMap<>();

  @BeforeAll
  static void readVocabulary() throws IOException {
    Model model = ModelFactory.createDefaultModel();
    try (InputStream turtle =
        UsageVocabularyTest.class.getClassLoader().getResourceAsStream(VOCABULARY)) {
      assertThat(turtle)
          .as("%s on the test classpath, from the vocabularies module", VOCABULARY)
          .isNotNull();
      RDFDataMgr.read(model, turtle, Lang.TURTLE);
    }
    Resource concept = model.createResource(SKOS + "Concept");
    Property broader = model.createProperty(SKOS + "broader");
    model
        .listSubjectsWithProperty(
            model.createProperty("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), concept)
        .forEachRemaining(
            subject -> {
              if (subject.isURIResource() && subject.getURI().startsWith(USAGE_NAMESPACE)) {
                broaderById.put(idOf(subject), broaderId(subject, broader));
              }
            });
  }

  @Test
  void usageIds_areTheConceptsOfTheVocabulary() {
    assertThat(broaderById)
        .as("skos:Concepts under %s in %s", USAGE_NAMESPACE, VOCABULARY)
        .isNotEmpty();
    assertThat(Arrays.stream(Usage.values()).map(Usage::id))
        .containsExactlyInAnyOrderElementsOf(broaderById.keySet());
  }

  @Test
  void broaderCategories_areTheSkosBroaderConcepts() {
    Map<String, String> enumBroader =
        Arrays.stream(Usage.values())
            .collect(
                Collectors.toMap(Usage::id, usage -> usage.broader().map(Usage::id).orElse("")));
    Map<String, String> vocabularyBroader =
        broaderById.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, entry -> Optional.ofNullable(entry.getValue()).orElse("")));

    assertThat(enumBroader).isEqualTo(vocabularyBroader);
  }

  private static String broaderId(Resource subject, Property broader) {
    String found = null;
    for (Statement statement : subject.listProperties(broader).toList()) {
      RDFNode object = statement.getObject();
      if (object.isURIResource() && object.asResource().getURI().startsWith(USAGE_NAMESPACE)) {
        assertThat(found).as("%s has one broader usage category", subject).isNull();
        found = idOf(object.asResource());
      }
    }
    return found;
  }

  private static String idOf(Resource concept) {
    return concept.getURI().substring(USAGE_NAMESPACE.length());
  }
}
