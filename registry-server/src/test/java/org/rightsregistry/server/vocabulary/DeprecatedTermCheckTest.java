package org.rightsregistry.server.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.rightsregistry.server.Violation;
import org.rightsregistry.vocabulary.UsageVocabulary;
import tools.jackson.databind.json.JsonMapper;

/** A new declaration may not use a retired term; the refusal names the replacement. */
class DeprecatedTermCheckTest {

  @Test
  void refusesARetiredCategoryAndNamesItsReplacement() {
    DeprecatedTermCheck check = new DeprecatedTermCheck(withRetiredCategory());

    var violations =
        check.check(
            JsonMapper.shared()
                .readTree(
                    "{\"usages\": {\"machine-learning\": \"reserved\", "
                        + "\"ai-inference\": \"allowed\"}}"));

    assertThat(violations).extracting(Violation::field).containsExactly("/usages/machine-learning");
    assertThat(violations.get(0).message())
        .contains("'machine-learning' is retired", "'ai-training'");
  }

  @Test
  void acceptsEveryTermOfTheShippedVocabulary() {
    DeprecatedTermCheck check = new DeprecatedTermCheck(UsageVocabulary.loadDefault());

    assertThat(
            check.check(
                JsonMapper.shared()
                    .readTree("{\"usages\": {\"ai-training\": \"licence-required\"}}")))
        .isEmpty();
  }

  private static UsageVocabulary withRetiredCategory() {
    ByteArrayOutputStream shipped = new ByteArrayOutputStream();
    UsageVocabulary.loadDefault().write(shipped, Lang.NTRIPLES);
    String usage = "https://w3id.org/rights-registry/vocab/usage/";
    String retired =
        "<"
            + usage
            + "machine-learning> a <http://www.w3.org/2004/02/skos/core#Concept> ;"
            + " <http://www.w3.org/2004/02/skos/core#inScheme> <https://w3id.org/rights-registry/vocab/usage> ;"
            + " <http://www.w3.org/2004/02/skos/core#notation> \"machine-learning\" ;"
            + " <http://www.w3.org/2004/02/skos/core#prefLabel> \"Machine learning\"@en ;"
            + " <http://www.w3.org/2004/02/skos/core#definition> \"An earlier name for AI training.\"@en ;"
            + " <http://www.w3.org/2004/02/skos/core#broader> <"
            + usage
            + "text-and-data-mining> ;"
            + " <http://www.w3.org/2002/07/owl#deprecated> true ;"
            + " <http://purl.org/dc/terms/isReplacedBy> <"
            + usage
            + "ai-training> .\n";
    String turtle = shipped.toString(StandardCharsets.UTF_8) + retired;
    return UsageVocabulary.load(
        new ByteArrayInputStream(turtle.getBytes(StandardCharsets.UTF_8)), Lang.TURTLE);
  }
}
