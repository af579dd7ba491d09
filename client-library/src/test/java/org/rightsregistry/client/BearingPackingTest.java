package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Bearing#nearest} packs a distance and an effect in an int that verdict terms keep in a
 * byte: the vocabulary must stay within what that holds, or a new term fails here, not in a
 * verdict.
 */
class BearingPackingTest {

  @Test
  void everyEffectFitsInTwoBits_andTheDeepestDistanceInAByte() {
    assertThat(Effect.values().length).isLessThanOrEqualTo(4);
    int deepest = 0;
    for (Usage usage : Usage.values()) {
      int depth = 0;
      for (Usage category = usage; category != null; category = category.broaderOrNull()) {
        depth++;
      }
      deepest = Math.max(deepest, depth);
    }
    int largest = (deepest - 1) * 4 + Effect.values().length - 1;
    assertThat(largest).isLessThanOrEqualTo(Byte.MAX_VALUE);
    assertThat((int) (byte) largest).as("no wrap into NONE").isEqualTo(largest);
  }
}
