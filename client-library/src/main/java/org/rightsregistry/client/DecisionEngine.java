package org.rightsregistry.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Decides one item for one usage from the statements that bear on it. The engine is stateless and
 * shared by the client's offline checks and the registry server, so both give the same answer from
 * the same statements.
 *
 * <p>The caller has already matched the statements to the item (each statement carries the selector
 * that matched). The engine then:
 *
 * <ol>
 *   <li>ignores every statement that is not valid at the given instant ({@code validFrom}
 *       inclusive, {@code validUntil} exclusive);
 *   <li>lets a statement bear on the usage through the nearest category at or above it: the usage
 *       itself, else its broader category, and so on up; a statement naming none of these does not
 *       bear and is not evidence;
 *   <li>groups the bearing statements by rights holder (the named rights holder, else the
 *       declarant) and keeps each holder's winning statement: the most specific subject (an exact
 *       URL, hash or accession number, then a longer URL prefix, a shorter one, a longer domain, a
 *       shorter one), then the nearer category, then the newer (higher sequence);
 *   <li>decides between holders: any reservation gives {@link Verdict#DENY} (rule {@code
 *       reservation}, or {@code reservation-conflict} with {@code conflict} set when another holder
 *       allowed the use or required a licence); otherwise any licence requirement gives {@link
 *       Verdict#LICENCE_REQUIRED} (rule {@code licence-required}); otherwise {@link Verdict#ALLOW}
 *       (rule {@code allowed}); no bearing statement at all gives {@link Verdict#UNKNOWN} (rule
 *       {@code no-statement}).
 * </ol>
 *
 * <p>The decision's {@code categories} hold, for the usage and each broader category that some
 * valid statement names directly, the effect the same rules give when that category is the usage
 * asked about. Its {@code evidence} holds one entry per bearing statement, in the order given, with
 * the category it bore through; the winning statements that decided are marked decisive.
 *
 * <p>In-band signals ({@link Signal}) are a second, optional input. Without signals the decision is
 * exactly the registry-only one. With signals, each bears through the nearest category at or above
 * the usage that it names, like a statement, and then, in this order:
 *
 * <ol>
 *   <li>a registry reservation decides as above (the signals are added as evidence);
 *   <li>else any signal reserving the use gives {@link Verdict#DENY}, rule {@code
 *       signal-reservation}, with {@code conflict} set if the registry or another signal allowed it
 *       or required a licence;
 *   <li>else any {@link SignalOutcome#UNREACHABLE} signal (such as a robots.txt answered with 503)
 *       gives the caller's fail-closed verdict ({@code DENY} or {@code UNKNOWN}), rule {@code
 *       signal-unreadable}, with the reason;
 *   <li>else the registry's licence requirement or allowance decides;
 *   <li>else a signal requiring a licence gives {@link Verdict#LICENCE_REQUIRED}, and a signal
 *       allowing the use gives {@link Verdict#ALLOW}, rule {@code signal-allowed};
 *   <li>else {@link Verdict#UNKNOWN}, rule {@code no-statement}.
 * </ol>
 *
 * <p>Every signal becomes one piece of evidence after the registry's, in the order given, with its
 * raw value, location, meaning and outcome; a signal that says nothing on the usage, or a {@link
 * SignalOutcome#MALFORMED} one (which its standard says to treat as unset), is evidence without a
 * category. Categories that a read signal names are added to {@code categories}, the strictest
 * effect winning.
 */
public final class DecisionEngine {

  /** Creates an engine. It holds no state, so one instance can serve every thread. */
  public DecisionEngine() {}

  /**
   * Decides one item for one usage.
   *
   * @param item the item asked about
   * @param usage the usage asked about
   * @param statements the statements whose selectors matched the item, in any order
   * @param registrySequence the registry state the statements were read from
   * @param at the instant at which validity windows are judged
   * @return the decision with its evidence
   * @throws IllegalArgumentException if an argument is null or the sequence is negative
   */
  public Decision decide(
      Item item, Usage usage, List<Statement> statements, long registrySequence, Instant at) {
    Checks.requireValue("item", item);
    Checks.requireValue("usage", usage);
    Checks.requireValue("statements", statements);
    Checks.requireValue("at", at);
    if (registrySequence < 0) {
      throw new IllegalArgumentException(
          "registrySequence must be 0 or more, but was " + registrySequence);
    }

    List<Statement> valid = validAt(statements, at);
    List<Bearing> bearings = Bearing.on(usage, valid);
    Resolution resolution = Resolution.of(bearings);

    return new Decision(
        item,
        usage,
        resolution.verdict(),
        resolution.rule(),
        Explanations.of(usage, resolution),
        resolution.conflict(),
        OptionalLong.of(registrySequence),
        categories(usage, valid),
        evidence(bearings, resolution));
  }

  /**
   * Decides one item for one usage from registry statements and in-band signals.
   *
   * @param item the item asked about
   * @param usage the usage asked about
   * @param statements the statements whose selectors matched the item, in any order
   * @param signals the in-band signals read for the item, in the order they should be reported
   * @param registrySequence the registry state the statements were read from
   * @param at the instant at which validity windows are judged
   * @param onUnreadableSignal the verdict when a signal could not be checked: {@link Verdict#DENY}
   *     (fail closed, the usual choice) or {@link Verdict#UNKNOWN}
   * @return the decision with its evidence
   * @throws IllegalArgumentException if an argument is null, the sequence is negative or the
   *     fail-closed verdict is neither DENY nor UNKNOWN
   */
  public Decision decide(
      Item item,
      Usage usage,
      List<Statement> statements,
      List<Signal> signals,
      long registrySequence,
      Instant at,
      Verdict onUnreadableSignal) {
    Checks.requireValue("signals", signals);
    requireFailClosed(onUnreadableSignal);
    Decision registry = decide(item, usage, statements, registrySequence, at);
    if (signals.isEmpty()) {
      return registry;
    }
    for (Signal signal : signals) {
      Checks.requireValue("signal", signal);
    }
    return SignalResolution.combine(
        registry, signals, onUnreadableSignal, SignalResolution.bearing(usage, signals));
  }

  static Verdict requireFailClosed(Verdict verdict) {
    if (verdict != Verdict.DENY && verdict != Verdict.UNKNOWN) {
      throw new IllegalArgumentException(
          "onUnreadableSignal must be DENY or UNKNOWN, but was " + verdict);
    }
    return verdict;
  }

  private static List<Statement> validAt(List<Statement> statements, Instant at) {
    List<Statement> valid = new ArrayList<>(statements.size());
    for (Statement statement : statements) {
      if (Checks.requireValue("statement", statement).isValidAt(at)) {
        valid.add(statement);
      }
    }
    return valid;
  }

  private static Map<Usage, Effect> categories(Usage usage, List<Statement> valid) {
    Map<Usage, Effect> categories = new EnumMap<>(Usage.class);
    for (Usage category = usage; category != null; category = category.broaderOrNull()) {
      if (isNamed(category, valid)) {
        categories.put(category, Resolution.of(Bearing.on(category, valid)).effect());
      }
    }
    return categories;
  }

  private static boolean isNamed(Usage category, List<Statement> valid) {
    for (Statement statement : valid) {
      if (statement.usages().containsKey(category)) {
        return true;
      }
    }
    return false;
  }

  private static List<Evidence> evidence(List<Bearing> bearings, Resolution resolution) {
    List<Evidence> evidence = new ArrayList<>(bearings.size());
    for (Bearing bearing : bearings) {
      Statement statement = bearing.statement();
      evidence.add(
          new Evidence(
              Evidence.REGISTRY,
              statement.declarationId(),
              statement.sequence(),
              statement.recordedAt(),
              statement.declarant(),
              statement.rightsHolder(),
              statement.matched(),
              bearing.category(),
              bearing.effect(),
              statement.rightsStatement(),
              statement.trust(),
              resolution.isDecisive(bearing)));
    }
    return evidence;
  }
}
