package org.rightsregistry.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Broken vocabularies fail to load, with a message naming the term and the rule it breaks. */
class VocabularyRulesTest {

  private static final String USAGE = "https://w3id.org/rights-registry/vocab/usage/";
  private static final String EFFECT = "https://w3id.org/rights-registry/vocab/effect/";

  private static final String PREFIXES =
      """
            @prefix rrv:    <https://w3id.org/rights-registry/vocab/> .
            @prefix usage:  <https://w3id.org/rights-registry/vocab/usage/> .
            @prefix effect: <https://w3id.org/rights-registry/vocab/effect/> .
            @prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
            @prefix dct:    <http://purl.org/dc/terms/> .
            @prefix owl:    <http://www.w3.org/2002/07/owl#> .
            @prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .

            rrv:usage a skos:ConceptScheme .
            rrv:effect a skos:ConceptScheme .
            """;

  private static final String TOP = usage("text-and-data-mining");
  private static final String EFFECTS = concept("effect", "reserved");

  @Test
  void acceptsAMinimalVocabulary() {
    UsageVocabulary vocabulary =
        load(TOP + usage("ai-training", "skos:broader usage:text-and-data-mining"));

    assertThat(vocabulary.categoryIds()).containsExactly("ai-training", "text-and-data-mining");
    assertThat(vocabulary.effectIds()).containsExactly("reserved");
    assertThat(vocabulary.narrower("text-and-data-mining")).containsExactly("ai-training");
  }

  @Test
  void rejectsAConceptWithoutAPreferredLabel() {
    assertRejected(TOP + without("skos:prefLabel", usage("ai-training")))
        .hasMessageContaining(brokenRule(USAGE + "ai-training", "pref-label"))
        .hasMessageContaining("found none");
  }

  @Test
  void rejectsAPreferredLabelThatIsNotEnglish() {
    String french = usage("ai-training").replace("\"AI training\"@en", "\"Entraînement\"@fr");

    assertRejected(TOP + french)
        .hasMessageContaining(brokenRule(USAGE + "ai-training", "pref-label"));
  }

  @Test
  void rejectsAConceptWithoutADefinition() {
    assertRejected(TOP + without("skos:definition", usage("ai-training")))
        .hasMessageContaining(brokenRule(USAGE + "ai-training", "definition"));
  }

  @Test
  void rejectsAConceptWithoutANotation() {
    assertRejected(TOP + without("skos:notation", usage("ai-training")))
        .hasMessageContaining(brokenRule(USAGE + "ai-training", "notation"));
  }

  @Test
  void rejectsANotationThatDoesNotNameTheIri() {
    String misnamed = usage("ai-training").replace("usage:ai-training a", "usage:training a");

    assertRejected(TOP + misnamed)
        .hasMessageContaining(brokenRule(USAGE + "training", "notation-names-iri"))
        .hasMessageContaining("<" + USAGE + "ai-training>");
  }

  @Test
  void rejectsADuplicatedNotation() {
    String twin = usage("ai-training").replace("usage:ai-training a", "usage:ml-training a");

    assertRejected(TOP + usage("ai-training") + twin)
        .hasMessageContaining(brokenRule(USAGE + "ml-training", "unique-notation"))
        .hasMessageContaining("also the notation of <" + USAGE + "ai-training>");
  }

  @Test
  void rejectsABroaderTermInTheOtherScheme() {
    assertRejected(TOP + usage("ai-training", "skos:broader effect:reserved"))
        .hasMessageContaining(brokenRule(USAGE + "ai-training", "broader-in-scheme"))
        .hasMessageContaining("<" + EFFECT + "reserved>");
  }

  @Test
  void rejectsABroaderTermThatIsNotDefined() {
    assertRejected(TOP + usage("ai-training", "skos:broader usage:machine-learning"))
        .hasMessageContaining(brokenRule(USAGE + "ai-training", "broader-in-scheme"))
        .hasMessageContaining("<" + USAGE + "machine-learning>");
  }

  @Test
  void rejectsMoreThanOneBroaderTerm() {
    String twoParents =
        usage("ai-training", "skos:broader usage:text-and-data-mining, usage:ai-inference");

    assertRejected(TOP + usage("ai-inference") + twoParents)
        .hasMessageContaining(brokenRule(USAGE + "ai-training", "single-broader"));
  }

  @Test
  void rejectsACycleInTheHierarchy() {
    String tdm = usage("text-and-data-mining", "skos:broader usage:ai-training");
    String training = usage("ai-training", "skos:broader usage:text-and-data-mining");

    assertRejected(tdm + training)
        .hasMessageContaining(brokenRule(USAGE + "ai-training", "acyclic"))
        .hasMessageContaining(
            "<"
                + USAGE
                + "ai-training> -> <"
                + USAGE
                + "text-and-data-mining> -> <"
                + USAGE
                + "ai-training>");
  }

