package org.rightsregistry.client;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Combines a registry decision with the in-band signals on the same item. The registry's own
 * reasoning is kept untouched; the signals add a reservation, a fail-closed outcome, or an
 * allowance where the registry knew nothing.
 */
final class SignalResolution {

  private static final int MAX_QUOTED = 300;

  private SignalResolution() {}

  /**
   * Combines a registry decision with signals. A profile that does not count self-asserted
   * allowances does not count a signal's allowance either: nobody verified who wrote it.
   */
  static Decision combine(
      Decision registry,
      List<Signal> signals,
      Verdict onUnreadable,
      List<Usage> bearing,
      PolicyProfile profile) {
    boolean countsAllowance = profile == null || profile.countsAllowance(null);
    List<Integer> reserving = indexes(signals, bearing, Effect.RESERVED);
    List<Integer> licensing = indexes(signals, bearing, Effect.LICENCE_REQUIRED);
    List<Integer> allowing =
        countsAllowance ? indexes(signals, bearing, Effect.ALLOWED) : List.of();
    List<Integer> unreachable = unreachable(signals);
    Usage usage = registry.usage();

    Outcome outcome =
        outcome(
            registry.verdict(),
            !reserving.isEmpty(),
            !unreachable.isEmpty(),
            !licensing.isEmpty(),
            !allowing.isEmpty());
    if (outcome == Outcome.REGISTRY_RESERVATION || outcome == Outcome.REGISTRY) {
      return with(registry, registry, signals, bearing, List.of(), countsAllowance);
    }
    if (outcome == Outcome.SIGNAL_RESERVATION) {
      boolean conflict = registry.verdict() != Verdict.UNKNOWN || !allowing.isEmpty();
      String explanation =
          sentence(signals.get(reserving.get(0)), "reserved", bearing, reserving.get(0))
              + others(reserving.size())
              + (conflict ? "; a reservation outweighs the differing statements" : "")
              + ".";
      Decision decided =
          decision(registry, Verdict.DENY, Decision.RULE_SIGNAL_RESERVATION, explanation, conflict);
      return with(decided, registry, signals, bearing, reserving, countsAllowance);
    }
    if (outcome == Outcome.UNREADABLE) {
      Signal first = signals.get(unreachable.get(0));
      String explanation =
          "The "
              + first.source()
              + " signal at "
              + brief(first.location())
              + " could not be read ("
              + brief(first.meaning())
              + "), so the item is treated as "
              + onUnreadable
              + " until it can be.";
      Decision decided =
          decision(registry, onUnreadable, Decision.RULE_SIGNAL_UNREADABLE, explanation, false);
      return with(decided, registry, signals, bearing, unreachable, countsAllowance);
    }
    if (outcome == Outcome.SIGNAL_LICENCE_REQUIRED) {
      String explanation =
          sentence(
                  signals.get(licensing.get(0)),
                  "requires a licence for",
                  bearing,
                  licensing.get(0))
              + ".";
      Decision decided =
          decision(
              registry,
              Verdict.LICENCE_REQUIRED,
              Decision.RULE_LICENCE_REQUIRED,
              explanation,
              false);
      return with(decided, registry, signals, bearing, licensing, countsAllowance);
    }
    if (outcome == Outcome.SIGNAL_ALLOWED) {
      String explanation =
          sentence(signals.get(allowing.get(0)), "allowed", bearing, allowing.get(0))
              + others(allowing.size())
              + ".";
      Decision decided =
          decision(registry, Verdict.ALLOW, Decision.RULE_SIGNAL_ALLOWED, explanation, false);
      return with(decided, registry, signals, bearing, allowing, countsAllowance);
    }
    if (outcome == Outcome.NOTHING) {
      String explanation =
          "No registry statement or in-band signal bears on "
              + usage.id()
              + " or a broader category for this item.";
      return with(
          decision(registry, Verdict.UNKNOWN, Decision.RULE_NO_STATEMENT, explanation, false),
          registry,
          signals,
          bearing,
          List.of(),
          countsAllowance);
    }
    return with(registry, registry, signals, bearing, List.of(), countsAllowance);
  }

