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
 * that matched); a statement on all works of a party ({@link SelectorType#PARTY_WORKS}) matches an
 * item that a statement in force of the same holder matched through another selector (see {@link
 * Selector}). The engine then:
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
 *       shorter one, then all works of the holder), then the nearer category, then the newer
 *       (higher sequence);
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
 * SignalOutcome#MALFORMED} one, is evidence without a category. Categories that a read signal names
 * are added to {@code categories}, the strictest effect winning.
 *
 * <p>{@link #decide(DecisionRequest)} adds, in order: an unreachable registry gives the fail-closed
 * verdict (rule {@code registry-unreachable}); revoked or superseded statements and agreements are
 * ignored from their end; modality-restricted statements bear only on their modalities; the policy
 * profile decides which allowances count; a licence agreement to the requester replaces its
 * licensor's standing (rule {@code licensed}); a {@link SignalOutcome#MALFORMED} signal fails
 * closed like an unreachable one; a stale snapshot gives the fail-closed verdict (rule {@code
 * snapshot-stale}); and the profile maps a remaining UNKNOWN that no statement or signal gave (rule
 * {@code policy-default}) — never a fail-closed UNKNOWN such as an unreadable signal's. The
 * conformance suite's {@code SPEC.md} states these rules and its vectors make them exact.
 */
public final class DecisionEngine {

  /** Creates an engine. It holds no state, so one instance can serve every thread. */
  public DecisionEngine() {}

  /**
   * Decides one item for one usage from registry statements alone, against a live registry, with no
   * requester and no policy profile.
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
    requireSequence(registrySequence);
    return decide(
        DecisionRequest.builder(item, usage, at)
            .statements(statements)
            .registry(RegistryState.live(registrySequence))
            .build());
  }

  /**
   * Decides one item for one usage from registry statements and in-band signals, against a live
   * registry, with no requester and no policy profile.
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
    requireSequence(registrySequence);
    return decide(
        DecisionRequest.builder(item, usage, at)
            .statements(statements)
            .signals(signals)
            .registry(RegistryState.live(registrySequence))
            .failClosed(onUnreadableSignal)
            .build());
  }

  /**
   * Decides one item for one usage from everything a request holds; see the class description for
   * the order of the rules.
   *
   * @param request the question and what is known about the item
   * @return the decision with its evidence
   * @throws IllegalArgumentException if the request is null
   */
  public Decision decide(DecisionRequest request) {
    Checks.requireValue("request", request);
    if (!request.registry().reachable()) {
      return FailClosed.unreachable(request);
    }

    return finish(request, registryAndSignals(request));
  }

  /** The last steps, after the registry and the signals were weighed: freshness, then profile. */
  static Decision finish(DecisionRequest request, Decision decided) {
    if (request.registry().isStaleAt(request.at())) {
      return FailClosed.stale(request, decided);
    }
    return withProfile(request, decided);
  }

  static Verdict requireFailClosed(Verdict verdict) {
    if (verdict != Verdict.DENY && verdict != Verdict.UNKNOWN) {
      throw new IllegalArgumentException(
          "onUnreadableSignal must be DENY or UNKNOWN, but was " + verdict);
    }
    return verdict;
  }

  private static void requireSequence(long registrySequence) {
    if (registrySequence < 0) {
      throw new IllegalArgumentException(
          "registrySequence must be 0 or more, but was " + registrySequence);
    }
  }

  private static Decision registryAndSignals(DecisionRequest request) {
    if (request.statements().isEmpty()
        && request.agreements().isEmpty()
        && request.signals().isEmpty()) {
      return NothingBears.decision(request);
    }
    return weighed(request);
  }

  /** The full procedure; {@link NothingBears} keeps what it answers when given nothing. */
  static Decision weighed(DecisionRequest request) {
    Usage usage = request.usage();
    List<Statement> inForce = inForceAt(request.statements(), request.at());
    List<Agreement> granted = grantedToRequester(request);
    List<Bearing> bearings = Bearing.on(usage, inForce, request.item().modality());
    List<Licence> licences = licences(usage, granted);
    Resolution resolution = Resolution.of(bearings, licences, request.profile());

    Decision registry =
        new Decision(
            request.item(),
            usage,
            resolution.verdict(),
            resolution.rule(),
            Explanations.of(usage, resolution),
            resolution.conflict(),
            OptionalLong.of(request.registry().sequence()),
            categories(request, inForce, granted, resolution),
            evidence(bearings, resolution));
    if (request.signals().isEmpty()) {
      return registry;
    }
    return SignalResolution.combine(
        registry,
        request.signals(),
        request.failClosed(),
        SignalResolution.bearing(usage, request.signals()),
        request.profile());
  }

  private static Decision withProfile(DecisionRequest request, Decision decided) {
    PolicyProfile profile = request.profile();
    // A profile reads the absence of any signal; an UNKNOWN that says something could not be
    // checked (an unreadable signal) stays what it is, so nothing unchecked is ever allowed.
    if (profile == null
        || decided.verdict() != Verdict.UNKNOWN
        || !Decision.RULE_NO_STATEMENT.equals(decided.rule())) {
      return decided;
    }
    Verdict verdict = profile.whenNothingBears(request.usage());
    return new Decision(
        decided.item(),
        decided.usage(),
        verdict,
        Decision.RULE_POLICY_DEFAULT,
        Explanations.profileDefault(request.usage(), profile, verdict),
        decided.conflict(),
        decided.registrySequence(),
        decided.categories(),
        decided.evidence());
  }

  /** The statements in force; the list itself when all are, as the engine only reads it. */
  private static List<Statement> inForceAt(List<Statement> statements, Instant at) {
    int size = statements.size();
    int first = 0;
    while (first < size && statements.get(first).isInForceAt(at)) {
      first++;
    }
    if (first == size) {
      return statements;
    }
    List<Statement> inForce = new ArrayList<>(size - 1);
    inForce.addAll(statements.subList(0, first));
    for (int i = first + 1; i < size; i++) {
      Statement statement = statements.get(i);
      if (statement.isInForceAt(at)) {
        inForce.add(statement);
      }
    }
    return inForce;
  }

  /** The agreements in force that were granted to the requester; none for an anonymous one. */
  private static List<Agreement> grantedToRequester(DecisionRequest request) {
    if (request.agreements().isEmpty()) {
      return List.of();
    }
    List<Agreement> granted = new ArrayList<>();
    for (Agreement agreement : request.agreements()) {
      if (isGrantedTo(agreement, request.requester(), request.at())) {
        granted.add(agreement);
      }
    }
    return granted;
  }

  /** Whether an agreement was granted to the requester (null: anonymous) and is in force. */
  static boolean isGrantedTo(Agreement agreement, String requester, Instant at) {
    return agreement.licensee().id().equals(requester) && agreement.isInForceAt(at);
  }

  private static List<Licence> licences(Usage usage, List<Agreement> granted) {
    if (granted.isEmpty()) {
      return List.of();
    }
    List<Licence> licences = new ArrayList<>(granted.size());
    for (Agreement agreement : granted) {
      Usage category = agreement.covering(usage);
      if (category != null) {
        licences.add(new Licence(agreement, category));
      }
    }
    return licences;
  }

  /**
   * The effect per named category. The nearest named category at or above the usage needs no second
   * resolution: no statement or agreement names a category between the usage and it, so every
   * bearing and licence on it is the same as on the usage (but for distances all shorter by the
   * same number of steps, which changes no ranking), and so is its resolution, {@code asked}.
   */
  private static Map<Usage, Effect> categories(
      DecisionRequest request, List<Statement> inForce, List<Agreement> granted, Resolution asked) {
    EnumMap<Usage, Effect> categories = new EnumMap<>(Usage.class);
    Modality modality = request.item().modality();
    boolean nearest = true;
    for (Usage category = request.usage(); category != null; category = category.broaderOrNull()) {
      if (isNamed(category, inForce, granted)) {
        Resolution resolution =
            nearest
                ? asked
                : Resolution.of(
                    Bearing.on(category, inForce, modality),
                    licences(category, granted),
                    request.profile());
        nearest = false;
        Effect effect = resolution.effectOrNull();
        if (effect != null) {
          categories.put(category, effect);
        }
      }
    }
    return UsageMaps.handedOver(categories);
  }

  private static boolean isNamed(Usage category, List<Statement> inForce, List<Agreement> granted) {
    for (int i = 0; i < inForce.size(); i++) {
      if (inForce.get(i).usages().containsKey(category)) {
        return true;
      }
    }
    for (Agreement agreement : granted) {
      if (agreement.usages().contains(category)) {
        return true;
      }
    }
    return false;
  }

  private static List<Evidence> evidence(List<Bearing> bearings, Resolution resolution) {
    List<Evidence> evidence = new ArrayList<>(bearings.size() + resolution.licences().size());
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
    for (Licence licence : resolution.licences()) {
      evidence.add(
          Evidence.ofAgreement(
              licence.agreement(),
              licence.category(),
              resolution.decisiveLicences().contains(licence)));
    }
    return evidence;
  }
}
