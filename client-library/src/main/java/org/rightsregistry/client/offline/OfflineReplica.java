package org.rightsregistry.client.offline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.PolicyProfile;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;

/**
 * A local copy of the registry that stays in step with it: a snapshot file and the change pages
 * applied since, answered by {@link OfflineChecker} semantics without a network.
 *
 * <pre>{@code
 * try (OfflineReplica replica = OfflineReplica.builder()
 *     .registry(URI.create("https://registry.example/"))
 *     .store(Path.of("registry.snapshot"))
 *     .maxAge(Duration.ofHours(1))
 *     .build()) {
 *   replica.syncEvery(Duration.ofMinutes(5));
 *   Decision decision = replica.check(Item.url(url), Usage.GENERATIVE_AI_TRAINING);
 * }
 * }</pre>
 *
 * <p>On {@link Builder#build} the copy is loaded from the store if it is there and sound (the
 * snapshot, then every intact page of its journal), else downloaded with {@code GET /v1/snapshot}.
 * {@link #sync} applies {@code GET /v1/changes} pages from the copy's sequence up to the head. Each
 * page is verified against its {@code Content-Digest} and applied whole or not at all; it is
 * appended to the journal and forced to the disk before it is used, so a restart resumes where the
 * copy was without a full download, and a crash leaves the old state or the new one. Once the
 * changes held beside the snapshot grow large, they are folded into a new snapshot file at the
 * current sequence (written atomically) and the journal starts again.
 *
 * <p>A copy carries the licence agreements of the party it was read for, and offline the replica
 * cannot learn which party a credential speaks for. So beside the store, {@code <store>.owner}
 * records which credential the copy was made with ({@code anonymous}, or {@code sha256:} and the
 * hex SHA-256 of the credential, never the credential itself). A copy is loaded only under the
 * credential it records (and, when anonymous, only if it carries no requester); otherwise, or when
 * the record is missing, a fresh snapshot is downloaded, and while none can be, there is no copy.
 * The record is removed before a downloaded snapshot replaces the store and written after, so a
 * crash never pairs a snapshot with another credential's record.
 *
 * <p>Every decision names the sequence it used. Past the freshness bound (counted from the
 * registry's clock at the last page applied, or the snapshot's export) every decision is the
 * fail-closed verdict with rule {@value OfflineChecker#RULE_SNAPSHOT_STALE}; with no copy at all
 * (nothing stored, the registry unreachable), rule {@value Decision#RULE_REGISTRY_UNREACHABLE}.
 *
 * <p>Checks are safe from any thread while a sync runs: they see the state before a page or after
 * it. Syncs are serialised.
 */
public final class OfflineReplica implements AutoCloseable {

  /** The media type of a snapshot. */
  static final String SNAPSHOT_TYPE = "application/vnd.rights-registry.snapshot";

  /** What the owner record holds for a copy read without a credential. */
  static final String ANONYMOUS = "anonymous";

  /** An owner record is one short line; anything longer is not one. */
  private static final long MAX_OWNER_RECORD_BYTES = 128;

  private final URI registry;
  private final Path store;
  private final Journal journal;
  private final Path ownerRecord;
  private final String owner;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final String bearerToken;
  private final Clock clock;
  private final Duration maxAge;
  private final Verdict onStale;
  private final PolicyProfile profile;
  private final int pageSize;
  private final int compactAfter;
  private final Object syncLock = new Object();
  private volatile OfflineChecker current;
  private volatile RuntimeException lastSyncFailure;
  private ScheduledExecutorService scheduler;

  private OfflineReplica(Builder builder) {
    this.registry = builder.registry;
    this.store = builder.store.toAbsolutePath();
    this.journal = new Journal(Journal.beside(this.store));
    this.ownerRecord = ownerRecordBeside(this.store);
    this.owner = owner(builder.bearerToken);
    this.http =
        builder.httpClient != null
            ? builder.httpClient
            : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.requestTimeout = builder.requestTimeout;
    this.bearerToken = builder.bearerToken;
    this.clock = builder.clock;
    this.maxAge = builder.maxAge;
    this.onStale = builder.onStale;
    this.profile = builder.profile;
    this.pageSize = builder.pageSize;
    this.compactAfter = builder.compactAfter;
  }