  /** Which step decides once the registry and the signals were weighed. */
  enum Outcome {
    /** The registry reserved the use; signals are only evidence. */
    REGISTRY_RESERVATION,
    /** A signal reserved the use. */
    SIGNAL_RESERVATION,
    /** A signal could not be read: the fail-closed verdict. */
    UNREADABLE,
    /** Nothing in the registry, and a signal requires a licence. */
    SIGNAL_LICENCE_REQUIRED,
    /** Nothing in the registry, and a counted signal allows the use. */
    SIGNAL_ALLOWED,
    /** Neither the registry nor a signal bears: UNKNOWN, rule no-statement. */
    NOTHING,
    /** The registry's licence requirement or allowance stands. */
    REGISTRY
  }

  /** The step that decides, in the order the class describes. */
  static Outcome outcome(
      Verdict registry,
      boolean reserving,
      boolean unreachable,
      boolean licensing,
      boolean allowing) {
    if (registry == Verdict.DENY) {
      return Outcome.REGISTRY_RESERVATION;
    }
    if (reserving) {
      return Outcome.SIGNAL_RESERVATION;
    }
    if (unreachable) {
      return Outcome.UNREADABLE;
    }
    if (registry != Verdict.UNKNOWN) {
      return Outcome.REGISTRY;
    }
    if (licensing) {
      return Outcome.SIGNAL_LICENCE_REQUIRED;
    }
    return allowing ? Outcome.SIGNAL_ALLOWED : Outcome.NOTHING;
  }

  /**
   * The step that decides for a registry verdict and signals on a usage, found without building the
   * lists {@link #combine} reports: the same {@link #outcome} of the same facts.
   */
  static Outcome outcome(
      Verdict registry, List<Signal> signals, Usage usage, PolicyProfile profile) {
    boolean countsAllowance = profile == null || profile.countsAllowance(null);
    boolean reserving = false;
    boolean unreachable = false;
    boolean licensing = false;
    boolean allowing = false;
    for (int i = 0; i < signals.size(); i++) {
      Signal signal = signals.get(i);
      Usage category = nearest(usage, signal.usages());
      Effect effect = category == null ? null : signal.usages().get(category);
      reserving |= effect == Effect.RESERVED;
      licensing |= effect == Effect.LICENCE_REQUIRED;
      allowing |= effect == Effect.ALLOWED && countsAllowance;
      unreachable |= signal.outcome() != SignalOutcome.READ;
    }
    return outcome(registry, reserving, unreachable, licensing, allowing);
  }

  /** The category each signal bears through for the usage, or null; computed once per signal. */
  static List<Usage> bearing(Usage usage, List<Signal> signals) {
    List<Usage> categories = new ArrayList<>(signals.size());
    for (Signal signal : signals) {
      categories.add(nearest(usage, signal.usages()));
    }
    return categories;
  }

  private static Usage nearest(Usage usage, Map<Usage, Effect> usages) {
    for (Usage category = usage; category != null; category = category.broaderOrNull()) {
      if (usages.containsKey(category)) {
        return category;
      }
    }
    return null;
  }

