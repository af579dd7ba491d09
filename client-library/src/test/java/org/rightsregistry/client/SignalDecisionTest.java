package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.wire.DecisionDocuments;

class SignalDecisionTest {

  private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");
  private static final Item ITEM = Item.url("https://example.org/a.jpg");
  private final DecisionEngine engine = new DecisionEngine();

  private static Signal signal(Map<Usage, Effect> usages, SignalOutcome outcome) {
    return new Signal(
        Signal.SOURCE_ROBOTS_TAG, "X-Robots-Tag: noai", "header", "noai", usages, outcome, AT);
  }

  @Test
  void noSignals_givesExactlyTheRegistryDecision() {
    Decision registryOnly = engine.decide(ITEM, Usage.AI_TRAINING, List.of(), 3, AT);
    Decision withEmpty =
        engine.decide(ITEM, Usage.AI_TRAINING, List.of(), List.of(), 3, AT, Verdict.DENY);
    assertThat(withEmpty).isEqualTo(registryOnly);
  }

  @Test
  void reservingSignal_deniesWithEvidence() {
    Decision decision =
        engine.decide(
            ITEM,
            Usage.GENERATIVE_AI_TRAINING,
            List.of(),
            List.of(signal(Map.of(Usage.AI_TRAINING, Effect.RESERVED), SignalOutcome.READ)),
            3,
            AT,
            Verdict.DENY);
    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.rule()).isEqualTo(Decision.RULE_SIGNAL_RESERVATION);
    Evidence evidence = decision.evidence().get(0);
    assertThat(evidence.category()).isEqualTo(Usage.AI_TRAINING);
    assertThat(evidence.decisive()).isTrue();
    assertThat(evidence.raw()).isEqualTo("X-Robots-Tag: noai");
  }

  @Test
  void unreachableSignal_failsClosedAsConfigured() {
    List<Signal> unreachable = List.of(signal(Map.of(), SignalOutcome.UNREACHABLE));
    assertThat(
            engine
                .decide(ITEM, Usage.AI_TRAINING, List.of(), unreachable, 3, AT, Verdict.DENY)
                .verdict())
        .isEqualTo(Verdict.DENY);
    Decision unknown =
        engine.decide(ITEM, Usage.AI_TRAINING, List.of(), unreachable, 3, AT, Verdict.UNKNOWN);
    assertThat(unknown.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(unknown.rule()).isEqualTo(Decision.RULE_SIGNAL_UNREADABLE);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                engine.decide(
                    ITEM, Usage.AI_TRAINING, List.of(), unreachable, 3, AT, Verdict.ALLOW));
  }

  // A malformed signal fails closed (PRODUCT.md principle 6: an unparsable signal leads to DENY or
  // UNKNOWN); it was evidence without effect before the conformance suite.
  @Test
  void malformedSignal_failsClosedAsConfigured() {
    Decision decision =
        engine.decide(
            ITEM,
            Usage.AI_TRAINING,
            List.of(),
            List.of(signal(Map.of(), SignalOutcome.MALFORMED)),
            3,
            AT,
            Verdict.DENY);
    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.rule()).isEqualTo(Decision.RULE_SIGNAL_UNREADABLE);
    assertThat(decision.evidence())
        .singleElement()
        .extracting(Evidence::outcome)
        .isEqualTo(SignalOutcome.MALFORMED);
  }

  @Test
  void signalEvidence_roundTripsThroughTheWireFormat() {
    Decision decision =
        engine.decide(
            ITEM,
            Usage.GENERATIVE_AI_TRAINING,
            List.of(),
            List.of(
                signal(Map.of(Usage.AI_TRAINING, Effect.RESERVED), SignalOutcome.READ),
                signal(Map.of(), SignalOutcome.MALFORMED)),
            3,
            AT,
            Verdict.DENY);
    var json = DecisionDocuments.toJson(decision);
    assertThat(json.get("evidence").get(0).has("declarationId")).isFalse();
    assertThat(json.get("evidence").get(0).get("outcome").stringValue()).isEqualTo("read");
    assertThat(DecisionDocuments.fromJson(json)).isEqualTo(decision);
  }

  // A signal's long meaning and location once made explanations longer than the decision schema's
  // 2,000 characters; the explanation quotes them shortened, the evidence keeps them whole.
  @Test
  void longMeaningAndLocation_areShortenedInTheExplanationOnly() {
    String meaning = "m".repeat(2000);
    String location = "l".repeat(4096);
    for (SignalOutcome outcome : List.of(SignalOutcome.READ, SignalOutcome.UNREACHABLE)) {
      Signal signal =
          new Signal(
              Signal.SOURCE_TDMREP,
              "",
              location,
              meaning,
              outcome == SignalOutcome.READ ? Map.of(Usage.AI_TRAINING, Effect.RESERVED) : Map.of(),
              outcome,
              AT);

      Decision decision =
          engine.decide(ITEM, Usage.AI_TRAINING, List.of(), List.of(signal), 3, AT, Verdict.DENY);

      assertThat(decision.explanation()).hasSizeLessThanOrEqualTo(2000).contains("m".repeat(300));
      assertThat(decision.evidence().get(0).meaning()).isEqualTo(meaning);
      assertThat(decision.evidence().get(0).location()).isEqualTo(location);
    }
  }
}
