package org.rightsregistry.client.offline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.rightsregistry.client.Agreement;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.DecisionEngine;
import org.rightsregistry.client.DecisionRequest;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.PolicyProfile;
import org.rightsregistry.client.RegistryState;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.Statement;
import org.rightsregistry.client.UrlIdentity;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;

/**
 * Checks items locally against a registry snapshot, at crawl speed and without a network.
 *
 * <pre>{@code
 * OfflineChecker checker = OfflineChecker.builder()
 *     .snapshotFile(Path.of("registry.snapshot"))
 *     .maxAge(Duration.ofHours(1))
 *     .build();
 * Decision decision = checker.check(Item.url("https://example.org/a.jpg"),
 *     Usage.GENERATIVE_AI_TRAINING);
 * }</pre>
 *
 * <p>The snapshot's selectors are matched as the registry server matches them and the same {@link
 * DecisionEngine} decides, so a decision equals the server's at the same registry sequence, which
 * every decision names. Once the snapshot is older than its freshness bound (counted from the
 * instant the registry was known to be at its sequence), nothing is allowed from it: every decision
 * is the configured fail-closed verdict (DENY unless told otherwise), rule {@value
 * #RULE_SNAPSHOT_STALE}, with the reason "stale" in the explanation; its categories and evidence
 * are still what the snapshot says, none of it decisive.
 *
 * <p>A checker is immutable and safe to share between threads.
 */
public final class OfflineChecker {

  /** Rule: the snapshot is older than its freshness bound, so the fail-closed verdict applies. */
  public static final String RULE_SNAPSHOT_STALE = "snapshot-stale";

  private final OfflineState state;
  private final DecisionEngine engine = new DecisionEngine();
  private final Clock clock;
  private final Duration maxAge;
  private final Verdict onStale;
  private final PolicyProfile profile;
  private final Instant staleAfter;

  /** How many items {@link #verdicts} reads ahead. */
  private static final int VERDICT_BLOCK = 16;

  /**
   * Where {@link #verdicts} leaves a sum of what it read ahead, so that the compiler keeps the
   * reads; its value means nothing, and threads may overwrite it in any order.
   */
  @SuppressWarnings("unused")
  private static int urlsRead;

  private OfflineChecker(Builder builder, OfflineState state) {
    this(state, builder.clock, builder.maxAge, builder.onStale, builder.profile);
  }

  private OfflineChecker(
      OfflineState state, Clock clock, Duration maxAge, Verdict onStale, PolicyProfile profile) {
    this.state = state;
    this.clock = clock;
    this.maxAge = maxAge;
    this.onStale = onStale;
    this.profile = profile;
    this.staleAfter = state.registryTime().plus(maxAge);
  }

  /** A checker with the same settings deciding from another state of the same copy. */
  OfflineChecker with(OfflineState newer) {
    return new OfflineChecker(newer, clock, maxAge, onStale, profile);
  }

  static OfflineChecker of(
      OfflineState state, Clock clock, Duration maxAge, Verdict onStale, PolicyProfile profile) {
    return new OfflineChecker(state, clock, maxAge, onStale, profile);
  }

  OfflineState state() {
    return state;
  }

  /**
   * Starts building a checker.
   *
   * @return a builder with every default set except the snapshot
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks one item for one usage.
   *
   * @param item the item; its URL and SHA-256 are normalised as the registry does
   * @param usage the usage meant
   * @return the decision, naming the snapshot's sequence number
   * @throws IllegalArgumentException if the item or usage is null, or the item's URL or SHA-256 is
   *     not valid
   */
  public Decision check(Item item, Usage usage) {
    return check(item, List.of(), usage);
  }

