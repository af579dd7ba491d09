package org.rightsregistry.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UsageVocabularyTest {

  private final UsageVocabulary vocabulary = UsageVocabulary.loadDefault();

  @Test
  void loadsTheSixUsageCategoriesAndThreeEffects() {
    assertThat(vocabulary.categoryIds())
        .containsExactly(
            "ai-inference",
            "ai-training",
            "generative-ai-training",
            "non-generative-ai-training",
            "search-indexing",
            "text-and-data-mining");
    assertThat(vocabulary.effectIds()).containsExactly("allowed", "licence-required", "reserved");
  }

  @Test
  void arrangesTheCategoriesInTheHierarchyOfTheWireFormat() {
    assertThat(vocabulary.broader("text-and-data-mining")).isEmpty();
    assertThat(vocabulary.broader("ai-training")).contains("text-and-data-mining");
    assertThat(vocabulary.broader("generative-ai-training")).contains("ai-training");
    assertThat(vocabulary.broader("non-generative-ai-training")).contains("ai-training");
    assertThat(vocabulary.broader("ai-inference")).contains("text-and-data-mining");
    assertThat(vocabulary.broader("search-indexing")).contains("text-and-data-mining");

    assertThat(vocabulary.narrower("text-and-data-mining"))
        .containsExactly("ai-inference", "ai-training", "search-indexing");
    assertThat(vocabulary.narrower("ai-training"))
        .containsExactly("generative-ai-training", "non-generative-ai-training");
    assertThat(vocabulary.narrower("search-indexing")).isEmpty();
  }

  @Test
  void givesEveryTermOfBothSchemesAnEnglishLabelAndDefinition() {
    Model model = vocabulary.model();
    List<Resource> concepts = model.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList();

    assertThat(concepts).hasSize(9);
    for (Resource concept : concepts) {
      assertThat(englishText(model, concept, SKOS.prefLabel))
          .as("label of " + concept)
          .isNotBlank()
          .doesNotContain("\n");
      assertThat(englishText(model, concept, SKOS.definition))
          .as("definition of " + concept)
          .isNotBlank()
          .doesNotContain("\n")
          .endsWith(".");
    }
    for (String id : vocabulary.categoryIds()) {
      assertThat(vocabulary.label(id)).isNotBlank();
      assertThat(vocabulary.definition(id)).hasSizeGreaterThan(40);
    }
  }

  @Test
  void answersLabelDefinitionAndIriOfACategory() {
    assertThat(vocabulary.label("ai-training")).isEqualTo("AI training");
    assertThat(vocabulary.definition("ai-inference")).contains("input");
    assertThat(vocabulary.iri("generative-ai-training"))
        .isEqualTo("https://w3id.org/rights-registry/vocab/usage/generative-ai-training");
  }

  @Test
  void shipsNoRetiredCategory() {
    for (String id : vocabulary.categoryIds()) {
      assertThat(vocabulary.isDeprecated(id)).as(id).isFalse();
      assertThat(vocabulary.replacement(id)).as(id).isEmpty();
    }
  }

  @Test
  void describesEachSchemeWithTitleVersionAndVersioningPolicy() {
    Model model = vocabulary.model();

    for (Resource scheme : VocabularyRules.SCHEMES) {
      assertThat(englishText(model, scheme, DCTerms.title)).as("title").isNotBlank();
      assertThat(model.getRequiredProperty(scheme, OWL2.versionInfo).getString()).isEqualTo("1");
      assertThat(englishText(model, scheme, SKOS.note))
          .contains("never changes its meaning", "owl:deprecated", "dct:isReplacedBy");
    }
  }

  @Test
  void handsOutACopyOfItsModel() {
    Model copy = vocabulary.model();
    copy.removeAll();

    assertThat(vocabulary.model().isEmpty()).isFalse();
    assertThat(vocabulary.model().isIsomorphicWith(vocabulary.model())).isTrue();
  }

  @Test
  void refusesAnUnknownCategoryAndListsTheKnownOnes() {
    assertThatThrownBy(() -> vocabulary.label("ai-use"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ai-use'")
        .hasMessageContaining("search-indexing");
    assertThatThrownBy(() -> vocabulary.narrower("reserved"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static List<Lang> writableFormats() {
    return List.of(Lang.TURTLE, Lang.JSONLD, Lang.RDFXML, Lang.NTRIPLES);
  }

  @ParameterizedTest
  @MethodSource("writableFormats")
  void writesEachFormatSoThatReadingItBackGivesTheSameGraph(Lang lang) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    vocabulary.write(out, lang);

    Model readBack = ModelFactory.createDefaultModel();
    RDFParser.source(new ByteArrayInputStream(out.toByteArray())).lang(lang).parse(readBack);
    UsageVocabulary reloaded =
        UsageVocabulary.load(new ByteArrayInputStream(out.toByteArray()), lang);

    assertThat(readBack.isIsomorphicWith(vocabulary.model())).as(lang.getLabel()).isTrue();
    assertThat(reloaded.categoryIds()).isEqualTo(vocabulary.categoryIds());
  }

  @Test
  void refusesToWriteAFormatOutsideTheFour() {
    assertThatThrownBy(() -> vocabulary.write(new ByteArrayOutputStream(), Lang.TRIG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TriG")
        .hasMessageContaining("Turtle");
  }

  private static String englishText(Model model, Resource subject, Property property) {
    return model
        .listObjectsOfProperty(subject, property)
        .filterKeep(node -> node.isLiteral() && node.asLiteral().getLanguage().equals("en"))
        .mapWith(node -> node.asLiteral())
        .mapWith(Literal::getLexicalForm)
        .nextOptional()
        .orElse("");
  }
}
