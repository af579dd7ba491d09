package org.rightsregistry.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of the bearings on one usage: the winning statement of each rights holder, then the
 * verdict between holders.
 *
 * @param verdict the verdict
 * @param rule the rule that decided
 * @param decisive the winning bearings that decided, in the order their holders first appear
 * @param overridden the winning bearings of holders whose allowance or licence a reservation
 *     outweighed
 */
record Resolution(Verdict verdict, String rule, List<Bearing> decisive, List<Bearing> overridden) {

  private static final Resolution NONE =
      new Resolution(Verdict.UNKNOWN, Decision.RULE_NO_STATEMENT, List.of(), List.of());

  static Resolution of(List<Bearing> bearings) {
    if (bearings.isEmpty()) {
      return NONE;
    }
    Collection<Bearing> winners = winnersPerHolder(bearings);

    List<Bearing> reserving = withEffect(winners, Effect.RESERVED, true);
    if (!reserving.isEmpty()) {
      List<Bearing> others = withEffect(winners, Effect.RESERVED, false);
      String rule =
          others.isEmpty() ? Decision.RULE_RESERVATION : Decision.RULE_RESERVATION_CONFLICT;
      return new Resolution(Verdict.DENY, rule, reserving, others);
    }
    List<Bearing> licensing = withEffect(winners, Effect.LICENCE_REQUIRED, true);
    if (!licensing.isEmpty()) {
      return new Resolution(
          Verdict.LICENCE_REQUIRED, Decision.RULE_LICENCE_REQUIRED, licensing, List.of());
    }
    return new Resolution(Verdict.ALLOW, Decision.RULE_ALLOWED, List.copyOf(winners), List.of());
  }

  boolean conflict() {
    return !overridden.isEmpty();
  }

  boolean isDecisive(Bearing bearing) {
    return decisive.contains(bearing);
  }

  /** The effect that the verdict stands for, as shown per category. */
  Effect effect() {
    switch (verdict) {
      case DENY:
        return Effect.RESERVED;
      case LICENCE_REQUIRED:
        return Effect.LICENCE_REQUIRED;
      case ALLOW:
        return Effect.ALLOWED;
      default:
        throw new IllegalStateException("No statement bears, so there is no effect");
    }
  }

  private static Collection<Bearing> winnersPerHolder(List<Bearing> bearings) {
    Map<String, Bearing> winners = new LinkedHashMap<>();
    for (Bearing bearing : bearings) {
      winners.merge(
          bearing.holderId(),
          bearing,
          (current, candidate) -> candidate.outranks(current) ? candidate : current);
    }
    return winners.values();
  }

  private static List<Bearing> withEffect(
      Collection<Bearing> winners, Effect effect, boolean wanted) {
    List<Bearing> selected = new ArrayList<>(winners.size());
    for (Bearing winner : winners) {
      if ((winner.effect() == effect) == wanted) {
        selected.add(winner);
      }
    }
    return selected;
  }
}
