package org.rightsregistry.client;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Immutable per-category maps kept in hierarchy order, so JSON output is stable. */
final class UsageMaps {

  private UsageMaps() {}

  static Map<Usage, Effect> copyOf(Map<Usage, Effect> effects) {
    if (effects.isEmpty()) {
      return Map.of();
    }
    EnumMap<Usage, Effect> copy = new EnumMap<>(Usage.class);
    effects.forEach(
        (usage, effect) ->
            copy.put(
                Checks.requireValue("usage category", usage),
                Checks.requireValue("effect for " + usage.id(), effect)));
    return Collections.unmodifiableMap(copy);
  }
}