  /**
   * Starts building a replica.
   *
   * @return a builder; the registry and the store are required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the owner record kept beside a store.
   *
   * @param store the snapshot file
   * @return {@code <store>.owner}
   */
  static Path ownerRecordBeside(Path store) {
    return store.resolveSibling(store.getFileName() + ".owner");
  }

  /**
   * Returns what the owner record holds for a copy read with a credential.
   *
   * @param bearerToken the credential, or null for anonymous
   * @return {@value #ANONYMOUS}, or {@code sha256:} and the lower-case hex SHA-256 of the
   *     credential
   */
  static String owner(String bearerToken) {
    if (bearerToken == null) {
      return ANONYMOUS;
    }
    byte[] digest = SnapshotFormat.sha256().digest(bearerToken.getBytes(StandardCharsets.UTF_8));
    return "sha256:" + HexFormat.of().formatHex(digest);
  }

  /**
   * Checks one item for one usage against the local copy.
   *
   * @param item the item
   * @param usage the usage meant
   * @return the decision, naming the sequence of the copy it used
   * @throws IllegalArgumentException if the item or usage is null or not valid
   */
  public Decision check(Item item, Usage usage) {
    OfflineChecker checker = current;
    if (checker == null) {
      if (item == null || usage == null) {
        throw new IllegalArgumentException("item and usage must not be null");
      }
      return noCopy(item, usage);
    }
    return checker.check(item, usage);
  }

  /**
   * Checks items for one usage, all against the same state of the copy.
   *
   * @param items the items
   * @param usage the usage meant
   * @return one decision per item, in order, all naming the same sequence
   * @throws IllegalArgumentException if an item is null or not valid, or the usage is null
   */
  public List<Decision> checkAll(List<Item> items, Usage usage) {
    if (items == null) {
      throw new IllegalArgumentException("items must not be null");
    }
    return checkAll(items, Collections.nCopies(items.size(), List.of()), usage);
  }

  /**
   * Checks items for one usage, each with the in-band signals read for it, all against the same
   * state of the copy. While there is no copy, every item gets the fail-closed verdict.
   *
   * @param items the items
   * @param signals per item, in the same order, the signals read for it (an empty list for none)
   * @param usage the usage meant
   * @return one decision per item, in order, all naming the same sequence
   * @throws IllegalArgumentException if an item or its signals are null or not valid, the lists
   *     differ in length, or the usage is null
   */
  public List<Decision> checkAll(List<Item> items, List<List<Signal>> signals, Usage usage) {
    OfflineChecker checker = current;
    if (checker != null) {
      return checker.checkAll(items, signals, usage);
    }
    if (items == null || usage == null) {
      throw new IllegalArgumentException("items and usage must not be null");
    }
    List<Decision> decisions = new ArrayList<>(items.size());
    for (Item item : items) {
      if (item == null) {
        throw new IllegalArgumentException("items must not hold null");
      }
      decisions.add(noCopy(item, usage));
    }
    return List.copyOf(decisions);
  }

  /**
   * Returns the sequence of the local copy.
   *
   * @return the sequence every decision now names, or empty while there is no copy
   */
  public OptionalLong registrySequence() {
    OfflineChecker checker = current;
    return checker == null ? OptionalLong.empty() : OptionalLong.of(checker.registrySequence());
  }

  /**
   * Returns the checker deciding from the copy as it is now; it does not move with later syncs.
   *
   * @return the checker, or empty while there is no copy
   */
  public Optional<OfflineChecker> checker() {
    return Optional.ofNullable(current);
  }

  /**
   * Brings the copy up to the registry's head: downloads a snapshot if there is no copy (or the
   * registry's history is not the copy's), then applies change pages until the head.
   *
   * @return the sequence the copy is at afterwards
   * @throws ChangeFeedException if a page is truncated, corrupted or does not follow the copy;
   *     nothing of it was applied and the copy keeps its last good state
   * @throws SnapshotFormatException if a downloaded snapshot is truncated or corrupted; the copy
   *     keeps its last good state
   * @throws UncheckedIOException if the registry cannot be reached or answers with an error, or the
   *     store cannot be written; the copy keeps its last good state
   */
  public long sync() {
    synchronized (syncLock) {
      try {
        long sequence = syncOnce();
        lastSyncFailure = null;
        return sequence;
      } catch (RuntimeException e) {
        lastSyncFailure = e;
        throw e;
      }
    }
  }

