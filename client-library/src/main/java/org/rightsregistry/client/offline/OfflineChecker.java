package org.rightsregistry.client.offline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.DecisionEngine;
import org.rightsregistry.client.Item;
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
 * #RULE_SNAPSHOT_STALE}, with the reason "stale" in the explanation.
 *
 * <p>A checker is immutable and safe to share between threads.
 */
public final class OfflineChecker {

  /** Rule: the snapshot is older than its freshness bound, so the fail-closed verdict applies. */
  public static final String RULE_SNAPSHOT_STALE = "snapshot-stale";

  private final OfflineIndex index;
  private final DecisionEngine engine = new DecisionEngine();
  private final Clock clock;
  private final Duration maxAge;
  private final Instant staleAfter;
  private final Verdict onStale;

  private OfflineChecker(Builder builder, OfflineIndex index) {
    this.index = index;
    this.clock = builder.clock;
    this.maxAge = builder.maxAge;
    this.staleAfter = index.exportedAt().plus(builder.maxAge);
    this.onStale = builder.onStale;
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
    if (item == null || usage == null) {
      throw new IllegalArgumentException("item and usage must not be null");
    }
    Item normal = normalise(item);
    Instant now = clock.instant();
    if (now.isAfter(staleAfter)) {
      return stale(normal, usage, now);
    }

    List<Statement> statements = index.statementsFor(normal);
    return engine.decide(normal, usage, inRecordingOrder(statements), index.sequence(), now);
  }

  /**
   * The engine reports evidence in the order it is given; the registry gives it in the order the
   * statements were recorded, so the same item gets the same decision online and offline.
   */
  private static List<Statement> inRecordingOrder(List<Statement> statements) {
    if (statements.size() < 2) {
      return statements;
    }
    List<Statement> ordered = new ArrayList<>(statements);
    ordered.sort(Comparator.comparingLong(Statement::sequence));
    return ordered;
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
    List<Decision> decisions = new ArrayList<>(items.size());
    for (Item item : items) {
      decisions.add(check(item, usage));
    }
    return Collections.unmodifiableList(decisions);
  }

  /**
   * Returns the registry sequence number of the snapshot the checker decides from.
   *
   * @return the sequence number every decision names
   */
  public long registrySequence() {
    return index.sequence();
  }

  /**
   * Returns when the registry was last known to be at the snapshot's sequence.
   *
   * @return the instant the freshness bound counts from
   */
  public Instant exportedAt() {
    return index.exportedAt();
  }

  private static Item normalise(Item item) {
    String url = item.url() == null ? null : NormalForm.url(item.url());
    String sha256 = item.sha256() == null ? null : UrlIdentity.normaliseSha256(item.sha256());
    if (url == item.url() && sha256 == item.sha256()) {
      return item;
    }
    return new Item(url, sha256, item.accession(), item.modality());
  }

  private Decision stale(Item item, Usage usage, Instant now) {
    String explanation =
        "The local registry snapshot is stale: it shows registry sequence "
            + index.sequence()
            + " as of "
            + index.exportedAt()
            + ", older than its freshness bound of "
            + maxAge
            + " at "
            + now
            + ", so "
            + onStale
            + " applies until the snapshot is brought up to date.";
    return new Decision(
        item,
        usage,
        onStale,
        RULE_SNAPSHOT_STALE,
        explanation,
        false,
        OptionalLong.of(index.sequence()),
        Map.of(),
        List.of());
  }

  /** Builds an {@link OfflineChecker}; every setting but the snapshot has a default. */
  public static final class Builder {

    private Snapshot snapshot;
    private Path snapshotFile;
    private Clock clock = Clock.systemUTC();
    private Duration maxAge = Duration.ofHours(24);
    private Verdict onStale = Verdict.DENY;

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
      if (maxAge == null || maxAge.isZero() || maxAge.isNegative()) {
        throw new IllegalArgumentException(
            "maxAge must be a positive duration such as PT1H, but was " + maxAge);
      }
      this.maxAge = maxAge;
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
      if (verdict != Verdict.DENY && verdict != Verdict.UNKNOWN) {
        throw new IllegalArgumentException(
            "onStale must be DENY or UNKNOWN, so that nothing stale is allowed, but was "
                + verdict);
      }
      this.onStale = verdict;
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
      return new OfflineChecker(this, snapshot != null ? OfflineIndex.of(snapshot) : load());
    }

    private OfflineIndex load() {
      OfflineIndex.Builder builder = OfflineIndex.builder();
      SnapshotFormat.Header header = SnapshotFormat.read(snapshotFile, builder);
      return builder.position(header.sequence(), header.exportedAt()).build();
    }
  }
}