  private static List<Integer> indexes(List<Signal> signals, List<Usage> bearing, Effect effect) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < signals.size(); i++) {
      Usage category = bearing.get(i);
      if (category != null && signals.get(i).usages().get(category) == effect) {
        found.add(i);
      }
    }
    return found;
  }

  /**
   * The signals that could not be checked: unreachable, or present but malformed. A malformed
   * signal might have been a reservation, so it fails closed like an unreachable one (PRODUCT.md
   * principle 6), although its own standard would read it as unset.
   */
  private static List<Integer> unreachable(List<Signal> signals) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < signals.size(); i++) {
      if (signals.get(i).outcome() != SignalOutcome.READ) {
        found.add(i);
      }
    }
    return found;
  }

  private static String sentence(Signal signal, String verb, List<Usage> bearing, int index) {
    Usage category = bearing.get(index);
    return "The "
        + signal.source()
        + " signal "
        + verb
        + " "
        + (category == null ? "this use" : category.id())
        + " for this item ("
        + brief(signal.meaning())
        + ", "
        + brief(signal.location())
        + ")";
  }

  /**
   * A signal's phrase as an explanation quotes it: shortened, so that the sentence stays within the
   * 2,000 characters the decision schema allows; the evidence keeps it whole.
   */
  private static String brief(String text) {
    return Checks.shortened(text, MAX_QUOTED);
  }

  private static String others(int count) {
    if (count <= 1) {
      return "";
    }
    return ", as did " + (count - 1) + " other signal" + (count == 2 ? "" : "s");
  }

  private static Decision decision(
      Decision registry, Verdict verdict, String rule, String explanation, boolean conflict) {
    return new Decision(
        registry.item(),
        registry.usage(),
        verdict,
        rule,
        explanation,
        conflict || registry.conflict(),
        registry.registrySequence(),
        registry.categories(),
        registry.evidence());
  }

  /** Adds the signals' categories and evidence to a decision. */
  private static Decision with(
      Decision decided,
      Decision registry,
      List<Signal> signals,
      List<Usage> bearing,
      List<Integer> decisive,
      boolean countsAllowance) {
    List<Evidence> evidence = new ArrayList<>(registry.evidence());
    boolean registryDecided = decided.rule().equals(registry.rule());
    if (!registryDecided) {
      evidence.replaceAll(SignalResolution::notDecisive);
    }
    for (int i = 0; i < signals.size(); i++) {
      Usage category = bearing.get(i);
      Effect effect = category == null ? null : signals.get(i).usages().get(category);
      evidence.add(Evidence.ofSignal(signals.get(i), category, effect, decisive.contains(i)));
    }
    return new Decision(
        decided.item(),
        decided.usage(),
        decided.verdict(),
        decided.rule(),
        decided.explanation(),
        decided.conflict(),
        decided.registrySequence(),
        categories(registry, signals, countsAllowance),
        evidence);
  }

  static Evidence notDecisive(Evidence e) {
    if (!e.decisive()) {
      return e;
    }
    return new Evidence(
        e.source(),
        e.declarationId(),
        e.sequence(),
        e.recordedAt(),
        e.declarant(),
        e.rightsHolder(),
        e.matched(),
        e.category(),
        e.effect(),
        e.rightsStatement(),
        e.trustLevel(),
        false,
        e.raw(),
        e.location(),
        e.meaning(),
        e.outcome());
  }

  /**
   * Per category named by the registry or a read signal, the effect as the verdict weighs the two:
   * the registry's reservation; else a signal's reservation; else the registry's licence
   * requirement or allowance; else the strictest signal (a licence requirement over an allowance).
   */
  private static Map<Usage, Effect> categories(
      Decision registry, List<Signal> signals, boolean countsAllowance) {
    Map<Usage, Effect> signalled = new EnumMap<>(Usage.class);
    for (Usage category = registry.usage(); category != null; category = category.broaderOrNull()) {
      for (Signal signal : signals) {
        Effect effect = signal.usages().get(category);
        if (effect != null && (countsAllowance || effect != Effect.ALLOWED)) {
          signalled.merge(category, effect, SignalResolution::stricter);
        }
      }
    }
    Map<Usage, Effect> categories = new EnumMap<>(Usage.class);
    categories.putAll(registry.categories());
    signalled.forEach(
        (category, effect) ->
            categories.merge(
                category,
                effect,
                (registered, fromSignals) ->
                    registered != Effect.RESERVED && fromSignals == Effect.RESERVED
                        ? fromSignals
                        : registered));
    return categories;
  }

  /** The stricter of two effects, as the decision ranks them: reserved, licence, allowed. */
  private static Effect stricter(Effect a, Effect b) {
    return strictness(a) >= strictness(b) ? a : b;
  }

  private static int strictness(Effect effect) {
    return switch (effect) {
      case RESERVED -> 2;
      case LICENCE_REQUIRED -> 1;
      case ALLOWED -> 0;
    };
  }
}