  /**
   * Syncs on a daemon thread every period, starting now, until {@link #close}. A failed sync is
   * kept for {@link #lastSyncFailure} and tried again at the next period.
   *
   * @param period a positive duration
   * @throws IllegalArgumentException if the period is not positive
   * @throws IllegalStateException if a schedule is already running
   */
  public synchronized void syncEvery(Duration period) {
    if (period == null || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be a positive duration, but was " + period);
    }
    if (scheduler != null) {
      throw new IllegalStateException("This replica already syncs on a schedule");
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "rights-registry-sync");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            sync();
          } catch (RuntimeException e) {
            // kept in lastSyncFailure; the copy keeps its last good state
          }
        },
        0,
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * Returns why the last sync failed.
   *
   * @return the failure, or empty if the last sync succeeded or none ran
   */
  public Optional<RuntimeException> lastSyncFailure() {
    return Optional.ofNullable(lastSyncFailure);
  }

  /** Stops the scheduled sync, if one runs; the copy stays usable. */
  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  private long syncOnce() {
    OfflineChecker checker = current;
    if (checker == null) {
      download();
      checker = current;
    }
    OfflineState state = checker.state();
    boolean downloaded = false;
    while (true) {
      HttpResponse<byte[]> response =
          get("v1/changes?after=" + state.sequence() + "&limit=" + pageSize, "application/json");
      if (response.statusCode() == 400 && !downloaded) {
        // The registry's history is not the copy's (its head is behind the copy): start again,
        // once; a registry that refuses the feed right after its own snapshot is an error.
        download();
        downloaded = true;
        state = current.state();
        continue;
      }
      requireOk(response, "the change feed");
      ChangePage page =
          ChangePage.read(
              response.body(), response.headers().firstValue("Content-Digest").orElse(null));
      if (!java.util.Objects.equals(page.requester(), state.requester())) {
        if (downloaded) {
          throw new ChangeFeedException(
              "The change feed was read for requester "
                  + page.requester()
                  + " but the registry's snapshot for the same credential for "
                  + state.requester());
        }
        // The credential now speaks for another party than the copy's agreements: start again.
        download();
        downloaded = true;
        state = current.state();
        continue;
      }
      OfflineState next = state.apply(page);
      if (!page.changes().isEmpty()) {
        journal.append(response.body());
      }
      state = next;
      current = current.with(state);
      if (page.last() >= page.head()) {
        break;
      }
    }
    if (state.overlaySize() > compactAfter) {
      compact(state);
    }
    return current.registrySequence();
  }

  /**
   * Loads the copy from the store: the snapshot and every intact page of its journal, if the copy
   * was made with this replica's credential.
   */
  private boolean load() {
    if (!Files.exists(store) || !ownedByThisCredential()) {
      return false; // another credential's agreements must not decide: downloaded again
    }
    OfflineState state;
    try {
      state = OfflineChecker.Builder.load(store);
    } catch (SnapshotFormatException e) {
      return false; // a damaged store is downloaded again; nothing of it is used
    }
    if (bearerToken == null && state.requester() != null) {
      return false; // a party's agreements never decide for an anonymous checker
    }
    long base = state.sequence();
    List<byte[]> entries = journal.read(base);
    if (entries == null) {
      journal.start(base);
      entries = List.of();
    }
    int applied = 0;
    for (byte[] entry : entries) {
      try {
        state = state.apply(ChangePage.readVerified(entry));
        applied++;
      } catch (ChangeFeedException e) {
        break;
      }
    }
    if (applied < entries.size()) {
      // An entry that does not follow the one before is never used, nor anything after it.
      journal.start(base);
      entries.subList(0, applied).forEach(journal::append);
    }
    current = OfflineChecker.of(state, clock, maxAge, onStale, profile);
    return true;
  }

  /** Downloads a snapshot into the store, replacing the copy once it is verified. */
  private void download() {
    Path directory = store.getParent();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, store.getFileName() + ".", ".partial");
      HttpResponse<Path> response =
          http.send(
              request("v1/snapshot", SNAPSHOT_TYPE), HttpResponse.BodyHandlers.ofFile(temporary));
      if (response.statusCode() != 200) {
        throw new UncheckedIOException(
            new IOException(
                "The registry answered HTTP " + response.statusCode() + " for its snapshot"));
      }
      OfflineState state = OfflineChecker.Builder.load(temporary);
      SnapshotFormat.force(temporary);
      // Without a record the copy is nobody's: a crash from here on leaves one that is not used.
      Files.deleteIfExists(ownerRecord);
      SnapshotFormat.force(directory);
      Files.move(
          temporary, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      SnapshotFormat.force(directory);
      journal.start(state.sequence());
      SnapshotFormat.saveAtomically(
          ownerRecord, out -> out.write((owner + "\n").getBytes(StandardCharsets.UTF_8)));
      current = OfflineChecker.of(state, clock, maxAge, onStale, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not download the snapshot from " + registry + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("The snapshot download was interrupted", e));
    } finally {
      deleteQuietly(temporary);
    }
  }

  /**
   * Folds the changes held beside the snapshot into a new snapshot file at the state's sequence,
   * streaming the old file through (so its declarations are never all in memory), and starts a new
   * journal.
   */
  private void compact(OfflineState state) {
    Set<String> removed = state.removed();
    SnapshotFormat.saveAtomically(store, out -> writeCompacted(state, removed, out));
    journal.start(state.sequence());
    OfflineState reloaded = OfflineChecker.Builder.load(store);
    current = OfflineChecker.of(reloaded, clock, maxAge, onStale, profile);
  }

  private void writeCompacted(OfflineState state, Set<String> removed, OutputStream out) {
    SnapshotWriter writer = SnapshotFormat.writer(out, state.sequence(), state.registryTime());
    SnapshotFormat.read(
        store,
        (String id,
            long sequence,
            Instant recordedAt,
            DeclarationTerms terms,
            List<Selector> subjects) -> {
          if (!removed.contains(id)) {
            writer.add(state.asNow(terms.declaration(id, sequence, recordedAt, subjects)));
          }
        });
    for (Map.Entry<String, SnapshotDeclaration> added : state.added().entrySet()) {
      writer.add(state.asNow(added.getValue()));
    }
    if (state.requester() != null) {
      writer.requester(state.requester());
      state.agreements().forEach(writer::add);
    }
    writer.finish();
  }

  /** Whether the owner record beside the store names this replica's credential. */
  private boolean ownedByThisCredential() {
    try {
      if (Files.size(ownerRecord) > MAX_OWNER_RECORD_BYTES) {
        return false;
      }
      return Files.readString(ownerRecord, StandardCharsets.UTF_8).strip().equals(owner);
    } catch (IOException e) {
      return false; // missing or unreadable: whose copy it is is not known
    }
  }

  private HttpResponse<byte[]> get(String path, String accept) {
    try {
      return http.send(request(path, accept), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not reach the registry at " + registry + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("The sync was interrupted", e));
    }
  }

  private HttpRequest request(String path, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(registry.resolve(path))
            .timeout(requestTimeout)
            .header("Accept", accept + ", application/problem+json")
            .GET();
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    return request.build();
  }

  private void requireOk(HttpResponse<byte[]> response, String what) {
    if (response.statusCode() != 200) {
      throw new UncheckedIOException(
          new IOException(
              "The registry at "
                  + registry
                  + " answered HTTP "
                  + response.statusCode()
                  + " for "
                  + what));
    }
  }

  private Decision noCopy(Item item, Usage usage) {
    String explanation =
        "There is no local copy of the registry for this credential yet: nothing usable is"
            + " stored at "
            + store
            + " and the registry at "
            + registry
            + " could not be synced"
            + (lastSyncFailure == null ? "" : " (" + lastSyncFailure.getMessage() + ")")
            + ", so "
            + onStale
            + " applies until a sync succeeds.";
    return new Decision(
        item,
        usage,
        onStale,
        Decision.RULE_REGISTRY_UNREACHABLE,
        explanation,
        false,
        OptionalLong.empty(),
        Map.of(),
        List.of());
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A stray ".partial" file is never read.
    }
  }

  /** Builds an {@link OfflineReplica}. */
  public static final class Builder {

    private URI registry;
    private Path store;
    private HttpClient httpClient;
    private Duration requestTimeout = Duration.ofSeconds(120);
    private String bearerToken;
    private Clock clock = Clock.systemUTC();
    private Duration maxAge = Duration.ofHours(24);
    private Verdict onStale = Verdict.DENY;
    private PolicyProfile profile;
    private int pageSize = 1_000;
    private int compactAfter = 100_000;

    private Builder() {}

    /**
     * Sets the registry's base URI. Required.
     *
     * @param registry an absolute http or https URI
     * @return this builder
     */
    public Builder registry(URI registry) {
      if (registry == null
          || registry.getHost() == null
          || !("http".equalsIgnoreCase(registry.getScheme())
              || "https".equalsIgnoreCase(registry.getScheme()))) {
        throw new IllegalArgumentException(
            "registry must be an absolute http or https URI, but was " + registry);
      }
      this.registry = registry.getRawPath().endsWith("/") ? registry : URI.create(registry + "/");
      return this;
    }

    /**
     * Sets the local file the copy is kept in (its journal is beside it, {@code .journal}, and the
     * record of the credential it was made with, {@code .owner}). Required; its directory must
     * exist.
     *
     * @param store the snapshot file
     * @return this builder
     */
    public Builder store(Path store) {
      if (store == null) {
        throw new IllegalArgumentException("store must not be null");
      }
      this.store = store;
      return this;
    }

    /**
     * Sets the credential ({@code rr_…}) to read the registry with: the snapshot and the change
     * feed then carry the licence agreements granted to its party, which decisions count. Default:
     * anonymous, no agreements.
     *
     * @param token the bearer token
     * @return this builder
     */
    public Builder bearerToken(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("bearerToken must not be blank");
      }
      this.bearerToken = token;
      return this;
    }

    /**
     * Sets the HTTP client. Default: one with a 5-second connect timeout.
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      if (httpClient == null) {
        throw new IllegalArgumentException("httpClient must not be null");
      }
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Sets how long one request may take. Default 120 seconds (a snapshot may be large).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Settings.positive("requestTimeout", timeout);
      return this;
    }

    /**
     * Sets the clock that judges freshness and validity windows. Default: the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = clock;
      return this;
    }

    /**
     * Sets the freshness bound. Default 24 hours.
     *
     * @param maxAge a positive duration
     * @return this builder
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = Settings.positive("maxAge", maxAge);
      return this;
    }

    /**
     * Sets the verdict when the copy is stale or missing. Default DENY.
     *
     * @param verdict DENY or UNKNOWN
     * @return this builder
     */
    public Builder onStale(Verdict verdict) {
      this.onStale = Settings.failClosed("onStale", verdict);
      return this;
    }

    /**
     * Sets the requester's policy profile: how an item on which nothing in the copy bears is read,
     * and which allowances count. Default: none, so such an item stays UNKNOWN.
     *
     * @param profile the profile, or null for none
     * @return this builder
     */
    public Builder profile(PolicyProfile profile) {
      this.profile = profile;
      return this;
    }

    /**
     * Sets how many changes one page asks for. Default 1,000; at most 10,000.
     *
     * @param pageSize 1 to 10,000
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 10_000) {
        throw new IllegalArgumentException("pageSize must be 1 to 10000, but was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets how many declarations added or removed since the snapshot are held beside it before they
     * are folded into a new snapshot file. Default 100,000.
     *
     * @param changes a positive count
     * @return this builder
     */
    public Builder compactAfter(int changes) {
      if (changes < 1) {
        throw new IllegalArgumentException("compactAfter must be positive, but was " + changes);
      }
      this.compactAfter = changes;
      return this;
    }

    /**
     * Builds the replica: loads the copy from the store if it is there and sound, else downloads a
     * snapshot. If neither works the replica still builds, and decides fail-closed until a sync
     * succeeds ({@link #lastSyncFailure} says why).
     *
     * @return the replica
     * @throws IllegalStateException if the registry or the store is not set
     */
    public OfflineReplica build() {
      if (registry == null || store == null) {
        throw new IllegalStateException("An offline replica needs registry(...) and store(...)");
      }
      OfflineReplica replica = new OfflineReplica(this);
      synchronized (replica.syncLock) {
        if (!replica.load()) {
          try {
            replica.download();
          } catch (RuntimeException e) {
            replica.lastSyncFailure = e;
          }
        }
      }
      return replica;
    }
  }
}
