package org.rightsregistry.client.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Evidence;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.PolicyProfile;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;

/**
 * The offline replica against a registry history served on loopback: applying the change feed gives
 * the decisions of a fresh snapshot at the same sequence; damaged pages and snapshots are rejected
 * whole; a restart resumes from the store without a download; staleness fails closed.
 */
class OfflineReplicaTest {

  @TempDir Path directory;

  FakeHistory history;
  URI registry;
  Path store;
  AtomicReference<Instant> now = new AtomicReference<>();
  final java.util.Set<String> rulesSeen = new java.util.HashSet<>();

  @BeforeEach
  void serve() throws IOException {
    history = new FakeHistory(7);
    history.write(300);
    registry = history.serve();
    store = directory.resolve("registry.snapshot");
    now.set(FakeHistory.START.plusSeconds(10));
  }

  @AfterEach
  void stop() {
    history.close();
  }

  @Test
  void sync_appliedFeed_decidesAsAFreshSnapshotAtTheSameSequence_forEveryItemAndUsage() {
    for (String token : new String[] {null, FakeHistory.LAB_TOKEN}) {
      Path own = directory.resolve("copy-" + token + ".snapshot");
      try (OfflineReplica replica = replica(own, token, 7, 1_000_000)) {
        long base = history.head();
        for (int round = 0; round < 4; round++) {
          history.write(150);
          long synced = replica.sync();

          assertThat(synced).isEqualTo(history.head()).isGreaterThan(base);
          assertSameDecisions(replica, history.snapshotAt(synced, requester(token)));
        }
      }
    }
    // The generated set is not vacuous: it reaches every kind of answer, and suspends parties.
    assertThat(history.suspendedAt(history.head())).isNotEmpty();
    assertThat(rulesSeen)
        .contains(
            Decision.RULE_RESERVATION,
            Decision.RULE_ALLOWED,
            Decision.RULE_LICENCE_REQUIRED,
            Decision.RULE_LICENSED,
            Decision.RULE_NO_STATEMENT);
  }

  @Test
  void sync_compactingIntoANewSnapshot_keepsEveryDecision() throws IOException {
    try (OfflineReplica replica = replica(store, FakeHistory.LAB_TOKEN, 50, 40)) {
      history.write(400);
      long synced = replica.sync();

      assertSameDecisions(replica, history.snapshotAt(synced, FakeHistory.LAB));
      assertThat(SnapshotFormat.load(store).sequence()).isEqualTo(synced);
      assertThat(Files.size(Journal.beside(store))).isEqualTo(Journal.HEADER_BYTES);
    }
    try (OfflineReplica restarted = replica(store, FakeHistory.LAB_TOKEN, 50, 40)) {
      assertSameDecisions(restarted, history.snapshotAt(history.head(), FakeHistory.LAB));
    }
  }

  @Test
  void sync_suspensionAfterTheSnapshot_makesThePartysDeclarationsSelfAsserted_evenCompacted() {
    String party =
        java.util.stream.Stream.of("tate", "dacs", "maker")
            .filter(holder -> !history.suspendedAt(history.head()).contains(holder))
            .findFirst()
            .orElseThrow();
    // Compacting after 5 held changes: the suspension below is folded into a new snapshot file.
    try (OfflineReplica replica = replica(store, FakeHistory.LAB_TOKEN, 1_000, 5)) {
      assertThat(trustOf(replica, party)).isNotEmpty().anyMatch(t -> t != TrustLevel.SELF_ASSERTED);

      java.util.Map<String, Verdict> before = profiledVerdicts(replica.checker().orElseThrow());
      history.suspend(party);
      long synced = replica.sync();

      assertThat(synced).isEqualTo(history.head());
      assertThat(trustOf(replica, party)).isNotEmpty().containsOnly(TrustLevel.SELF_ASSERTED);
      // Under a profile that trusts only verified allowances, some verdicts change, and the
      // verdict path weighs the suspension exactly as the explained check does.
      java.util.Map<String, Verdict> after = profiledVerdicts(replica.checker().orElseThrow());
      assertThat(after.keySet()).isEqualTo(before.keySet());
      assertThat(after.keySet().stream().filter(key -> after.get(key) != before.get(key)))
          .isNotEmpty();
      assertSameDecisions(replica, history.snapshotAt(synced, FakeHistory.LAB));
      history.write(10); // a page after the suspension: its creations come weighed already
      replica.sync();
      assertSameDecisions(replica, history.snapshotAt(history.head(), FakeHistory.LAB));
    }
    try (OfflineReplica restarted = replica(store, FakeHistory.LAB_TOKEN, 1_000, 1_000_000)) {
      assertThat(trustOf(restarted, party)).isNotEmpty().containsOnly(TrustLevel.SELF_ASSERTED);
      assertSameDecisions(restarted, history.snapshotAt(history.head(), FakeHistory.LAB));
    }
  }