  /**
   * Checks one item for one usage, weighing the in-band signals read for it with the snapshot's
   * statements, as the registry weighs signals sent with a check.
   *
   * @param item the item; its URL and SHA-256 are normalised as the registry does
   * @param signals the signals read for the item, in the order they should be reported
   * @param usage the usage meant
   * @return the decision, naming the snapshot's sequence number
   * @throws IllegalArgumentException if an argument is null, or the item's URL or SHA-256 is not
   *     valid
   */
  public Decision check(Item item, List<Signal> signals, Usage usage) {
    if (item == null || usage == null || signals == null) {
      throw new IllegalArgumentException("item, signals and usage must not be null");
    }
    Item normal = normalise(item);
    Instant now = clock.instant();

    // The state gives statements and agreements in the order the registry records them, as the
    // engine reports evidence in the order it is given.
    List<Statement> statements = state.statementsFor(normal);
    List<Agreement> agreements = state.agreementsFor(normal, statements);
    if (agreements.isEmpty() && signals.isEmpty() && profile == null && !isStaleAt(now)) {
      return engine.decide(normal, usage, statements, state.sequence(), now);
    }
    return engine.decide(
        DecisionRequest.builder(normal, usage, now)
            .statements(statements)
            .agreements(agreements)
            .signals(signals)
            .requester(state.requester())
            .registry(RegistryState.snapshot(state.sequence(), state.registryTime(), maxAge))
            .profile(profile)
            .failClosed(onStale)
            .build());
  }

  private boolean isStaleAt(Instant now) {
    return now.isAfter(staleAfter);
  }

  /**
   * Returns the verdict of one item for one usage: always the verdict {@link #check(Item, Usage)}
   * gives, found without building the decision (no statements, evidence, explanation or
   * categories), for a caller that needs only the verdict at crawl speed. It is decided from this
   * checker's snapshot: {@link #registrySequence()} is the sequence it used. Past the freshness
   * bound it is the fail-closed verdict.
   *
   * @param item the item; its URL and SHA-256 are normalised as the registry does
   * @param usage the usage meant
   * @return the verdict
   * @throws IllegalArgumentException if the item or usage is null, or the item's URL or SHA-256 is
   *     not valid
   */
  public Verdict verdict(Item item, Usage usage) {
    return verdict(item, List.of(), usage);
  }

  /**
   * Returns the verdict of one item for one usage with the in-band signals read for it: always the
   * verdict {@link #check(Item, List, Usage)} gives, found without building the decision.
   *
   * @param item the item; its URL and SHA-256 are normalised as the registry does
   * @param signals the signals read for the item (an empty list for none)
   * @param usage the usage meant
   * @return the verdict
   * @throws IllegalArgumentException if an argument is null, or the item's URL or SHA-256 is not
   *     valid
   */
  public Verdict verdict(Item item, List<Signal> signals, Usage usage) {
    if (item == null || usage == null || signals == null) {
      throw new IllegalArgumentException("item, signals and usage must not be null");
    }
    return verdictAt(item, signals, usage, clock.instant());
  }

  /**
   * Returns the verdicts of items for one usage, each always the verdict {@link #verdict(Item,
   * Usage)} gives, all judged at one instant. Faster per item than asking one at a time: the items
   * are taken in blocks, and the URLs of a block are read before any of them is decided, so that
   * the memory waits of reading them overlap instead of coming one after another.
   *
   * @param items the items
   * @param usage the usage meant
   * @return one verdict per item, in the order of the items
   * @throws IllegalArgumentException if the list, an item or the usage is null, or an item's URL or
   *     SHA-256 is not valid
   */
  public Verdict[] verdicts(List<Item> items, Usage usage) {
    if (items == null || usage == null) {
      throw new IllegalArgumentException("items and usage must not be null");
    }
    Instant now = clock.instant();
    Verdict[] verdicts = new Verdict[items.size()];
    int read = 0;
    for (int start = 0; start < verdicts.length; start += VERDICT_BLOCK) {
      int end = Math.min(verdicts.length, start + VERDICT_BLOCK);
      for (int i = start; i < end; i++) {
        Item item = items.get(i);
        if (item == null) {
          throw new IllegalArgumentException("items must not hold null, but item " + i + " is");
        }
        String url = item.url();
        if (url != null && !url.isEmpty()) {
          read += url.charAt(0) + url.charAt(url.length() >> 1) + url.charAt(url.length() - 1);
        }
      }
      for (int i = start; i < end; i++) {
        verdicts[i] = verdictAt(items.get(i), List.of(), usage, now);
      }
    }
    // What was read must seem used, or the compiler may leave the early reads out.
    urlsRead = read;
    return verdicts;
  }

