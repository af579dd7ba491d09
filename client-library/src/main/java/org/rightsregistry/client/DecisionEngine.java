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