  @Test
  void rejectsATermThatIsItsOwnBroaderTerm() {
    assertRejected(TOP + usage("ai-training", "skos:broader usage:ai-training"))
        .hasMessageContaining(brokenRule(USAGE + "ai-training", "acyclic"));
  }

  @Test
  void rejectsADeprecatedTermWithoutAReplacement() {
    assertRejected(TOP + usage("ai-training", "owl:deprecated true"))
        .hasMessageContaining(brokenRule(USAGE + "ai-training", "deprecated-replaced"))
        .hasMessageContaining("has no dct:isReplacedBy");
  }

  @Test
  void rejectsADeprecatedTermReplacedFromTheOtherScheme() {
    String retired =
        usage("ai-training", "owl:deprecated true", "dct:isReplacedBy effect:reserved");

    assertRejected(TOP + retired)
        .hasMessageContaining(brokenRule(USAGE + "ai-training", "deprecated-replaced"));
  }

  @Test
  void acceptsADeprecatedTermThatNamesItsReplacement() {
    String retired =
        usage(
            "machine-learning",
            "owl:deprecated \"true\"^^xsd:boolean",
            "dct:isReplacedBy usage:ai-training");

    UsageVocabulary vocabulary = load(TOP + usage("ai-training") + retired);

    assertThat(vocabulary.isDeprecated("machine-learning")).isTrue();
    assertThat(vocabulary.replacement("machine-learning")).contains("ai-training");
    assertThat(vocabulary.isDeprecated("ai-training")).isFalse();
  }

  @Test
  void rejectsAConceptOfAnUnknownScheme() {
    String stray =
        usage("ai-training").replace("skos:inScheme rrv:usage", "skos:inScheme rrv:licences");

    assertRejected(TOP + stray)
        .hasMessageContaining(brokenRule(USAGE + "ai-training", "in-scheme"));
  }

  @Test
  void rejectsAVocabularyWithoutTheEffectScheme() {
    String noEffects = PREFIXES.replace("rrv:effect a skos:ConceptScheme .", "") + TOP;

    assertThatThrownBy(() -> UsageVocabulary.load(turtle(noEffects), Lang.TURTLE))
        .isInstanceOf(InvalidVocabularyException.class)
        .hasMessageContaining(
            brokenRule("https://w3id.org/rights-registry/vocab/effect", "scheme-defined"));
  }

  @Test
  void rejectsTurtleThatDoesNotParse() {
    assertRejected(TOP + "usage:ai-training a skos:Concept ; skos:notation ")
        .hasMessageContaining("is not valid Turtle");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    String broken = without("skos:definition", without("skos:prefLabel", usage("ai-training")));

    InvalidVocabularyException thrown = (InvalidVocabularyException) catchLoad(TOP + broken);

    assertThat(thrown.problems()).hasSize(2);
    assertThat(thrown).hasMessageStartingWith("The vocabulary read as Turtle is invalid; fix 2");
  }

  /** A usage concept with a label, definition and notation, and any further properties. */
  private static String usage(String id, String... properties) {
    return concept("usage", id, properties);
  }

  private static String concept(String scheme, String id, String... properties) {
    String label = id.equals("ai-training") ? "AI training" : id.replace('-', ' ');
    String more =
        Arrays.stream(properties)
            .map(property -> "    " + property + " ;\n")
            .collect(Collectors.joining());
    return scheme
        + ":"
        + id
        + " a skos:Concept ;\n"
        + "    skos:inScheme rrv:"
        + scheme
        + " ;\n"
        + "    skos:notation \""
        + id
        + "\" ;\n"
        + "    skos:prefLabel \""
        + label
        + "\"@en ;\n"
        + "    skos:definition \"What "
        + label
        + " means.\"@en ;\n"
        + more
        + "    .\n";
  }

  /** The concept without its lines of this property. */
  private static String without(String property, String concept) {
    return concept
        .lines()
        .filter(line -> !line.contains(property))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static String brokenRule(String term, String rule) {
    return "<" + term + "> breaks rule '" + rule + "'";
  }

  private static UsageVocabulary load(String concepts) {
    return UsageVocabulary.load(turtle(PREFIXES + EFFECTS + concepts), Lang.TURTLE);
  }

  private static Throwable catchLoad(String concepts) {
    try {
      load(concepts);
    } catch (InvalidVocabularyException e) {
      return e;
    }
    throw new AssertionError("The vocabulary loaded, but it should have been rejected");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String concepts) {
    return assertThatThrownBy(() -> load(concepts)).isInstanceOf(InvalidVocabularyException.class);
  }

  private static ByteArrayInputStream turtle(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