  private Verdict verdictAt(Item item, List<Signal> signals, Usage usage, Instant now) {
    for (int i = 0; i < signals.size(); i++) {
      if (signals.get(i) == null) {
        throw new IllegalArgumentException("element of signals must not be null");
      }
    }
    Item normal = normalise(item);
    if (isStaleAt(now)) {
      return onStale;
    }

    // The thread's scratch state is cleared after use, so that it never keeps an index alive.
    VerdictLookup lookup = VerdictLookup.take();
    try {
      lookup.resolver.start(usage, normal.modality(), now, profile, state.requester());
      state.resolve(normal, lookup);
      return lookup.resolver.verdict(signals, onStale);
    } finally {
      lookup.release();
    }
  }

  /**
   * Checks items for one usage.
   *
   * @param items the items
   * @param usage the usage meant
   * @return one decision per item, in the order of the items
   * @throws IllegalArgumentException if an item is null or not valid, or the usage is null
   */
  public List<Decision> checkAll(List<Item> items, Usage usage) {
    if (items == null) {
      throw new IllegalArgumentException("items must not be null");
    }
    return checkAll(items, Collections.nCopies(items.size(), List.of()), usage);
  }

  /**
   * Checks items for one usage, each with the in-band signals read for it.
   *
   * @param items the items
   * @param signals per item, in the same order, the signals read for it (an empty list for none)
   * @param usage the usage meant
   * @return one decision per item, in the order of the items
   * @throws IllegalArgumentException if an item or its signals are null or not valid, the two lists
   *     differ in length, or the usage is null
   */
  public List<Decision> checkAll(List<Item> items, List<List<Signal>> signals, Usage usage) {
    if (items == null || signals == null) {
      throw new IllegalArgumentException("items and signals must not be null");
    }
    if (signals.size() != items.size()) {
      throw new IllegalArgumentException(
          "signals must hold one list per item, but holds "
              + signals.size()
              + " for "
              + items.size()
              + " items");
    }
    List<Decision> decisions = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      decisions.add(check(items.get(i), signals.get(i), usage));
    }
    return Collections.unmodifiableList(decisions);
  }

  /**
   * Returns the registry sequence number of the snapshot the checker decides from.
   *
   * @return the sequence number every decision names
   */
  public long registrySequence() {
    return state.sequence();
  }

  /**
   * Returns when the registry was last known to be at the checker's sequence: the snapshot's
   * export, or the registry's clock at the head of the last change page applied.
   *
   * @return the instant the freshness bound counts from
   */
  public Instant exportedAt() {
    return state.registryTime();
  }

  /**
   * Returns the party whose licence agreements the checker counts, as the snapshot names it.
   *
   * @return the requester's party id, or null for a snapshot taken anonymously
   */
  public String requester() {
    return state.requester();
  }

  private static Item normalise(Item item) {
    String url = item.url() == null ? null : NormalForm.url(item.url());
    String sha256 = item.sha256() == null ? null : UrlIdentity.normaliseSha256(item.sha256());
    if (url == item.url() && sha256 == item.sha256()) {
      return item;
    }
    return new Item(url, sha256, item.accession(), item.modality());
  }

  /** Builds an {@link OfflineChecker}; every setting but the snapshot has a default. */
  public static final class Builder {

    private Snapshot snapshot;
    private Path snapshotFile;
    private Clock clock = Clock.systemUTC();
    private Duration maxAge = Duration.ofHours(24);
    private Verdict onStale = Verdict.DENY;
    private PolicyProfile profile;

    private Builder() {}

    /**
     * Decides from a snapshot in memory. Either this or {@link #snapshotFile} is required.
     *
     * @param snapshot the snapshot
     * @return this builder
     * @throws IllegalArgumentException if the snapshot is null
     */
    public Builder snapshot(Snapshot snapshot) {
      if (snapshot == null) {
        throw new IllegalArgumentException("snapshot must not be null");
      }
      this.snapshot = snapshot;
      this.snapshotFile = null;
      return this;
    }

    /**
     * Decides from a snapshot file, read by {@link #build} straight into the index.
     *
     * @param file a file written by {@link SnapshotFormat#save}
     * @return this builder
     * @throws IllegalArgumentException if the file is null
     */
    public Builder snapshotFile(Path file) {
      if (file == null) {
        throw new IllegalArgumentException("snapshotFile must not be null");
      }
      this.snapshotFile = file;
      this.snapshot = null;
      return this;
    }

    /**
     * Sets the clock that judges freshness and validity windows. Default: the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     * @throws IllegalArgumentException if the clock is null
     */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = clock;
      return this;
    }

    /**
     * Sets the freshness bound: how long after its export a snapshot may be decided from. Default:
     * 24 hours.
     *
     * @param maxAge a positive duration
     * @return this builder
     * @throws IllegalArgumentException if the duration is null, zero or negative
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = Settings.positive("maxAge", maxAge);
      return this;
    }

    /**
     * Sets the verdict for every item once the snapshot is stale. Default: DENY.
     *
     * @param verdict {@link Verdict#DENY} or {@link Verdict#UNKNOWN}
     * @return this builder
     * @throws IllegalArgumentException if the verdict is neither
     */
    public Builder onStale(Verdict verdict) {
      this.onStale = Settings.failClosed("onStale", verdict);
      return this;
    }

    /**
     * Sets the requester's policy profile: how an item on which nothing in the snapshot bears is
     * read, and which allowances count. Default: none, so such an item stays UNKNOWN.
     *
     * @param profile the profile, or null for none
     * @return this builder
     */
    public Builder profile(PolicyProfile profile) {
      this.profile = profile;
      return this;
    }

    /**
     * Builds the checker, reading the snapshot file if one was given.
     *
     * @return the checker
     * @throws IllegalStateException if no snapshot was given
     * @throws SnapshotFormatException if the snapshot file is truncated or corrupted
     * @throws java.io.UncheckedIOException if the snapshot file cannot be read
     */
    public OfflineChecker build() {
      if (snapshot == null && snapshotFile == null) {
        throw new IllegalStateException(
            "An offline checker needs a snapshot: call snapshot(...) or snapshotFile(...)");
      }
      return new OfflineChecker(this, snapshot != null ? of(snapshot) : load(snapshotFile));
    }

    static OfflineState of(Snapshot snapshot) {
      return OfflineState.of(
          OfflineIndex.of(snapshot), snapshot.requester(), snapshot.agreements());
    }

    /** Reads a snapshot file straight into the index, without holding its declarations. */
    static OfflineState load(Path file) {
      OfflineIndex.Builder builder = OfflineIndex.builder();
      List<SnapshotAgreement> agreements = new ArrayList<>();
      SnapshotFormat.Header header =
          SnapshotFormat.read(
              file,
              new SnapshotFormat.Sink() {
                @Override
                public void declaration(
                    String id,
                    long sequence,
                    Instant recordedAt,
                    DeclarationTerms terms,
                    List<org.rightsregistry.client.Selector> subjects) {
                  builder.declaration(id, sequence, recordedAt, terms, subjects);
                }

                @Override
                public void agreement(SnapshotAgreement agreement) {
                  agreements.add(agreement);
                }
              });
      OfflineIndex index = builder.position(header.sequence(), header.exportedAt()).build();
      return OfflineState.of(index, header.requester(), agreements);
    }
  }
}
