package org.rightsregistry.client.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.RightsChecker;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;

/** {@link RightsChecker} in offline mode, through its public API only. */
class RightsCheckerOfflineTest {

  @TempDir Path directory;

  FakeHistory history;
  URI registry;

  @BeforeEach
  void serve() throws IOException {
    history = new FakeHistory(11);
    history.write(200);
    registry = history.serve();
  }

  @AfterEach
  void stop() {
    history.close();
  }

  @Test
  void offline_checksLocally_syncs_andNamesTheSequence() {
    Clock clock = Clock.fixed(FakeHistory.START.plusSeconds(60), ZoneOffset.UTC);
    try (RightsChecker checker =
        RightsChecker.builder()
            .registry(registry)
            .credential(FakeHistory.LAB_TOKEN)
            .offline(directory.resolve("registry.snapshot"), Duration.ofDays(3650))
            .clock(clock)
            .build()) {
      long built = checker.registrySequence().orElseThrow();
      history.write(100);

      long synced = checker.sync();

      assertThat(built).isLessThan(synced);
      assertThat(synced).isEqualTo(history.head());
      OfflineChecker fresh =
          OfflineChecker.builder()
              .snapshot(history.snapshotAt(synced, FakeHistory.LAB))
              .clock(clock)
              .maxAge(Duration.ofDays(3650))
              .build();
      for (Usage usage : Usage.values()) {
        List<Decision> decisions = checker.checkAll(items(), usage);
        assertThat(decisions).isEqualTo(fresh.checkAll(items(), usage));
        assertThat(decisions).allSatisfy(d -> assertThat(d.registrySequence()).hasValue(synced));
      }
      assertThat(history.pageRequests.get()).isPositive();
    }
  }

  @Test
  void offlineChecker_staysAtItsSequence_whileSyncsMoveTheCopyOn_andItsVerdictsAreTheChecked() {
    Clock clock = Clock.fixed(FakeHistory.START.plusSeconds(60), ZoneOffset.UTC);
    try (RightsChecker checker =
        checker(directory.resolve("registry.snapshot"), FakeHistory.LAB_TOKEN, clock)) {
      OfflineChecker before = checker.offlineChecker().orElseThrow();
      long built = checker.registrySequence().orElseThrow();
      history.write(100);

      long synced = checker.sync();
      OfflineChecker after = checker.offlineChecker().orElseThrow();

      assertThat(before.registrySequence()).isEqualTo(built);
      assertThat(after.registrySequence()).isEqualTo(synced).isGreaterThan(built);
      OfflineChecker freshBefore = fresh(built, clock);
      for (Usage usage : Usage.values()) {
        List<Decision> now = checker.checkAll(items(), usage);
        for (int i = 0; i < items().size(); i++) {
          Item item = items().get(i);
          assertThat(after.verdict(item, usage)).isEqualTo(now.get(i).verdict());
          assertThat(before.verdict(item, usage))
              .isEqualTo(freshBefore.check(item, usage).verdict());
        }
      }
    }
  }

  @Test
  void offlineChecker_noCopy_isEmpty_andOnlineIsRefused() {
    Clock clock = Clock.fixed(FakeHistory.START.plusSeconds(60), ZoneOffset.UTC);
    history.down = true;
    try (RightsChecker offline = checker(directory.resolve("none.snapshot"), null, clock);
        RightsChecker online = RightsChecker.builder().registry(registry).build()) {
      assertThat(offline.offlineChecker()).isEmpty();
      assertThatThrownBy(online::offlineChecker)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("offline(store, maxAge)");
    }
  }

  private OfflineChecker fresh(long sequence, Clock clock) {
    return OfflineChecker.builder()
        .snapshot(history.snapshotAt(sequence, FakeHistory.LAB))
        .clock(clock)
        .maxAge(Duration.ofDays(3650))
        .build();
  }

  // Issue 7: a copy saved with lab's credential answered from lab's licences for anyone.
  @Test
  void offline_copyMadeWithAnotherCredential_decidesAsAFreshCopyForThisOne() {
    Clock clock = Clock.fixed(FakeHistory.START.plusSeconds(60), ZoneOffset.UTC);
    Path store = directory.resolve("registry.snapshot");
    checker(store, FakeHistory.LAB_TOKEN, clock).close();

    String[] tokens = {null, FakeHistory.OTHER_TOKEN, FakeHistory.LAB_TOKEN};
    String[] requesters = {null, FakeHistory.OTHER, FakeHistory.LAB};
    for (int i = 0; i < tokens.length; i++) {
      try (RightsChecker checker = checker(store, tokens[i], clock)) {
        OfflineChecker fresh =
            OfflineChecker.builder()
                .snapshot(history.snapshotAt(history.head(), requesters[i]))
                .clock(clock)
                .maxAge(Duration.ofDays(3650))
                .build();
        for (Usage usage : Usage.values()) {
          assertThat(checker.checkAll(items(), usage)).isEqualTo(fresh.checkAll(items(), usage));
        }
      }
    }
    assertThat(history.snapshotRequests.get()).isEqualTo(1 + tokens.length);
  }

