package org.rightsregistry.client;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The verdict alone, by the steps of {@link DecisionEngine}, for a host that finds the statements
 * bearing on an item in its own index and needs only the verdict, at crawl speed: nothing is
 * allocated per statement, and no evidence, explanation or categories are built. The offline
 * checker's {@code verdict} runs on it.
 *
 * <p>The host describes each declaration's terms once ({@link Terms#of}); per item it calls {@link
 * #start}, then {@link #statement} for every selector of a declaration that matched the item (as
 * {@link DecisionEngine} would be given a {@link Statement}), {@link #licence} for every agreement
 * whose covered subject matched, and {@link #verdict}. The bearing of a statement, the ranking
 * within one holder, which allowances a profile counts, the choice between holders, the licences,
 * the signals and the profile's default are the engine's own code, so the verdict equals {@code
 * decide(request).verdict()} for the same inputs; the host judges freshness itself (a stale
 * snapshot gives its fail-closed verdict whatever this says).
 *
 * <p>A resolver keeps its state between {@link #start} and {@link #verdict}: use one per thread.
 */
public final class VerdictResolver {

  private static final int MODALITY_SLOTS = Modality.values().length + 1;

  private Usage usage;
  private int slotBase;
  private Instant at;
  private PolicyProfile profile;
  private String requester;

  private String[] holders = new String[8];
  private long[] ranks = new long[8];
  private int[] distances = new int[8];
  private long[] sequences = new long[8];
  private Effect[] effects = new Effect[8];
  private int winners;

  private String[] licensors = new String[4];
  private int licensed;

  /** Creates a resolver; it is reused for item after item. */
  public VerdictResolver() {}

  /**
   * Returns the specificity rank of a matched selector: a higher rank is more specific.
   *
   * @param type the selector's type
   * @param valueLength the length of its value (only URL prefixes and domains are ranked by it)
   * @return the rank to pass to {@link #statement}
   */
  public static long specificity(SelectorType type, int valueLength) {
    return Specificity.rank(type, valueLength);
  }

  /**
   * Starts deciding one item for one usage, forgetting the previous item.
   *
   * @param usage the usage asked about
   * @param modality the item's modality, or null when unknown
   * @param at the evaluation time: validity windows and agreements are judged at it
   * @param profile the requester's policy profile, or null for none
   * @param requester the party asking, or null for an anonymous requester
   * @return this resolver
   * @throws IllegalArgumentException if the usage or the evaluation time is null
   */
  public VerdictResolver start(
      Usage usage, Modality modality, Instant at, PolicyProfile profile, String requester) {
    Checks.requireValue("usage", usage);
    Checks.requireValue("at", at);
    this.usage = usage;
    this.slotBase = slot(usage, modality);
    this.at = at;
    this.profile = profile;
    this.requester = requester;
    Arrays.fill(holders, 0, winners, null);
    Arrays.fill(licensors, 0, licensed, null);
    winners = 0;
    licensed = 0;
    return this;
  }

  /**
   * Weighs one declaration that matched the item through one selector; as the engine, a statement
   * out of force, or not bearing on the usage or modality, or an allowance the profile does not
   * count, changes nothing.
   *
   * @param terms the declaration's terms
   * @param specificity the rank of the selector that matched ({@link #specificity})
   * @param sequence the declaration's registry sequence number
   * @throws IllegalArgumentException if the terms are null
   */
  public void statement(Terms terms, long specificity, long sequence) {
    Checks.requireValue("terms", terms);
    int nearest = terms.bearings[slotBase];
    if (nearest == Bearing.NONE || !terms.alwaysInForce && !terms.prototype.isInForceAt(at)) {
      return;
    }
    Effect effect = Bearing.effectOf(nearest);
    if (!Resolution.counts(effect, terms.prototype.trust(), profile)) {
      return;
    }
    int distance = Bearing.distanceOf(nearest);
    int winner = indexOf(terms.holderId);
    if (winner < 0) {
      add(terms.holderId, specificity, distance, sequence, effect);
    } else if (Bearing.outranks(
        specificity, distance, sequence, ranks[winner], distances[winner], sequences[winner])) {
      ranks[winner] = specificity;
      distances[winner] = distance;
      sequences[winner] = sequence;
      effects[winner] = effect;
    }
  }

  /**
   * Weighs one agreement whose covered subject matched the item: granted to the requester, in force
   * and covering the usage, it replaces its licensor's standing.
   *
   * @param agreement the agreement
   * @throws IllegalArgumentException if the agreement is null
   */
  public void licence(Agreement agreement) {
    Checks.requireValue("agreement", agreement);
    if (!DecisionEngine.isGrantedTo(agreement, requester, at)
        || agreement.covering(usage) == null) {
      return;
    }
    String licensor = agreement.licensor().id();
    for (int i = 0; i < licensed; i++) {
      if (licensors[i].equals(licensor)) {
        return;
      }
    }
    if (licensed == licensors.length) {
      licensors = Arrays.copyOf(licensors, licensed * 2);
    }
    licensors[licensed++] = licensor;
  }

  /**
   * Returns the verdict of what was weighed since {@link #start}, with the in-band signals read for
   * the item, before any freshness judgement.
   *
   * @param signals the signals read for the item (an empty list for none)
   * @param onUnreadableSignal the verdict when a signal could not be read: DENY or UNKNOWN
   * @return the verdict the engine gives
   * @throws IllegalArgumentException if the signals are null, or the fail-closed verdict is neither
   *     DENY nor UNKNOWN (as {@link DecisionEngine} refuses them)
   * @throws IllegalStateException if no item was {@link #start started}
   */
  public Verdict verdict(List<Signal> signals, Verdict onUnreadableSignal) {
    Checks.requireValue("signals", signals);
    DecisionEngine.requireFailClosed(onUnreadableSignal);
    if (usage == null) {
      throw new IllegalStateException("No item is being decided: call start first");
    }
    boolean reserved = false;
    boolean licenceRequired = false;
    boolean anyStanding = licensed > 0;
    for (int i = 0; i < winners; i++) {
      if (!isLicensor(holders[i])) {
        anyStanding = true;
        reserved |= effects[i] == Effect.RESERVED;
        licenceRequired |= effects[i] == Effect.LICENCE_REQUIRED;
      }
    }
    Verdict registry = Resolution.between(reserved, licenceRequired, anyStanding);
    if (signals.isEmpty()) {
      return withProfile(registry);
    }
    switch (SignalResolution.outcome(registry, signals, usage, profile)) {
      case REGISTRY_RESERVATION:
      case SIGNAL_RESERVATION:
        return Verdict.DENY;
      case UNREADABLE:
        return onUnreadableSignal;
      case SIGNAL_LICENCE_REQUIRED:
        return Verdict.LICENCE_REQUIRED;
      case SIGNAL_ALLOWED:
        return Verdict.ALLOW;
      case NOTHING:
        return withProfile(Verdict.UNKNOWN);
      default:
        return registry;
    }
  }

  /** A profile reads only an UNKNOWN on which nothing bears, as the engine's last step. */
  private Verdict withProfile(Verdict verdict) {
    return verdict == Verdict.UNKNOWN && profile != null
        ? profile.whenNothingBears(usage)
        : verdict;
  }

  private boolean isLicensor(String holder) {
    for (int i = 0; i < licensed; i++) {
      if (licensors[i].equals(holder)) {
        return true;
      }
    }
    return false;
  }

  private int indexOf(String holder) {
    for (int i = 0; i < winners; i++) {
      if (holders[i].equals(holder)) {
        return i;
      }
    }
    return -1;
  }

  private void add(String holder, long rank, int distance, long sequence, Effect effect) {
    if (winners == holders.length) {
      int capacity = winners * 2;
      holders = Arrays.copyOf(holders, capacity);
      ranks = Arrays.copyOf(ranks, capacity);
      distances = Arrays.copyOf(distances, capacity);
      sequences = Arrays.copyOf(sequences, capacity);
      effects = Arrays.copyOf(effects, capacity);
    }
    holders[winners] = holder;
    ranks[winners] = rank;
    distances[winners] = distance;
    sequences[winners] = sequence;
    effects[winners] = effect;
    winners++;
  }

  private static int slot(Usage usage, Modality modality) {
    return usage.ordinal() * MODALITY_SLOTS + (modality == null ? 0 : modality.ordinal() + 1);
  }

  /**
   * What a declaration's terms mean for verdicts, worked out once: for every usage and modality the
   * engine's bearing, its rights holder, trust and validity.
   */
  public static final class Terms {

    private final Statement prototype;
    private final String holderId;
    private final String worksOwner;
    private final boolean alwaysInForce;
    private final byte[] bearings;

    /** The same terms at the self-asserted level, made when first asked for. */
    private volatile Terms selfAsserted;

    private Terms(Statement prototype) {
      this.prototype = prototype;
      this.holderId = prototype.holder().id();
      this.worksOwner = prototype.worksOwner();
      this.alwaysInForce =
          prototype.validFrom() == null
              && prototype.validUntil() == null
              && prototype.endedAt() == null;
      this.bearings = new byte[Usage.values().length * MODALITY_SLOTS];
      for (Usage usage : Usage.values()) {
        bearings[slot(usage, null)] = (byte) Bearing.nearest(prototype, usage, null);
        for (Modality modality : Modality.values()) {
          bearings[slot(usage, modality)] = (byte) Bearing.nearest(prototype, usage, modality);
        }
      }
    }

    /**
     * Describes the terms of a declaration by a statement of it: its parties, usages, trust,
     * validity, modalities and end; its id, sequence and matched selector are not read.
     *
     * @param statement a statement of the declaration
     * @return the terms
     * @throws IllegalArgumentException if the statement is null
     */
    public static Terms of(Statement statement) {
      return new Terms(Checks.requireValue("statement", statement));
    }

    /**
     * Returns the party that made the declaration (the principal when an agent declared for it).
     *
     * @return the declarant's id
     */
    public String declarantId() {
      return prototype.declarant().id();
    }

    /**
     * Returns the same terms as the registry weighs them once an operator has suspended their
     * declarant: self-asserted, whatever level they were recorded with.
     *
     * @return these terms if they are self-asserted already, else the lowered terms (made once)
     */
    public Terms selfAsserted() {
      if (prototype.trust() == TrustLevel.SELF_ASSERTED) {
        return this;
      }
      Terms lowered = selfAsserted;
      if (lowered == null) {
        // Terms are immutable, so two threads that both make them make equal ones.
        lowered = new Terms(prototype.withTrust(TrustLevel.SELF_ASSERTED));
        selfAsserted = lowered;
      }
      return lowered;
    }

    /**
     * Returns whose work the declaration makes the items it names through a subject other than all
     * works of a party, as {@link Statement#worksOwner} says.
     *
     * @return the declarant's id if it is the holder, else null
     */
    public String worksOwner() {
      return worksOwner;
    }
  }
}
