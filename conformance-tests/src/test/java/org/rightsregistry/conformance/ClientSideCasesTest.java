package org.rightsregistry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Item;
import tools.jackson.databind.JsonNode;

/** The staging of client-side cases that no vector exercises yet: 503, odd reasons, limits. */
class ClientSideCasesTest {

  private static JsonNode unreachableCase(String reason) {
    return RegistryConnection.JSON.readTree(
        """
        {"state": {"sequence": 1, "unreachable": "%s"}, "usage": "ai-training",
         "failClosed": "UNKNOWN", "item": {"url": "https://example.org/a.jpg"},
         "at": "2026-06-01T12:00:00Z"}
        """
            .formatted(reason));
  }

  @Test
  void unreachable_answering503_failsClosedAsTheCaseSays() {
    JsonNode decision =
        ClientSideCases.unreachable(
            unreachableCase("HTTP 503"), Item.url("https://example.org/a.jpg"), List.of(), null);

    assertThat(decision.get("verdict").asString()).isEqualTo("UNKNOWN");
    assertThat(decision.get("rule").asString()).isEqualTo("registry-unreachable");
    assertThat(decision.get("explanation").asString()).contains("HTTP 503");
    assertThat(decision.has("registrySequence")).isFalse();
  }

  @Test
  void unreachable_forAReasonTheRunnerCannotStage_isNotExpressible() {
    assertThatThrownBy(
            () ->
                ClientSideCases.unreachable(
                    unreachableCase("DNS name not found"),
                    Item.url("https://example.org/a.jpg"),
                    List.of(),
                    null))
        .isInstanceOf(NotExpressible.class)
        .hasMessageContaining("DNS name not found");
  }

  @Test
  void snapshotLimits_requesterOrWindow_areNamedAndAPlainCaseRuns() {
    String plain =
        """
        {"state": {"sequence": 2, "snapshot": {"takenAt": "2026-05-30T12:00:00Z",
           "freshness": "PT24H"}, "declarations": [{"id": "d1",
           "recordedAt": "2026-01-01T00:00:00Z"%s}]},
         "usage": "ai-training", "item": {"url": "https://example.org/a.jpg"},
         "at": "2026-06-01T12:00:00Z"%s}
        """;
    JsonNode runs = RegistryConnection.JSON.readTree(plain.formatted("", ""));
    JsonNode requester =
        RegistryConnection.JSON.readTree(plain.formatted("", ", \"requester\": \"lab\""));
    JsonNode window =
        RegistryConnection.JSON.readTree(
            plain.formatted(", \"validUntil\": \"2026-07-01T00:00:00Z\"", ""));

    assertThat(ClientSideCases.snapshotLimits(runs)).isNull();
    assertThat(ClientSideCases.snapshotLimits(requester)).contains("anonymous requester");
    assertThat(ClientSideCases.snapshotLimits(window)).contains("validity windows");
  }
}
