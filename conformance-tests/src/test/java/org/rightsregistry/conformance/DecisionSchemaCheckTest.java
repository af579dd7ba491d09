package org.rightsregistry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The schema check the HTTP runner applies to every answer does catch a wrong answer. */
class DecisionSchemaCheckTest {

  private static final String ANSWER =
      """
      {"usage": "ai-training", "registrySequence": 3, "evaluatedAt": "2026-06-01T12:00:00Z",
       "decisions": [{"item": {"url": "https://example.org/a.jpg"}, "usage": "ai-training",
         "verdict": "DENY", "rule": "signal-reservation", "explanation": "A signal reserves it.",
         "conflict": false, "registrySequence": 3, "categories": {"ai-training": "reserved"},
         "evidence": [{"source": "robots-tag", "outcome": "read", "raw": "X-Robots-Tag: noai",
           "location": "https://example.org/a.jpg header", "meaning": "noai",
           "readAt": "2026-06-01T11:00:00Z", "category": "ai-training", "effect": "reserved",
           "decisive": true}]}]}
      """;

  @Test
  void violations_ofAConformingAnswer_areNone() {
    assertThat(DecisionSchemaCheck.violations(answer())).isEmpty();
  }

  @Test
  void violations_signalEvidenceWithAnUnknownFieldOrWithoutOutcome_areNamed() {
    JsonNode extra = answer();
    signalEvidence(extra).put("trustLevel", "self-asserted");
    JsonNode noOutcome = answer();
    signalEvidence(noOutcome).remove("outcome");

    assertThat(DecisionSchemaCheck.violations(extra))
        .anyMatch(line -> line.contains("/decisions/0/evidence/0") && line.contains("trustLevel"));
    assertThat(DecisionSchemaCheck.violations(noOutcome))
        .anyMatch(line -> line.contains("outcome"));
  }

  private static JsonNode answer() {
    return RegistryConnection.JSON.readTree(ANSWER);
  }

  private static ObjectNode signalEvidence(JsonNode answer) {
    return (ObjectNode) answer.get("decisions").get(0).get("evidence").get(0);
  }
}
