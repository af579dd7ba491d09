package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageMapsTest {

  @Test
  void copyOf_anyMap_keepsHierarchyOrderAndEqualsTheOriginal() {
    Map<Usage, Effect> given = new LinkedHashMap<>();
    given.put(Usage.SEARCH_INDEXING, Effect.ALLOWED);
    given.put(Usage.AI_TRAINING, Effect.RESERVED);

    Map<Usage, Effect> copy = UsageMaps.copyOf(given);

    assertThat(copy).isEqualTo(given).hasSameHashCodeAs(given);
    assertThat(copy.keySet()).containsExactly(Usage.AI_TRAINING, Usage.SEARCH_INDEXING);
    assertThat(copy).hasToString(new java.util.EnumMap<>(given).toString());
  }

  @Test
  void copyOf_aMapItMadeBefore_isReturnedAsItIs() {
    // Every statement of a shared declaration used to copy the same usages again.
    Map<Usage, Effect> copy = UsageMaps.copyOf(Map.of(Usage.AI_TRAINING, Effect.RESERVED));

    assertThat(UsageMaps.copyOf(copy)).isSameAs(copy);
  }

  @Test
  void copyOf_result_cannotBeChangedInAnyWay() {
    Map<Usage, Effect> copy = UsageMaps.copyOf(Map.of(Usage.AI_TRAINING, Effect.RESERVED));

    assertThatThrownBy(() -> copy.put(Usage.AI_INFERENCE, Effect.ALLOWED))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.remove(Usage.AI_TRAINING))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue(Effect.ALLOWED))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.keySet().remove(Usage.AI_TRAINING))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(copy).containsExactly(Map.entry(Usage.AI_TRAINING, Effect.RESERVED));
  }

  @Test
  void copyOf_nullEffect_isRefusedNamingTheCategory() {
    Map<Usage, Effect> given = new HashMap<>();
    given.put(Usage.AI_TRAINING, null);

    assertThatThrownBy(() -> UsageMaps.copyOf(given))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("effect for ai-training must not be null");
  }
}