  @Test
  void offline_copyMadeWithAnotherCredential_registryDown_failsClosed() {
    Clock clock = Clock.fixed(FakeHistory.START.plusSeconds(60), ZoneOffset.UTC);
    Path store = directory.resolve("registry.snapshot");
    checker(store, FakeHistory.LAB_TOKEN, clock).close();
    history.down = true;

    for (String token : new String[] {null, FakeHistory.OTHER_TOKEN}) {
      try (RightsChecker checker = checker(store, token, clock)) {
        assertThat(checker.registrySequence()).isEmpty();
        for (Usage usage : Usage.values()) {
          assertThat(checker.checkAll(items(), usage))
              .allSatisfy(
                  d -> {
                    assertThat(d.verdict()).isEqualTo(Verdict.DENY);
                    assertThat(d.rule()).isEqualTo(Decision.RULE_REGISTRY_UNREACHABLE);
                  });
        }
      }
    }
  }

  private RightsChecker checker(Path store, String token, Clock clock) {
    RightsChecker.Builder builder =
        RightsChecker.builder()
            .registry(registry)
            .offline(store, Duration.ofDays(3650))
            .clock(clock);
    if (token != null) {
      builder.credential(token);
    }
    return builder.build();
  }

  @Test
  void offline_withSignals_weighsThemLocally_andNamesTheSequence() {
    Clock clock = Clock.fixed(FakeHistory.START.plusSeconds(60), ZoneOffset.UTC);
    Signal noai =
        new Signal(
            Signal.SOURCE_ROBOTS_TAG,
            "X-Robots-Tag: noai",
            "header X-Robots-Tag",
            "noai",
            Map.of(Usage.AI_TRAINING, Effect.RESERVED),
            SignalOutcome.READ,
            FakeHistory.START);
    try (RightsChecker checker =
        RightsChecker.builder()
            .registry(registry)
            .offline(directory.resolve("registry.snapshot"), Duration.ofDays(3650))
            .clock(clock)
            .build()) {
      long sequence = checker.registrySequence().orElseThrow();
      for (Item item : items()) {
        Decision without = checker.check(item, Usage.GENERATIVE_AI_TRAINING);
        Decision with = checker.check(item, List.of(noai), Usage.GENERATIVE_AI_TRAINING);

        assertThat(with.verdict()).isEqualTo(Verdict.DENY);
        assertThat(with.rule())
            .isEqualTo(without.verdict() == Verdict.DENY ? without.rule() : "signal-reservation");
        assertThat(with.registrySequence()).hasValue(sequence);
        assertThat(with.evidence()).hasSize(without.evidence().size() + 1);
        assertThat(with.evidence().get(with.evidence().size() - 1).raw())
            .isEqualTo("X-Robots-Tag: noai");
      }
    }
  }

  @Test
  void offline_withDifferentVerdictsForUnreadableSignalsAndAStaleCopy_isRefused() {
    RightsChecker.Builder builder =
        RightsChecker.builder()
            .registry(registry)
            .offline(directory.resolve("registry.snapshot"), Duration.ofHours(1))
            .onRegistryUnavailable(Verdict.DENY)
            .onUnreadableSignal(Verdict.UNKNOWN);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "onUnreadableSignal (UNKNOWN) must equal onRegistryUnavailable (DENY)");
  }

  @Test
  void offline_pastTheBound_failsClosedWithTheChosenVerdict() {
    Clock late = Clock.fixed(history.clock().plus(Duration.ofHours(2)), ZoneOffset.UTC);
    try (RightsChecker checker =
        RightsChecker.builder()
            .registry(registry)
            .offline(directory.resolve("registry.snapshot"), Duration.ofHours(1))
            .onRegistryUnavailable(Verdict.UNKNOWN)
            .clock(late)
            .build()) {
      Decision decision = checker.check(Item.url("https://a.example/d0/1.jpg"), Usage.AI_TRAINING);

      assertThat(decision.verdict()).isEqualTo(Verdict.UNKNOWN);
      assertThat(decision.rule()).isEqualTo(OfflineChecker.RULE_SNAPSHOT_STALE);
      assertThat(decision.registrySequence()).hasValue(history.head());
    }
  }

  @Test
  void offline_syncEvery_runsUntilClosed() throws InterruptedException {
    RightsChecker checker =
        RightsChecker.builder()
            .registry(registry)
            .offline(directory.resolve("registry.snapshot"), Duration.ofDays(3650))
            .syncEvery(Duration.ofMillis(20))
            .build();
    history.write(20);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (checker.registrySequence().orElse(0) < history.head() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    assertThat(checker.registrySequence()).hasValue(history.head());
    checker.close();
  }

  @Test
  void online_hasNoLocalCopyToSync() {
    RightsChecker online = RightsChecker.builder().registry(registry).build();

    assertThatThrownBy(online::sync)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("offline(store, maxAge)");
    assertThatThrownBy(
            () ->
                RightsChecker.builder().registry(registry).syncEvery(Duration.ofMinutes(1)).build())
        .isInstanceOf(IllegalStateException.class);
  }

  private static List<Item> items() {
    List<Item> items = new ArrayList<>();
    for (String host : List.of("a.example", "b.example", "img.c.example")) {
      for (int d = 0; d < 3; d++) {
        for (int f = 0; f < 7; f++) {
          items.add(Item.url("https://" + host + "/d" + d + "/" + f + ".jpg"));
        }
      }
    }
    for (int h = 0; h < 9; h++) {
      items.add(Item.sha256(String.format("%064x", h)));
      items.add(Item.accession("tate", "N0" + h));
    }
    return items;
  }
}
