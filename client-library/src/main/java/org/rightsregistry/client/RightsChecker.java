package org.rightsregistry.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.rightsregistry.client.offline.OfflineChecker;
import org.rightsregistry.client.offline.OfflineReplica;

/**
 * Checks items against a Rights Registry: the entry point of the library.
 *
 * <pre>{@code
 * RightsChecker checker = RightsChecker.builder()
 *     .registry(URI.create("https://registry.example/"))
 *     .build();
 * Decision decision = checker.check(Item.url("https://example.org/a.jpg"),
 *     Usage.GENERATIVE_AI_TRAINING);
 * }</pre>
 *
 * <p>It never silently allows what it could not check: when the registry cannot be reached, times
 * out, answers 5xx, 408 or 429, or answers with something that is not a check response, every item
 * concerned gets the verdict chosen with {@link Builder#onRegistryUnavailable(Verdict)} (DENY
 * unless told otherwise), the rule {@code registry-unreachable}, the reason in the explanation and
 * no registry sequence, and the signals sent with it as evidence, none decisive. Only a request the
 * registry refuses as malformed throws, as {@link RegistryRequestException}.
 *
 * <p>A crawler that read in-band signals for an item (with {@code
 * org.rightsregistry.client.signals}) sends them with it, {@link #check(Item, List, Usage)}: the
 * registry weighs them with its own statements through the same {@link DecisionEngine}, and the
 * decision reports them as evidence.
 *
 * <p><b>Offline mode.</b> Built with {@link Builder#offline(Path, Duration)}, the checker keeps a
 * local copy of the registry in a file (an {@link OfflineReplica}): it loads the copy from the file
 * if it is there and sound, else downloads {@code GET /v1/snapshot}; {@link #sync} (or a schedule
 * set with {@link Builder#syncEvery}) applies {@code GET /v1/changes} pages up to the head; checks
 * are answered locally, each naming the sequence of the copy it used. Past the freshness bound
 * every decision is the fail-closed verdict with rule {@code snapshot-stale}. With a {@link
 * Builder#credential credential}, the licence agreements granted to its party count.
 *
 * <pre>{@code
 * try (RightsChecker checker = RightsChecker.builder()
 *     .registry(URI.create("https://registry.example/"))
 *     .offline(Path.of("registry.snapshot"), Duration.ofHours(1))
 *     .syncEvery(Duration.ofMinutes(5))
 *     .build()) {
 *   Decision decision = checker.check(item, Usage.GENERATIVE_AI_TRAINING);
 * }
 * }</pre>
 *
 * <p>A checker is safe to share between threads; {@link #close} stops a scheduled sync.
 */
public final class RightsChecker implements AutoCloseable {

  /** The most items one request may carry, as the check-request schema says. */
  static final int MAX_ITEMS_PER_REQUEST = 10_000;

  private final URI registry;
  private final RegistryHttp http;
  private final Clock clock;
  private final Verdict onRegistryUnavailable;
  private final OfflineReplica offline;
  private final Verdict onUnreadableSignal;
  private final PolicyProfile profile;
  private final DecisionEngine engine = new DecisionEngine();

  private RightsChecker(Builder builder, HttpClient httpClient) {
    this.registry = builder.registry;
    this.http =
        new RegistryHttp(httpClient, builder.registry, builder.requestTimeout, builder.credential);
    this.clock = builder.clock;
    this.onRegistryUnavailable = builder.onRegistryUnavailable;
    this.onUnreadableSignal =
        builder.onUnreadableSignal == null ? Verdict.DENY : builder.onUnreadableSignal;
    this.profile = builder.profile;
    this.offline = builder.offlineStore == null ? null : replica(builder, httpClient);
    if (offline != null && builder.syncEvery != null) {
      offline.syncEvery(builder.syncEvery);
    }
  }

  private static OfflineReplica replica(Builder builder, HttpClient httpClient) {
    OfflineReplica.Builder replica =
        OfflineReplica.builder()
            .registry(builder.registry)
            .store(builder.offlineStore)
            .maxAge(builder.maxAge)
            .onStale(builder.onRegistryUnavailable)
            .profile(builder.profile)
            .clock(builder.clock)
            .httpClient(httpClient);
    if (builder.credential != null) {
      replica.bearerToken(builder.credential);
    }
    return replica.build();
  }

