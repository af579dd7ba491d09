package org.rightsregistry.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of the bearings on one usage: the counted statements, the winning statement of each
 * rights holder, the licences that replace their licensors' standing, then the verdict between
 * holders.
 *
 * @param verdict the verdict
 * @param rule the rule that decided
 * @param decisive the winning bearings that decided, in the order their holders first appear
 * @param overridden the winning bearings of holders whose allowance or licence a reservation
 *     outweighed
 * @param licences the licences that bore, each standing for its licensor
 * @param decisiveLicences the licences that decided (an ALLOW under licence)
 * @param overriddenLicences the licences a reservation by another holder outweighed
 */
record Resolution(
    Verdict verdict,
    String rule,
    List<Bearing> decisive,
    List<Bearing> overridden,
    List<Licence> licences,
    List<Licence> decisiveLicences,
    List<Licence> overriddenLicences) {

  /** Above this many holders, a holder's winner is found through a map rather than a scan. */
  private static final int SCANNED_HOLDERS = 8;

  static Resolution of(List<Bearing> bearings) {
    return of(bearings, List.of(), null);
  }

  static Resolution of(List<Bearing> bearings, List<Licence> licences, PolicyProfile profile) {
    Map<String, Licence> licensed = perLicensor(licences);
    List<Bearing> winners = winnersPerHolder(counted(bearings, profile), licensed);
    if (winners.isEmpty() && licensed.isEmpty()) {
      return none(licences);
    }
    List<Licence> standing = List.copyOf(licensed.values());

    List<Bearing> reserving = withEffect(winners, Effect.RESERVED, true);
    List<Bearing> licensing =
        reserving.isEmpty() ? withEffect(winners, Effect.LICENCE_REQUIRED, true) : List.of();
    Verdict verdict = between(!reserving.isEmpty(), !licensing.isEmpty(), true);
    if (verdict == Verdict.DENY) {
      List<Bearing> others = withEffect(winners, Effect.RESERVED, false);
      boolean conflict = !others.isEmpty() || !standing.isEmpty();
      String rule = conflict ? Decision.RULE_RESERVATION_CONFLICT : Decision.RULE_RESERVATION;
      return new Resolution(Verdict.DENY, rule, reserving, others, licences, List.of(), standing);
    }
    if (verdict == Verdict.LICENCE_REQUIRED) {
      return new Resolution(
          Verdict.LICENCE_REQUIRED,
          Decision.RULE_LICENCE_REQUIRED,
          licensing,
          List.of(),
          licences,
          List.of(),
          List.of());
    }
    String rule = standing.isEmpty() ? Decision.RULE_ALLOWED : Decision.RULE_LICENSED;
    return new Resolution(
        Verdict.ALLOW, rule, List.copyOf(winners), List.of(), licences, standing, List.of());
  }

  /**
   * The verdict between holders, from what their winning bearings and licences say: any
   * reservation, else any licence requirement, else any winner or licence at all (an allowance).
   *
   * @param reserved whether a holder's winner reserves the use
   * @param licenceRequired whether a holder's winner requires a licence
   * @param anyStanding whether any holder has a winner or licensed the requester
   */
  static Verdict between(boolean reserved, boolean licenceRequired, boolean anyStanding) {
    if (reserved) {
      return Verdict.DENY;
    }
    if (licenceRequired) {
      return Verdict.LICENCE_REQUIRED;
    }
    return anyStanding ? Verdict.ALLOW : Verdict.UNKNOWN;
  }

  private static Resolution none(List<Licence> licences) {
    return new Resolution(
        Verdict.UNKNOWN,
        Decision.RULE_NO_STATEMENT,
        List.of(),
        List.of(),
        licences,
        List.of(),
        List.of());
  }

  boolean conflict() {
    return !overridden.isEmpty() || !overriddenLicences.isEmpty();
  }

  /**
   * Whether a bearing equals one that decided. The same as {@code decisive.contains(bearing)}, but
   * the usual match is the very instance, and bearings of different sequence are never equal.
   */
  boolean isDecisive(Bearing bearing) {
    long sequence = bearing.statement().sequence();
    for (int i = 0; i < decisive.size(); i++) {
      Bearing winner = decisive.get(i);
      if (winner == bearing
          || winner.statement().sequence() == sequence && winner.equals(bearing)) {
        return true;
      }
    }
    return false;
  }

  /** The effect that the verdict stands for, as shown per category; null for UNKNOWN. */
  Effect effectOrNull() {
    switch (verdict) {
      case DENY:
        return Effect.RESERVED;
      case LICENCE_REQUIRED:
        return Effect.LICENCE_REQUIRED;
      case ALLOW:
        return Effect.ALLOWED;
      default:
        return null;
    }
  }

  /** The bearings the profile counts: every restriction, and the allowances it trusts. */
  private static List<Bearing> counted(List<Bearing> bearings, PolicyProfile profile) {
    if (profile == null) {
      return bearings;
    }
    List<Bearing> counted = new ArrayList<>(bearings.size());
    for (Bearing bearing : bearings) {
      if (counts(bearing, profile)) {
        counted.add(bearing);
      }
    }
    return counted;
  }

  static boolean counts(Bearing bearing, PolicyProfile profile) {
    return counts(bearing.effect(), bearing.statement().trust(), profile);
  }

  /** Whether a profile counts an effect declared at a trust level: restrictions always count. */
  static boolean counts(Effect effect, TrustLevel trust, PolicyProfile profile) {
    return profile == null || effect != Effect.ALLOWED || profile.countsAllowance(trust);
  }

  private static Map<String, Licence> perLicensor(List<Licence> licences) {
    if (licences.isEmpty()) {
      return Map.of();
    }
    Map<String, Licence> licensed = new LinkedHashMap<>();
    for (Licence licence : licences) {
      licensed.putIfAbsent(licence.licensorId(), licence);
    }
    return licensed;
  }

  /**
   * Each holder's winning bearing, in the order the holders first appear; a holder that licensed
   * the requester is left out. Few holders are found by a scan, many through an index by holder.
   */
  private static List<Bearing> winnersPerHolder(
      List<Bearing> bearings, Map<String, Licence> licensed) {
    List<Bearing> winners = new ArrayList<>(bearings.size());
    Map<String, Integer> byHolder = null;
    for (int i = 0; i < bearings.size(); i++) {
      Bearing bearing = bearings.get(i);
      String holder = bearing.holderId();
      if (licensed.containsKey(holder)) {
        continue;
      }
      int at;
      if (byHolder != null) {
        at = byHolder.getOrDefault(holder, -1);
      } else {
        at = indexOfHolder(winners, holder);
      }
      if (at < 0) {
        winners.add(bearing);
        if (byHolder != null) {
          byHolder.put(holder, winners.size() - 1);
        } else if (winners.size() > SCANNED_HOLDERS) {
          byHolder = new HashMap<>();
          for (int w = 0; w < winners.size(); w++) {
            byHolder.put(winners.get(w).holderId(), w);
          }
        }
      } else if (bearing.outranks(winners.get(at))) {
        winners.set(at, bearing);
      }
    }
    return winners;
  }

  private static int indexOfHolder(List<Bearing> winners, String holder) {
    for (int w = 0; w < winners.size(); w++) {
      if (winners.get(w).holderId().equals(holder)) {
        return w;
      }
    }
    return -1;
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
