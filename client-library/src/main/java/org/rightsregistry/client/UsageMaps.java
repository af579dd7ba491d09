package org.rightsregistry.client;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Immutable per-category maps kept in hierarchy order, so JSON output is stable. */
final class UsageMaps {

  private UsageMaps() {}

  /**
   * Returns an immutable copy in hierarchy order. A map this method made is returned as it is: it
   * cannot change, and every statement of a shared declaration would otherwise copy it again.
   */
  static Map<Usage, Effect> copyOf(Map<Usage, Effect> effects) {
    if (effects instanceof Frozen) {
      return effects;
    }
    if (effects.isEmpty()) {
      return Map.of();
    }
    EnumMap<Usage, Effect> copy = new EnumMap<>(Usage.class);
    effects.forEach(
        (usage, effect) -> {
          Checks.requireValue("usage category", usage);
          if (effect == null) {
            throw new IllegalArgumentException("effect for " + usage.id() + " must not be null");
          }
          copy.put(usage, effect);
        });
    return new Frozen(copy);
  }

  /**
   * Returns a map the caller built and gives up, as {@link #copyOf} would return it, without the
   * copy: the caller must not keep or change {@code effects}, which holds no null.
   */
  static Map<Usage, Effect> handedOver(EnumMap<Usage, Effect> effects) {
    return effects.isEmpty() ? Map.of() : new Frozen(effects);
  }

  /** A read-only view of a private EnumMap; equal to any map of the same entries. */
  private static final class Frozen extends AbstractMap<Usage, Effect> {
    private final EnumMap<Usage, Effect> effects;
    private final Map<Usage, Effect> view;

    Frozen(EnumMap<Usage, Effect> effects) {
      this.effects = effects;
      this.view = Collections.unmodifiableMap(effects);
    }

    @Override
    public Set<Entry<Usage, Effect>> entrySet() {
      return view.entrySet();
    }

    @Override
    public int size() {
      return effects.size();
    }

    @Override
    public boolean isEmpty() {
      return effects.isEmpty();
    }

    @Override
    public Effect get(Object key) {
      return effects.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return effects.containsKey(key);
    }

    @Override
    public Set<Usage> keySet() {
      return view.keySet();
    }
  }
}
