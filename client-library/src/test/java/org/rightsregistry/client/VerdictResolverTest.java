package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rightsregistry.client.TestStatements.AT;
import static org.rightsregistry.client.TestStatements.ITEM;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public verdict-only resolver refuses what the engine it stands for refuses, as the engine
 * does: an IllegalArgumentException naming the argument, never a verdict from bad input.
 */
class VerdictResolverTest {

  private static final Signal UNREACHABLE =
      new Signal(
          Signal.SOURCE_ROBOTS_TAG,
          "",
          "header",
          "unreachable",
          Map.of(),
          SignalOutcome.UNREACHABLE,
          AT);

  private final DecisionEngine engine = new DecisionEngine();

  @Test
  void verdict_unreadableSignal_isTheFailClosedVerdictGiven_asTheEngineDecides() {
    for (Verdict onUnreadable : List.of(Verdict.DENY, Verdict.UNKNOWN)) {
      VerdictResolver resolver = new VerdictResolver();
      resolver.start(Usage.AI_TRAINING, null, AT, null, null);

      assertThat(resolver.verdict(List.of(UNREACHABLE), onUnreadable))
          .isEqualTo(onUnreadable)
          .isEqualTo(
              engine
                  .decide(
                      ITEM, Usage.AI_TRAINING, List.of(), List.of(UNREACHABLE), 1, AT, onUnreadable)
                  .verdict());
    }
  }

  @Test
  void verdict_failClosedVerdictOtherThanDenyOrUnknown_isRefusedAsTheEngineRefusesIt() {
    for (Verdict onUnreadable : new Verdict[] {Verdict.ALLOW, Verdict.LICENCE_REQUIRED, null}) {
      VerdictResolver resolver = new VerdictResolver();
      resolver.start(Usage.AI_TRAINING, null, AT, null, null);

      assertThatThrownBy(() -> resolver.verdict(List.of(UNREACHABLE), onUnreadable))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("onUnreadableSignal");
      assertThatThrownBy(() -> resolver.verdict(List.of(), onUnreadable))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("onUnreadableSignal");
      assertThatThrownBy(
              () ->
                  engine.decide(
                      ITEM,
                      Usage.AI_TRAINING,
                      List.of(),
                      List.of(UNREACHABLE),
                      1,
                      AT,
                      onUnreadable))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("onUnreadableSignal");
    }
  }

  @Test
  void nullArguments_areRefusedNamingThem() {
    VerdictResolver resolver = new VerdictResolver();

    assertThatThrownBy(() -> resolver.start(null, null, AT, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("usage");
    assertThatThrownBy(() -> resolver.start(Usage.AI_TRAINING, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at");

    resolver.start(Usage.AI_TRAINING, null, AT, null, null);
    assertThatThrownBy(() -> resolver.statement(null, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("terms");
    assertThatThrownBy(() -> resolver.licence(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agreement");
    assertThatThrownBy(() -> resolver.verdict(null, Verdict.DENY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signals");
    // Nothing refused changed the item being decided.
    assertThat(resolver.verdict(List.of(), Verdict.DENY)).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void verdict_beforeAnyStart_isRefused() {
    assertThatThrownBy(() -> new VerdictResolver().verdict(List.of(), Verdict.DENY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start");
  }
}
