package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalTest {

  private static final String EMOJI = "\uD83D\uDE00";

  private static Signal withRaw(String raw) {
    return new Signal(
        Signal.SOURCE_ROBOTS_TAG,
        raw,
        "header X-Robots-Tag",
        "noai",
        Map.of(Usage.AI_TRAINING, Effect.RESERVED),
        SignalOutcome.READ,
        Instant.parse("2026-12-04T12:00:00Z"));
  }

  /** A code point a well-formed string never yields: half of a pair. */
  private static boolean isLoneSurrogate(int codePoint) {
    return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
  }

  /** Every prefix length puts the cut before, inside or after a surrogate pair somewhere. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 1998, 1999, 2000})
  void longRaw_isShortenedWithoutCuttingASurrogatePair(int leading) {
    String raw = "a".repeat(leading) + EMOJI.repeat(1500);

    String kept = withRaw(raw).raw();

    assertThat(kept).endsWith("…");
    assertThat(kept.length()).isLessThanOrEqualTo(2001);
    String body = kept.substring(0, kept.length() - 1);
    assertThat(raw).startsWith(body);
    assertThat(body.codePoints().noneMatch(SignalTest::isLoneSurrogate)).isTrue();
    assertThat(body.length()).isGreaterThanOrEqualTo(1999);
  }

  @ParameterizedTest
  @ValueSource(ints = {1999, 2000})
  void rawUpToTheLimit_isKeptWhole(int length) {
    String raw = "a".repeat(length - 2) + EMOJI;

    assertThat(withRaw(raw).raw()).isEqualTo(raw);
  }

  @ParameterizedTest
  @ValueSource(ints = {298, 299, 300})
  void explanationQuotingALongMeaning_isWellFormedUnicode(int leading) {
    Signal signal =
        new Signal(
            Signal.SOURCE_ROBOTS_TAG,
            "X-Robots-Tag: noai",
            "header X-Robots-Tag",
            "a".repeat(leading) + EMOJI.repeat(400),
            Map.of(Usage.AI_TRAINING, Effect.RESERVED),
            SignalOutcome.READ,
            Instant.parse("2026-12-04T12:00:00Z"));

    Decision decision =
        new DecisionEngine()
            .decide(
                DecisionRequest.builder(
                        Item.url("https://example.org/a.jpg"),
                        Usage.AI_TRAINING,
                        Instant.parse("2026-12-04T12:00:00Z"))
                    .signals(List.of(signal))
                    .registry(RegistryState.live(0))
                    .build());

    assertThat(decision.explanation()).contains("…");
    assertThat(decision.explanation().codePoints().noneMatch(SignalTest::isLoneSurrogate)).isTrue();
  }
}