  /**
   * The verdict of every item, usage and profile, keyed by the three, each checked to equal the
   * explained check's.
   */
  private java.util.Map<String, Verdict> profiledVerdicts(OfflineChecker checker) {
    java.util.Map<String, Verdict> verdicts = new java.util.HashMap<>();
    for (PolicyProfile profile : PolicyProfile.values()) {
      OfflineChecker profiled =
          OfflineChecker.of(checker.state(), clock(), Duration.ofHours(1), Verdict.DENY, profile);
      for (Usage usage : Usage.values()) {
        for (Item item : items()) {
          Verdict verdict = profiled.verdict(item, usage);
          assertThat(verdict)
              .as("%s, %s, %s", profile, usage, item)
              .isEqualTo(profiled.check(item, usage).verdict());
          verdicts.put(profile + " " + usage + " " + item, verdict);
        }
      }
    }
    return verdicts;
  }

  /** The trust levels of every piece of registry evidence a party declared, over all items. */
  private java.util.Set<TrustLevel> trustOf(OfflineReplica replica, String party) {
    java.util.Set<TrustLevel> levels = java.util.EnumSet.noneOf(TrustLevel.class);
    for (Usage usage : Usage.values()) {
      for (Decision decision : replica.checkAll(items(), usage)) {
        decision.evidence().stream()
            .filter(evidence -> Evidence.REGISTRY.equals(evidence.source()))
            .filter(evidence -> evidence.declarant().id().equals(party))
            .forEach(evidence -> levels.add(evidence.trustLevel()));
      }
    }
    return levels;
  }

  @Test
  void restart_resumesFromTheStore_withoutAFullDownload() {
    try (OfflineReplica replica = replica(store, FakeHistory.LAB_TOKEN, 25, 1_000_000)) {
      history.write(200);
      replica.sync();
    }
    assertThat(history.snapshotRequests.get()).isEqualTo(1);
    long before = history.head();

    try (OfflineReplica restarted = replica(store, FakeHistory.LAB_TOKEN, 25, 1_000_000)) {
      assertThat(restarted.registrySequence()).hasValue(before);
      assertSameDecisions(restarted, history.snapshotAt(before, FakeHistory.LAB));
      history.write(60);
      assertThat(restarted.sync()).isEqualTo(history.head());
      assertSameDecisions(restarted, history.snapshotAt(history.head(), FakeHistory.LAB));
    }
    assertThat(history.snapshotRequests.get()).isEqualTo(1);
  }

  @Test
  void sync_corruptedOrTruncatedPage_isRejectedWhole_andTheLastGoodStateKept() {
    try (OfflineReplica replica = replica(store, FakeHistory.LAB_TOKEN, 1_000, 1_000_000)) {
      long good = replica.registrySequence().orElseThrow();
      history.write(80);
      List<java.util.function.UnaryOperator<byte[]>> damages =
          List.of(
              body -> Arrays.copyOf(body, body.length - 1),
              body -> Arrays.copyOf(body, body.length / 2),
              body -> {
                byte[] flipped = body.clone();
                flipped[body.length / 3] ^= 0x01;
                return flipped;
              },
              body -> new byte[0]);
      for (var damage : damages) {
        history.damagePage = damage;

        assertThatThrownBy(replica::sync)
            .isInstanceOf(ChangeFeedException.class)
            .hasMessageContaining("Content-Digest");

        assertThat(replica.registrySequence()).hasValue(good);
        assertThat(replica.lastSyncFailure()).isPresent();
        assertSameDecisions(replica, history.snapshotAt(good, FakeHistory.LAB));
      }
      history.damagePage = body -> body;

      assertThat(replica.sync()).isEqualTo(history.head());
      assertThat(replica.lastSyncFailure()).isEmpty();
    }
    try (OfflineReplica restarted = replica(store, FakeHistory.LAB_TOKEN, 1_000, 1_000_000)) {
      assertSameDecisions(restarted, history.snapshotAt(history.head(), FakeHistory.LAB));
    }
  }

