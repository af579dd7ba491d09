package org.rightsregistry.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code cases/spec-example-signals.json}: each signal in a specification example maps to the
 * category and effect its standard gives it. A case marked {@code skip} is reported as skipped with
 * its reason.
 */
class SpecExampleSignalsTest {

  private static final String CASES = "cases/spec-example-signals.json";

  private final SignalMappings mappings = UsageVocabulary.loadDefault().signalMappings();

  record Outcome(String category, String effect) {}

  @TestFactory
  Stream<DynamicTest> eachExampleSignalMapsAsItsStandardSays() throws IOException {
    return cases().stream()
        .map(
            testCase ->
                DynamicTest.dynamicTest(
                    testCase.get("description").asString(), () -> run(testCase)));
  }

  private void run(JsonNode testCase) throws IOException {
    String example = testCase.get("example").asString();
    String text =
        Files.readString(SharedData.file("spec-examples/" + example), StandardCharsets.UTF_8)
            .replace("\r", "");
    assertThat(text).as(example).contains(testCase.get("excerpt").asString());
    if (testCase.has("skip")) {
      abort(testCase.get("skip").asString());
    }

    String value = testCase.path("value").asString(null);
    List<Outcome> actual =
        mappings
            .lookup(testCase.get("standard").asString(), testCase.get("token").asString())
            .stream()
            .map(m -> new Outcome(m.category(), mappings.effectOf(m, value).orElse(null)))
            .sorted(Comparator.comparing(Outcome::category))
            .toList();
    List<Outcome> expected =
        testCase
            .get("expected")
            .valueStream()
            .map(
                node ->
                    new Outcome(node.get("category").asString(), node.get("effect").asString(null)))
            .toList();

    assertThat(actual).isEqualTo(expected);
  }

  private static List<JsonNode> cases() throws IOException {
    try (InputStream in = UsageVocabulary.openResource(CASES)) {
      return JsonMapper.shared().readTree(in).get("cases").valueStream().toList();
    }
  }
}
