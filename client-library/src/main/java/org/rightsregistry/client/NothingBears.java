package org.rightsregistry.client;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The answer when no statement, agreement or signal bears on an item, which is most answers a
 * crawler gets. Computing it through the full procedure costs lists, maps and an explanation per
 * item; here the full procedure runs once per usage and its verdict, rule and explanation are kept,
 * so the two cannot differ (a test compares them).
 */
final class NothingBears {

  private static final Item SAMPLE = Item.url("https://example.org/");
  private static final Map<Usage, Decision> ANSWERS = answers();

  private NothingBears() {}

  private static Map<Usage, Decision> answers() {
    Map<Usage, Decision> answers = new EnumMap<>(Usage.class);
    for (Usage usage : Usage.values()) {
      answers.put(
          usage,
          DecisionEngine.weighed(DecisionRequest.builder(SAMPLE, usage, Instant.EPOCH).build()));
    }
    return answers;
  }

  static Decision decision(DecisionRequest request) {
    Decision answer = ANSWERS.get(request.usage());
    return new Decision(
        request.item(),
        request.usage(),
        answer.verdict(),
        answer.rule(),
        answer.explanation(),
        false,
        OptionalLong.of(request.registry().sequence()),
        Map.of(),
        List.of());
  }
}