  @Test
  void sync_registryDownMidSync_losesNothingAndRepeatsNothing() {
    try (OfflineReplica replica = replica(store, null, 10, 1_000_000)) {
      history.write(100);
      AtomicReference<Integer> pages = new AtomicReference<>(0);
      history.damagePage =
          body -> {
            if (pages.updateAndGet(n -> n + 1) == 4) {
              history.down = true; // the registry stops after the fourth page
            }
            return body;
          };

      assertThatThrownBy(replica::sync).isInstanceOf(UncheckedIOException.class);
      long reached = replica.registrySequence().orElseThrow();
      assertThat(reached).isLessThan(history.head());
      assertSameDecisions(replica, history.snapshotAt(reached, null));

      history.down = false;
      assertThat(replica.sync()).isEqualTo(history.head());
      assertSameDecisions(replica, history.snapshotAt(history.head(), null));
    }
  }

  @Test
  void restart_tornJournalTail_resumesFromTheLastWholePage() throws IOException {
    long reached;
    try (OfflineReplica replica = replica(store, null, 20, 1_000_000)) {
      history.write(100);
      reached = replica.sync();
    }
    Path journal = Journal.beside(store);
    long whole = Files.size(journal);
    // A crash in the middle of the next append: a length and part of a page, no checksum.
    Files.write(journal, new byte[] {0, 0, 1, 0, '{', '"', 'a'}, StandardOpenOption.APPEND);

    try (OfflineReplica restarted = replica(store, null, 20, 1_000_000)) {
      assertThat(restarted.registrySequence()).hasValue(reached);
      assertThat(Files.size(journal)).isEqualTo(whole);
      history.write(30);
      assertThat(restarted.sync()).isEqualTo(history.head());
    }
    try (OfflineReplica again = replica(store, null, 20, 1_000_000)) {
      assertSameDecisions(again, history.snapshotAt(history.head(), null));
    }
    assertThat(history.snapshotRequests.get()).isEqualTo(1);
  }

  @Test
  void restart_corruptedJournalEntry_usesOnlyTheEntriesBeforeIt() throws IOException {
    try (OfflineReplica replica = replica(store, null, 20, 1_000_000)) {
      history.write(100);
      replica.sync();
    }
    Path journal = Journal.beside(store);
    byte[] bytes = Files.readAllBytes(journal);
    int firstLength = java.nio.ByteBuffer.wrap(bytes, Journal.HEADER_BYTES, 4).getInt();
    int secondEntry = Journal.HEADER_BYTES + 4 + firstLength + 32;
    bytes[secondEntry + 10] ^= 0x20;
    Files.write(journal, bytes);

    try (OfflineReplica restarted = replica(store, null, 20, 1_000_000)) {
      long sequence = restarted.registrySequence().orElseThrow();
      assertThat(sequence).isEqualTo(SnapshotFormat.load(store).sequence() + 20);
      assertSameDecisions(restarted, history.snapshotAt(sequence, null));
      assertThat(restarted.sync()).isEqualTo(history.head());
      assertSameDecisions(restarted, history.snapshotAt(history.head(), null));
    }
  }