  /**
   * Starts building a checker.
   *
   * @return a builder with every default set except the registry
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks one item for one usage.
   *
   * @param item the item
   * @param usage the usage meant
   * @return the decision; never an ALLOW that the registry did not give
   * @throws IllegalArgumentException if the item is null or not valid
   * @throws RegistryRequestException if the registry refused the request as malformed
   */
  public Decision check(Item item, Usage usage) {
    return check(item, List.of(), usage);
  }

  /**
   * Checks one item for one usage, weighing the in-band signals read for it with the registry's
   * statements.
   *
   * @param item the item
   * @param signals the signals read for the item (at most 32), in the order to report them
   * @param usage the usage meant
   * @return the decision, with the signals among its evidence; never an ALLOW that the registry did
   *     not give
   * @throws IllegalArgumentException if the item or a signal is null or not valid
   * @throws RegistryRequestException if the registry refused the request as malformed
   */
  public Decision check(Item item, List<Signal> signals, Usage usage) {
    Checks.requireValue("item", item);
    Checks.requireValue("signals", signals);
    return checkAll(List.of(item), List.of(signals), usage).get(0);
  }

  /**
   * Checks items for one usage, in requests of at most 10,000 items.
   *
   * @param items the items; each is validated before anything is sent
   * @param usage the usage meant
   * @return one decision per item, in the order of the items
   * @throws IllegalArgumentException if an item is null or not valid; the message names its index
   *     and value
   * @throws RegistryRequestException if the registry refused a request as malformed
   */
  public List<Decision> checkAll(List<Item> items, Usage usage) {
    Checks.requireValue("items", items);
    return checkAll(items, Collections.nCopies(items.size(), List.of()), usage);
  }

  /**
   * Checks items for one usage, each with the in-band signals read for it, in requests of at most
   * 10,000 items.
   *
   * @param items the items; each is validated before anything is sent
   * @param signals per item, in the same order, the signals read for it (an empty list for none; at
   *     most 32 an item)
   * @param usage the usage meant
   * @return one decision per item, in the order of the items
   * @throws IllegalArgumentException if an item or signal is null or not valid, or the two lists
   *     differ in length; the message names the index
   * @throws RegistryRequestException if the registry refused a request as malformed
   */
  public List<Decision> checkAll(List<Item> items, List<List<Signal>> signals, Usage usage) {
    Checks.requireValue("items", items);
    Checks.requireValue("signals", signals);
    Checks.requireValue("usage", usage);
    if (signals.size() != items.size()) {
      throw new IllegalArgumentException(
          "signals must hold one list per item, but holds "
              + signals.size()
              + " for "
              + items.size()
              + " items");
    }
    ItemValidation.validate(items);
    ItemValidation.validateSignals(signals);
    if (offline != null) {
      return offline.checkAll(items, signals, usage);
    }

    List<Decision> decisions = new ArrayList<>(items.size());
    for (int from = 0; from < items.size(); from += MAX_ITEMS_PER_REQUEST) {
      int to = Math.min(items.size(), from + MAX_ITEMS_PER_REQUEST);
      decisions.addAll(checkBatch(items.subList(from, to), signals.subList(from, to), usage));
    }
    return Collections.unmodifiableList(decisions);
  }

  /**
   * Brings the local copy up to the registry's head (offline mode only).
   *
   * @return the sequence the copy is at afterwards
   * @throws IllegalStateException if the checker is not in offline mode
   * @throws org.rightsregistry.client.offline.ChangeFeedException if a change page is truncated or
   *     corrupted; nothing of it was applied and the copy keeps its last good state
   * @throws java.io.UncheckedIOException if the registry cannot be reached; the copy is kept
   */
  public long sync() {
    return requireOffline().sync();
  }

  /**
   * Returns the sequence of the local copy (offline mode only).
   *
   * @return the sequence decisions now name, or empty while there is no copy
   * @throws IllegalStateException if the checker is not in offline mode
   */
  public OptionalLong registrySequence() {
    return requireOffline().registrySequence();
  }

  /**
   * Returns the checker that decides from the local copy as it is now (offline mode only): an
   * immutable {@link OfflineChecker} that stays at its {@link OfflineChecker#registrySequence()}
   * while later syncs move the copy on. A crawler takes it once per batch and asks it for {@link
   * OfflineChecker#verdict verdicts} (or checks) at crawl speed, each decided from that one
   * sequence; taking it again picks up the newer copy.
   *
   * @return the checker, or empty while there is no copy (then {@link #check} gives the fail-closed
   *     verdict, rule {@code registry-unreachable})
   * @throws IllegalStateException if the checker is not in offline mode
   */
  public Optional<OfflineChecker> offlineChecker() {
    return requireOffline().checker();
  }