  @Test
  void build_corruptedOrTruncatedSnapshotDownload_keepsTheStoredCopy() throws IOException {
    try (OfflineReplica replica = replica(store, null, 1_000, 1_000_000)) {
      replica.sync();
    }
    byte[] stored = Files.readAllBytes(store);
    history.write(10);
    history.damageSnapshot = bytes -> Arrays.copyOf(bytes, bytes.length - 7);
    Files.delete(Journal.beside(store));
    Files.write(store, Arrays.copyOf(stored, stored.length - 1)); // the store is damaged too

    OfflineReplica replica = replica(store, null, 1_000, 1_000_000);
    assertThat(replica.registrySequence()).isEmpty();
    assertThat(replica.lastSyncFailure().orElseThrow()).isInstanceOf(SnapshotFormatException.class);
    Decision decision = replica.check(Item.url("https://a.example/d0/1.jpg"), Usage.AI_TRAINING);
    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.rule()).isEqualTo(Decision.RULE_REGISTRY_UNREACHABLE);
    assertThat(decision.registrySequence()).isEmpty();
    try (var files = Files.list(directory)) {
      assertThat(files.filter(file -> file.toString().endsWith(".partial"))).isEmpty();
    }

    history.damageSnapshot = bytes -> bytes;
    assertThat(replica.sync()).isEqualTo(history.head());
    assertSameDecisions(replica, history.snapshotAt(history.head(), null));
  }

  @Test
  void sync_registryBehindTheCopy_downloadsItsSnapshotAgain() {
    try (OfflineReplica replica = replica(store, FakeHistory.LAB_TOKEN, 50, 1_000_000)) {
      history.write(100);
      replica.sync();
      history.forgetAfter(history.head() - 60); // restored from an older backup
      history.write(10); // and moved on: a history that is not the copy's

      assertThat(replica.sync()).isEqualTo(history.head());

      assertThat(history.snapshotRequests.get()).isEqualTo(2);
      assertSameDecisions(replica, history.snapshotAt(history.head(), FakeHistory.LAB));
    }
  }

  @Test
  void sync_feedRefusedEvenAfterANewSnapshot_failsInsteadOfLooping() {
    try (OfflineReplica replica = replica(store, null, 50, 1_000_000)) {
      long good = replica.registrySequence().orElseThrow();
      history.refuseChanges = true;

      assertThatThrownBy(replica::sync)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("HTTP 400");

      assertThat(history.snapshotRequests.get()).isEqualTo(2);
      assertThat(replica.registrySequence()).hasValue(good);
    }
  }

  @Test
  void check_pastTheFreshnessBound_failsClosedNamingTheSequence() {
    try (OfflineReplica replica = replica(store, null, 1_000, 1_000_000)) {
      Instant registryTime = history.clock();
      now.set(registryTime.plus(Duration.ofHours(1)).plusSeconds(1));

      Decision stale = replica.check(Item.url("https://a.example/d0/1.jpg"), Usage.AI_TRAINING);

      assertThat(stale.verdict()).isEqualTo(Verdict.DENY);
      assertThat(stale.rule()).isEqualTo(OfflineChecker.RULE_SNAPSHOT_STALE);
      assertThat(stale.registrySequence()).hasValue(history.head());
      assertThat(stale.explanation()).contains("stale");

      history.write(1);
      replica.sync(); // the registry's clock at the page's head is newer: fresh again
      now.set(history.clock().plusSeconds(60));
      Decision fresh = replica.check(Item.url("https://a.example/d0/1.jpg"), Usage.AI_TRAINING);
      assertThat(fresh.rule()).isNotEqualTo(OfflineChecker.RULE_SNAPSHOT_STALE);
      assertThat(fresh.registrySequence()).hasValue(history.head());
    }
  }

  // Issue 7: a copy saved under one credential answered for another until the first sync.
  @Test
  void build_copyMadeWithAnotherCredential_isNotUsed_andOneForThisCredentialIsDownloaded() {
    makeLabCopy();
    int downloads = history.snapshotRequests.get();

    for (String token : new String[] {null, FakeHistory.OTHER_TOKEN, FakeHistory.LAB_TOKEN}) {
      try (OfflineReplica replica = replica(store, token, 50, 1_000_000)) {
        assertThat(history.snapshotRequests.get()).as("token %s", token).isEqualTo(++downloads);
        rulesSeen.clear();
        assertSameDecisions(replica, history.snapshotAt(history.head(), requester(token)));
        if (token == null) {
          assertThat(rulesSeen).doesNotContain(Decision.RULE_LICENSED);
        }
      }
    }
  }

  @Test
  void restart_sameCredential_resumesWithoutDownload_andRecordsOnlyADigestOfIt()
      throws IOException {
    for (String token : new String[] {null, FakeHistory.LAB_TOKEN, FakeHistory.OTHER_TOKEN}) {
      Path own = directory.resolve("own-" + token + ".snapshot");
      int downloads = history.snapshotRequests.get();
      try (OfflineReplica replica = replica(own, token, 50, 1_000_000)) {
        history.write(40);
        replica.sync();
      }
      try (OfflineReplica restarted = replica(own, token, 50, 1_000_000)) {
        assertThat(restarted.registrySequence()).hasValue(history.head());
        assertSameDecisions(restarted, history.snapshotAt(history.head(), requester(token)));
      }
      assertThat(history.snapshotRequests.get()).isEqualTo(downloads + 1);
      String record = Files.readString(OfflineReplica.ownerRecordBeside(own));
      assertThat(record.strip()).isEqualTo(OfflineReplica.owner(token));
      if (token != null) {
        assertThat(record).doesNotContain(token).matches("sha256:[0-9a-f]{64}\n");
      } else {
        assertThat(record).isEqualTo("anonymous\n");
      }
    }
  }

  @Test
  void restart_ownerRecordMissingOrDamaged_downloadsAgain() throws IOException {
    Path record = OfflineReplica.ownerRecordBeside(store);
    List<Runnable> crashes =
        List.of(
            () -> delete(record), // a crash between replacing the snapshot and recording its owner
            () -> write(record, "sha256:" + "0".repeat(64) + "\n"),
            () -> write(record, OfflineReplica.owner(FakeHistory.LAB_TOKEN).substring(0, 20)),
            () -> write(record, "x".repeat(4096) + OfflineReplica.owner(FakeHistory.LAB_TOKEN)));
    for (Runnable crash : crashes) {
      makeLabCopy();
      int downloads = history.snapshotRequests.get();
      crash.run();

      try (OfflineReplica restarted = replica(store, FakeHistory.LAB_TOKEN, 50, 1_000_000)) {
        assertThat(history.snapshotRequests.get()).isEqualTo(downloads + 1);
        assertSameDecisions(restarted, history.snapshotAt(history.head(), FakeHistory.LAB));
      }
      assertThat(Files.readString(record).strip())
          .isEqualTo(OfflineReplica.owner(FakeHistory.LAB_TOKEN));
    }
  }

  @Test
  void build_anonymousOnACopyWithARequester_isNotUsedEvenIfRecordedAsAnonymous() {
    makeLabCopy();
    write(OfflineReplica.ownerRecordBeside(store), OfflineReplica.ANONYMOUS + "\n");
    int downloads = history.snapshotRequests.get();

    try (OfflineReplica anonymous = replica(store, null, 50, 1_000_000)) {
      assertThat(history.snapshotRequests.get()).isEqualTo(downloads + 1);
      assertSameDecisions(anonymous, history.snapshotAt(history.head(), null));
    }

    makeLabCopy();
    write(OfflineReplica.ownerRecordBeside(store), OfflineReplica.ANONYMOUS + "\n");
    history.down = true;
    try (OfflineReplica anonymous = replica(store, null, 50, 1_000_000)) {
      assertFailsClosed(anonymous);
    }
  }

  @Test
  void build_ownerMismatchOrUnknown_registryDown_failsClosed_neverTheOldCopy() {
    makeLabCopy();
    history.down = true;

    for (String token : new String[] {null, FakeHistory.OTHER_TOKEN}) {
      try (OfflineReplica replica = replica(store, token, 50, 1_000_000)) {
        assertFailsClosed(replica);
        assertThat(replica.lastSyncFailure().orElseThrow())
            .isInstanceOf(UncheckedIOException.class);
      }
    }
    delete(OfflineReplica.ownerRecordBeside(store));
    try (OfflineReplica lab = replica(store, FakeHistory.LAB_TOKEN, 50, 1_000_000)) {
      assertFailsClosed(lab);
    }

    history.down = false;
    try (OfflineReplica other = replica(store, FakeHistory.OTHER_TOKEN, 50, 1_000_000)) {
      assertThat(other.sync()).isEqualTo(history.head());
      assertSameDecisions(other, history.snapshotAt(history.head(), FakeHistory.OTHER));
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void syncEvery_keepsTheCopyUpToDateOnADaemonThreadUntilClosed() throws InterruptedException {
    OfflineReplica replica = replica(store, null, 1_000, 1_000_000);
    replica.syncEvery(Duration.ofMillis(20));
    history.write(30);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (replica.registrySequence().orElse(0) < history.head() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(replica.registrySequence()).hasValue(history.head());
    replica.close();
    int pages = history.pageRequests.get();
    Thread.sleep(200);
    assertThat(history.pageRequests.get()).isLessThanOrEqualTo(pages + 1);
  }

  private OfflineReplica replica(Path file, String token, int pageSize, int compactAfter) {
    OfflineReplica.Builder builder =
        OfflineReplica.builder()
            .registry(registry)
            .store(file)
            .pageSize(pageSize)
            .compactAfter(compactAfter)
            .maxAge(Duration.ofHours(1))
            .clock(clock());
    if (token != null) {
      builder.bearerToken(token);
    }
    return builder.build();
  }

  private Clock clock() {
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
  }

  private static String requester(String token) {
    if (token == null) {
      return null;
    }
    return token.equals(FakeHistory.OTHER_TOKEN) ? FakeHistory.OTHER : FakeHistory.LAB;
  }

  private void assertFailsClosed(OfflineReplica replica) {
    assertThat(replica.registrySequence()).isEmpty();
    assertThat(replica.checker()).isEmpty();
    assertThat(replica.lastSyncFailure()).isPresent();
    for (Usage usage : Usage.values()) {
      assertThat(replica.checkAll(items(), usage))
          .allSatisfy(
              decision -> {
                assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
                assertThat(decision.rule()).isEqualTo(Decision.RULE_REGISTRY_UNREACHABLE);
              });
    }
  }

  private void makeLabCopy() {
    try (OfflineReplica lab = replica(store, FakeHistory.LAB_TOKEN, 500, 1_000_000)) {
      history.write(600);
      lab.sync();
      rulesSeen.clear();
      assertSameDecisions(lab, history.snapshotAt(history.head(), FakeHistory.LAB));
      assertThat(rulesSeen).contains(Decision.RULE_LICENSED); // lab's licences do decide here
    }
  }

  /** Every item of the generated set, every modality, every usage: the same decision. */
  private void assertSameDecisions(OfflineReplica replica, Snapshot fresh) {
    OfflineChecker expected =
        OfflineChecker.builder().snapshot(fresh).clock(clock()).maxAge(Duration.ofHours(1)).build();
    if (now.get().isAfter(fresh.exportedAt().plus(Duration.ofHours(1)))) {
      throw new IllegalStateException("compare fresh copies only");
    }
    for (Usage usage : Usage.values()) {
      List<Decision> got = replica.checkAll(items(), usage);
      List<Decision> want = expected.checkAll(items(), usage);
      for (int i = 0; i < got.size(); i++) {
        assertThat(got.get(i)).as("%s for %s", usage, items().get(i)).isEqualTo(want.get(i));
        rulesSeen.add(got.get(i).rule());
      }
    }
  }

  private List<Item> items() {
    List<Item> items = new ArrayList<>();
    for (String host : history.hosts) {
      for (int d = 0; d < 3; d++) {
        for (int f = 0; f < 7; f++) {
          items.add(Item.url("https://" + host + "/d" + d + "/" + f + ".jpg"));
        }
      }
    }
    items.add(Item.url("https://sub.c.example/d0/1.jpg"));
    for (int h = 0; h < 9; h++) {
      items.add(Item.sha256(String.format("%064x", h)));
      items.add(Item.accession("tate", "N0" + h));
    }
    List<Item> withModalities = new ArrayList<>();
    for (Item item : items) {
      withModalities.add(item);
      withModalities.add(item.withModality(Modality.IMAGE));
      withModalities.add(item.withModality(Modality.TEXT));
    }
    return withModalities;
  }
}