  /**
   * Returns why the last sync failed (offline mode only).
   *
   * @return the failure, or empty if the last sync succeeded
   * @throws IllegalStateException if the checker is not in offline mode
   */
  public Optional<RuntimeException> lastSyncFailure() {
    return requireOffline().lastSyncFailure();
  }

  /** Stops the scheduled sync of offline mode, if one runs; checks keep working. */
  @Override
  public void close() {
    if (offline != null) {
      offline.close();
    }
  }

  private OfflineReplica requireOffline() {
    if (offline == null) {
      throw new IllegalStateException(
          "This checker asks the registry online; build it with offline(store, maxAge) to keep a"
              + " local copy");
    }
    return offline;
  }

  private List<Decision> checkBatch(List<Item> batch, List<List<Signal>> signals, Usage usage) {
    try {
      return http.check(
          CheckDocuments.request(usage, batch, signals, profile, onUnreadableSignal),
          batch.size(),
          usage);
    } catch (RegistryUnavailableException e) {
      return failClosed(batch, signals, usage, e.getMessage());
    }
  }

  /** The engine's decision for an unreachable registry, explained with where and when. */
  private List<Decision> failClosed(
      List<Item> batch, List<List<Signal>> signals, Usage usage, String reason) {
    Instant now = clock.instant();
    String explanation =
        Explanations.registryUnreachable(registry, now, reason, onRegistryUnavailable);
    List<Decision> decisions = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Decision decided =
          engine.decide(
              DecisionRequest.builder(batch.get(i), usage, now)
                  .signals(signals.get(i))
                  .profile(profile)
                  .registry(RegistryState.unreachable(reason))
                  .failClosed(onRegistryUnavailable)
                  .build());
      decisions.add(
          new Decision(
              decided.item(),
              usage,
              decided.verdict(),
              decided.rule(),
              explanation,
              decided.conflict(),
              decided.registrySequence(),
              decided.categories(),
              decided.evidence()));
    }
    return decisions;
  }

  /** Builds a {@link RightsChecker}; every collaborator but the registry has a default. */
  public static final class Builder {

    private URI registry;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private HttpClient httpClient;
    private Verdict onRegistryUnavailable = Verdict.DENY;
    private Path offlineStore;
    private Duration maxAge;
    private Duration syncEvery;
    private Verdict onUnreadableSignal;
    private PolicyProfile profile;
    private String credential;

    private Builder() {}

    /**
     * Answers checks locally from a copy of the registry kept in a file, brought up to date by
     * {@link RightsChecker#sync} or {@link #syncEvery}. The copy is loaded from the file if it is
     * there and sound and was made with the same credential, else downloaded when the checker is
     * built: a copy carries the licence agreements of the party it was read for.
     *
     * @param store the file of the copy (its journal and owner record are kept beside it); its
     *     directory must exist
     * @param maxAge the freshness bound: past it, every decision fails closed with rule {@code
     *     snapshot-stale} (the verdict of {@link #onRegistryUnavailable})
     * @return this builder
     */
    public Builder offline(Path store, Duration maxAge) {
      this.offlineStore = Checks.requireValue("store", store);
      this.maxAge = positive("maxAge", maxAge);
      return this;
    }

    /**
     * Syncs the offline copy on a daemon thread every period, from the moment the checker is built
     * until it is closed. Requires {@link #offline}.
     *
     * @param period a positive duration
     * @return this builder
     */
    public Builder syncEvery(Duration period) {
      this.syncEvery = positive("syncEvery", period);
      return this;
    }

    /**
     * Sets the registry's base URI; checks go to {@code {registry}/v1/checks}. Required.
     *
     * @param registry an absolute http or https URI without query or fragment
     * @return this builder
     * @throws IllegalArgumentException if the URI is not such a URI
     */
    public Builder registry(URI registry) {
      Checks.requireValue("registry", registry);
      String scheme = registry.getScheme();
      if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          || registry.getHost() == null
          || registry.getRawQuery() != null
          || registry.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "registry must be an absolute http or https URI "
                + "without query or fragment, such as https://registry.example/, but was '"
                + registry
                + "'");
      }
      this.registry = registry.getRawPath().endsWith("/") ? registry : URI.create(registry + "/");
      return this;
    }

    /**
     * Sets how long to wait for a connection; ignored when {@link #httpClient(HttpClient)} is
     * given, as that client brings its own. Default 5 seconds.
     *
     * @param connectTimeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("connectTimeout", connectTimeout);
      return this;
    }

    /**
     * Sets how long to wait for the answer to one request. Default 30 seconds.
     *
     * @param requestTimeout a positive duration
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive("requestTimeout", requestTimeout);
      return this;
    }

    /**
     * Sets the clock that dates the explanations of fail-closed decisions. Default: the system
     * clock in UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Checks.requireValue("clock", clock);
      return this;
    }

    /**
     * Sets the HTTP client to send requests with. Default: a client built with the connect timeout.
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Checks.requireValue("httpClient", httpClient);
      return this;
    }

    /**
     * Sets the verdict given when the registry cannot be checked. Default DENY.
     *
     * @param verdict {@link Verdict#DENY} or {@link Verdict#UNKNOWN}
     * @return this builder
     * @throws IllegalArgumentException for any other verdict, as what could not be checked must
     *     never be allowed
     */
    public Builder onRegistryUnavailable(Verdict verdict) {
      if (verdict != Verdict.DENY && verdict != Verdict.UNKNOWN) {
        throw new IllegalArgumentException(
            "onRegistryUnavailable must be DENY or UNKNOWN, "
                + "since what could not be checked is never allowed, but was "
                + verdict);
      }
      this.onRegistryUnavailable = verdict;
      return this;
    }

    /**
     * Sets the verdict the registry gives an item one of whose signals could not be read (malformed
     * or unreachable), unless a reservation decides first. Default DENY. In offline mode one
     * fail-closed verdict covers a stale copy and an unreadable signal: it is {@link
     * #onRegistryUnavailable}'s, and this one, if set, must be the same.
     *
     * @param verdict {@link Verdict#DENY} or {@link Verdict#UNKNOWN}
     * @return this builder
     * @throws IllegalArgumentException for any other verdict, as what could not be checked must
     *     never be allowed
     */
    public Builder onUnreadableSignal(Verdict verdict) {
      if (verdict != Verdict.DENY && verdict != Verdict.UNKNOWN) {
        throw new IllegalArgumentException(
            "onUnreadableSignal must be DENY or UNKNOWN, "
                + "since what could not be checked is never allowed, but was "
                + verdict);
      }
      this.onUnreadableSignal = verdict;
      return this;
    }

    /**
     * Sets the requester's policy profile, sent with every check: how an item on which nothing
     * bears is read, and which allowances count. Default: none, so such an item stays UNKNOWN.
     *
     * @param profile the profile, or null for none
     * @return this builder
     */
    public Builder profile(PolicyProfile profile) {
      this.profile = profile;
      return this;
    }

    /**
     * Checks as a registered party, so that its licence agreements count: every request carries
     * {@code Authorization: Bearer <credential>}. Default: anonymous checks. The credential is
     * never written anywhere else.
     *
     * @param credential a bearer credential issued by the registry, such as {@code
     *     rr_<id>_<secret>}
     * @return this builder
     * @throws IllegalArgumentException if it is blank or holds whitespace or control characters
     */
    public Builder credential(String credential) {
      Checks.requireText("credential", credential);
      if (!credential.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException(
            "credential must be printable ASCII without spaces, as the registry issues it");
      }
      this.credential = credential;
      return this;
    }

    /**
     * Builds the checker.
     *
     * @return the checker
     * @throws IllegalStateException if no registry was set, {@link #syncEvery} was set without
     *     {@link #offline}, or in offline mode the verdicts for an unreadable signal and an
     *     unavailable registry differ
     */
    public RightsChecker build() {
      if (registry == null) {
        throw new IllegalStateException(
            "registry(URI) must be set, e.g. to https://registry.example/");
      }
      if (syncEvery != null && offlineStore == null) {
        throw new IllegalStateException("syncEvery needs offline(store, maxAge)");
      }
      if (offlineStore != null
          && onUnreadableSignal != null
          && onUnreadableSignal != onRegistryUnavailable) {
        throw new IllegalStateException(
            "Offline, one fail-closed verdict applies to a stale copy and to an unreadable signal:"
                + " onUnreadableSignal ("
                + onUnreadableSignal
                + ") must equal onRegistryUnavailable ("
                + onRegistryUnavailable
                + ")");
      }
      HttpClient client =
          httpClient != null
              ? httpClient
              : HttpClient.newBuilder().connectTimeout(connectTimeout).build();
      return new RightsChecker(this, client);
    }

    private static Duration positive(String name, Duration duration) {
      Checks.requireValue(name, duration);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(
            name + " must be a positive duration, but was " + duration);
      }
      return duration;
    }
  }
}
