package org.rightsregistry.client.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.PolicyProfile;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;

/**
 * {@link OfflineChecker#verdict} is always {@code check(...).verdict()}: over random registry
 * histories (every selector type, holders, party works, modalities, trust levels, validity windows,
 * revocations, supersessions and licences), from fresh snapshots and from copies kept in step by
 * the change feed (tombstones and overlay), for every item × modality × usage, fresh and stale,
 * inside and outside validity windows, with and without each profile, anonymous and as a licensee,
 * with and without in-band signals.
 */
class OfflineVerdictTest {

  private static final Instant BEFORE_WINDOWS = FakeHistory.START.minusSeconds(1);
  private static final Instant AFTER_WINDOWS = FakeHistory.START.plus(Duration.ofDays(3_700));
  private static final Duration LONG = Duration.ofDays(4_000);
  private static final PolicyProfile[] PROFILES = {
    null, PolicyProfile.EU_OPT_OUT, PolicyProfile.LICENCE_REQUIRED, PolicyProfile.CONSENT_ONLY
  };

  @TempDir Path directory;

  private final Set<String> rulesSeen = new HashSet<>();
  private final Set<Verdict> verdictsSeen = EnumSet.noneOf(Verdict.class);
  private int compared;

  @Test
  void verdict_fromRandomSnapshots_isTheCheckedVerdict_forEveryItemUsageProfileAndClock() {
    for (long seed : new long[] {7, 19}) {
      FakeHistory history = new FakeHistory(seed);
      history.write(450);
      for (long sequence : new long[] {60, 250, 450}) {
        for (String requester : new String[] {null, FakeHistory.LAB}) {
          Snapshot snapshot = history.snapshotAt(sequence, requester);
          Instant exported = snapshot.exportedAt();
          for (PolicyProfile profile : PROFILES) {
            assertSameVerdicts(checker(snapshot, exported, LONG, profile, Verdict.DENY), items());
            assertSameVerdicts(checker(snapshot, BEFORE_WINDOWS, LONG, profile, null), items());
            assertSameVerdicts(checker(snapshot, AFTER_WINDOWS, LONG, profile, null), items());
          }
        }
      }
    }
    // Every answer is reached, so the comparison is not vacuous.
    assertThat(rulesSeen)
        .contains(
            Decision.RULE_RESERVATION,
            Decision.RULE_RESERVATION_CONFLICT,
            Decision.RULE_ALLOWED,
            Decision.RULE_LICENCE_REQUIRED,
            Decision.RULE_LICENSED,
            Decision.RULE_NO_STATEMENT,
            Decision.RULE_POLICY_DEFAULT);
    assertThat(verdictsSeen).containsExactlyInAnyOrder(Verdict.values());
    assertThat(compared).isGreaterThan(200_000);
  }

  @Test
  void verdict_staleSnapshot_isTheConfiguredFailClosedVerdict_asChecked() {
    FakeHistory history = new FakeHistory(23);
    history.write(300);
    Snapshot snapshot = history.snapshotAt(300, FakeHistory.LAB);
    Instant late = snapshot.exportedAt().plus(Duration.ofHours(2));

    for (Verdict onStale : new Verdict[] {Verdict.DENY, Verdict.UNKNOWN}) {
      for (PolicyProfile profile : PROFILES) {
        OfflineChecker checker = checker(snapshot, late, Duration.ofHours(1), profile, onStale);
        assertSameVerdicts(checker, items());
        for (Item item : items()) {
          assertThat(checker.verdict(item, Usage.AI_TRAINING)).isEqualTo(onStale);
          assertThat(checker.verdict(item, signals(new Random(item.hashCode())), Usage.AI_TRAINING))
              .isEqualTo(onStale);
        }
      }
    }
    assertThat(rulesSeen).containsOnly(OfflineChecker.RULE_SNAPSHOT_STALE);
  }

  @Test
  void verdict_exactlyAtTheFreshnessBound_isStillDecidedFromTheSnapshot() {
    OfflineChecker checker =
        checker(
            Snapshots.mixed(),
            Snapshots.EXPORTED.plus(Duration.ofHours(1)),
            Duration.ofHours(1),
            null,
            Verdict.DENY);

    Item item = Item.url("http://media.tate.org.uk/x.jpg");

    assertThat(checker.verdict(item, Usage.AI_TRAINING)).isEqualTo(Verdict.ALLOW);
    assertThat(checker.check(item, Usage.AI_TRAINING).verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void verdict_withRandomSignals_isTheCheckedVerdict() {
    FakeHistory history = new FakeHistory(29);
    history.write(300);
    Random random = new Random(31);
    for (String requester : new String[] {null, FakeHistory.LAB}) {
      Snapshot snapshot = history.snapshotAt(300, requester);
      for (PolicyProfile profile : PROFILES) {
        for (Verdict onUnreadable : new Verdict[] {Verdict.DENY, Verdict.UNKNOWN}) {
          OfflineChecker checker =
              checker(snapshot, snapshot.exportedAt(), LONG, profile, onUnreadable);
          for (Item item : items()) {
            List<Signal> signals = signals(random);
            for (Usage usage : Usage.values()) {
              Decision decision = checker.check(item, signals, usage);
              assertThat(checker.verdict(item, signals, usage))
                  .as("%s for %s with %s, %s", usage, item, signals, profile)
                  .isEqualTo(decision.verdict());
              rulesSeen.add(decision.rule());
            }
          }
        }
      }
    }
    assertThat(rulesSeen)
        .contains(
            Decision.RULE_SIGNAL_RESERVATION,
            Decision.RULE_SIGNAL_UNREADABLE,
            Decision.RULE_SIGNAL_ALLOWED,
            Decision.RULE_RESERVATION,
            Decision.RULE_LICENSED,
            Decision.RULE_NO_STATEMENT,
            Decision.RULE_POLICY_DEFAULT);
  }

  @Test
  void verdict_ofACopyKeptInStep_isTheCheckedVerdict_afterEveryPage() throws IOException {
    FakeHistory history = new FakeHistory(37);
    history.write(300);
    URI registry = history.serve();
    AtomicReference<Instant> now = new AtomicReference<>(FakeHistory.START.plusSeconds(10));
    try {
      for (String token : new String[] {null, FakeHistory.LAB_TOKEN}) {
        for (PolicyProfile profile : new PolicyProfile[] {null, PolicyProfile.LICENCE_REQUIRED}) {
          try (OfflineReplica replica =
              replica(registry, token, profile, directory.resolve(token + "-" + profile), now)) {
            for (int round = 0; round < 4; round++) {
              history.write(120);
              replica.sync();
              OfflineChecker checker = replica.checker().orElseThrow();
              assertThat(checker.state().overlaySize()).isPositive();
              assertSameVerdicts(checker, items());
            }
          }
        }
      }
    } finally {
      history.close();
    }
    assertThat(rulesSeen).contains(Decision.RULE_RESERVATION, Decision.RULE_LICENSED);
  }

  @Test
  void verdict_nullArguments_areRefusedAsCheckRefusesThem() {
    OfflineChecker checker =
        checker(Snapshots.mixed(), Snapshots.EXPORTED, LONG, null, Verdict.DENY);
    Item item = Item.url("http://media.tate.org.uk/x.jpg");
    List<Signal> withNull = new ArrayList<>();
    withNull.add(null);

    assertThatThrownBy(() -> checker.verdict(null, Usage.AI_TRAINING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item");
    assertThatThrownBy(() -> checker.verdict(item, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("usage");
    assertThatThrownBy(() -> checker.verdict(item, null, Usage.AI_TRAINING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signals");
    assertThatThrownBy(() -> checker.verdict(item, withNull, Usage.AI_TRAINING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signals");
    assertThatThrownBy(() -> checker.check(item, withNull, Usage.AI_TRAINING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verdicts_badArguments_areRefused_andAnEmptyListHasNoVerdicts() {
    OfflineChecker checker =
        checker(Snapshots.mixed(), Snapshots.EXPORTED, Duration.ofHours(1), null, Verdict.DENY);
    List<Item> withNull = new java.util.ArrayList<>(items());
    withNull.add(20, null);

    assertThat(items()).hasSizeGreaterThan(32); // more than one block of read-ahead
    assertThat(checker.verdicts(List.of(), Usage.AI_TRAINING)).isEmpty();
    assertThatThrownBy(() -> checker.verdicts(null, Usage.AI_TRAINING))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> checker.verdicts(items(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> checker.verdicts(withNull, Usage.AI_TRAINING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item 20");
    assertThatThrownBy(
            () ->
                checker.verdicts(
                    List.of(Item.url("https://example.org/a"), Item.url("ftp://example.org/b")),
                    Usage.AI_TRAINING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://example.org/b");
  }

  @Test
  void verdict_invalidUrl_isRefusedNamingIt_evenWhenStale() {
    OfflineChecker stale =
        checker(
            Snapshots.mixed(),
            Snapshots.EXPORTED.plus(Duration.ofDays(9)),
            Duration.ofHours(1),
            null,
            Verdict.DENY);

    assertThatThrownBy(() -> stale.verdict(Item.url("ftp://example.org/a"), Usage.AI_TRAINING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://example.org/a");
    assertThatThrownBy(() -> stale.check(Item.url("ftp://example.org/a"), Usage.AI_TRAINING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verdict_urlNotInNormalForm_isTheVerdictOfItsNormalForm() {
    OfflineChecker checker =
        checker(Snapshots.mixed(), Snapshots.EXPORTED, LONG, null, Verdict.DENY);
    Item written = Item.url("HTTPS://WWW.Tate.org.uk:443/art/images/work/AR/AR00086_8.jpg#x");

    for (Usage usage : Usage.values()) {
      assertThat(checker.verdict(written, usage))
          .isEqualTo(checker.check(written, usage).verdict())
          .isEqualTo(
              checker.verdict(
                  Item.url("https://www.tate.org.uk/art/images/work/AR/AR00086_8.jpg"), usage));
    }
  }

  @Test
  void verdict_partyWorksAndLegacyIds_isTheCheckedVerdict() {
    for (Snapshot snapshot : List.of(Snapshots.mixed(), Snapshots.partyWorks())) {
      OfflineChecker checker = checker(snapshot, Snapshots.EXPORTED, LONG, null, Verdict.DENY);
      List<Item> items = new ArrayList<>();
      for (String url :
          List.of(
              "https://www.tate.org.uk/art/images/work/AR/AR00086_8.jpg",
              "https://www.tate.org.uk/art/images/work/AR/AR00087_8.jpg",
              "https://www.tate.org.uk/art/images/work/A/A00/A00001_8.jpg",
              "https://www.tate.org.uk/art/images/work/N/N00001_8.jpg",
              "https://example.org/a.jpg",
              "http://media.tate.org.uk/x.jpg")) {
        items.add(Item.url(url));
      }
      items.add(Item.sha256("AB".repeat(32)));
      items.add(Item.accession("tate", "AR00086"));
      assertSameVerdicts(checker, withModalities(items));
    }
  }

  @Test
  void verdict_leavesNothingInTheThreadsScratchState() {
    OfflineChecker checker =
        checker(Snapshots.partyWorks(), Snapshots.EXPORTED, LONG, null, Verdict.DENY);

    checker.verdict(
        Item.url("https://www.tate.org.uk/art/images/work/AR/AR00087_8.jpg"), Usage.AI_TRAINING);

    // An index found in a thread's scratch state would stay alive after the checker is dropped.
    VerdictLookup lookup = VerdictLookup.forThisThread();
    assertThat(lookup.count()).isZero();
    assertThat(lookup.ownerCount()).isZero();
  }

  @Test
  void verdict_askedAgainWhileItsSignalsAreRead_staysTheCheckedVerdict() {
    OfflineChecker licenceRequired =
        checker(Snapshots.mixed(), Snapshots.EXPORTED, LONG, PolicyProfile.LICENCE_REQUIRED, null);
    OfflineChecker euOptOut =
        checker(Snapshots.mixed(), Snapshots.EXPORTED, LONG, PolicyProfile.EU_OPT_OUT, null);
    Item nothingBears = Item.url("https://unknown.example/d0/1.jpg");
    Item reserved = Item.url("https://www.tate.org.uk/art/images/work/AR/AR00086_8.jpg");
    // A signal read that says nothing of any usage: the profile's default decides.
    Signal silent =
        new Signal(
            Signal.SOURCE_ROBOTS_TAG,
            "X-Robots-Tag: all",
            "header",
            "all",
            Map.of(),
            SignalOutcome.READ,
            FakeHistory.START);

    // A list of signals that asks a verdict (of another usage, or of another checker) on this
    // thread while the outer verdict reads it, as a lazily computed list might.
    for (OfflineChecker inner : List.of(licenceRequired, euOptOut)) {
      for (Item innerItem : List.of(nothingBears, reserved)) {
        for (Usage innerUsage : Usage.values()) {
          List<Signal> reentrant =
              new java.util.AbstractList<>() {
                @Override
                public Signal get(int index) {
                  inner.verdict(innerItem, List.of(silent), innerUsage);
                  return silent;
                }

                @Override
                public int size() {
                  return 1;
                }
              };
          for (Item item : List.of(nothingBears, reserved)) {
            for (Usage usage : Usage.values()) {
              assertThat(licenceRequired.verdict(item, reentrant, usage))
                  .as("%s for %s while %s for %s is asked", usage, item, innerUsage, innerItem)
                  .isEqualTo(licenceRequired.check(item, List.of(silent), usage).verdict());
            }
          }
        }
      }
    }
  }

  @Test
  void verdict_ofAnItemUnderTheRequestersLicence_allocatesNothingOnceCompiled() {
    FakeHistory history = new FakeHistory(7);
    history.write(450);
    Snapshot snapshot = history.snapshotAt(450, FakeHistory.LAB);
    OfflineChecker checker = checker(snapshot, snapshot.exportedAt(), LONG, null, Verdict.DENY);
    Item licensed = null;
    Usage usage = null;
    for (Item item : items()) {
      for (Usage asked : Usage.values()) {
        if (licensed == null
            && checker.check(item, asked).rule().equals(Decision.RULE_LICENSED)
            && item.modality() == null) {
          licensed = item;
          usage = asked;
        }
      }
    }
    assertThat(licensed).as("an item under a licence").isNotNull();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();

    // Warm enough for the JIT's optimising compiler; then a verdict allocates nothing (as the
    // README says of every verdict on a URL in normal form), within a margin for the runtime.
    for (int i = 0; i < 300_000; i++) {
      checker.verdict(licensed, usage);
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 100_000; i++) {
      checker.verdict(licensed, usage);
    }
    long perVerdict = (threads.getThreadAllocatedBytes(thread) - before) / 100_000;

    assertThat(checker.verdict(licensed, usage)).isEqualTo(Verdict.ALLOW);
    assertThat(perVerdict).as("bytes allocated per verdict").isLessThan(8);
  }

  /** Every item and usage: the verdict equals the checked decision's. */
  private void assertSameVerdicts(OfflineChecker checker, List<Item> items) {
    for (Usage usage : Usage.values()) {
      Verdict[] batch = checker.verdicts(items, usage);
      assertThat(batch).hasSize(items.size());
      for (int i = 0; i < items.size(); i++) {
        Item item = items.get(i);
        Decision decision = checker.check(item, usage);
        assertThat(checker.verdict(item, usage))
            .as("%s for %s at sequence %d", usage, item, checker.registrySequence())
            .isEqualTo(decision.verdict());
        assertThat(batch[i])
            .as("%s for %s in a batch at sequence %d", usage, item, checker.registrySequence())
            .isEqualTo(decision.verdict());
        rulesSeen.add(decision.rule());
        verdictsSeen.add(decision.verdict());
        compared++;
      }
    }
  }

  private static OfflineChecker checker(
      Snapshot snapshot, Instant now, Duration maxAge, PolicyProfile profile, Verdict onStale) {
    OfflineChecker.Builder builder =
        OfflineChecker.builder()
            .snapshot(snapshot)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .maxAge(maxAge)
            .profile(profile);
    if (onStale != null) {
      builder.onStale(onStale);
    }
    return builder.build();
  }

  private static OfflineReplica replica(
      URI registry, String token, PolicyProfile profile, Path store, AtomicReference<Instant> now) {
    OfflineReplica.Builder builder =
        OfflineReplica.builder()
            .registry(registry)
            .store(store)
            .pageSize(25)
            .compactAfter(1_000_000)
            .maxAge(LONG)
            .profile(profile)
            .clock(
                new Clock() {
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
                });
    if (token != null) {
      builder.bearerToken(token);
    }
    return builder.build();
  }

  /** Zero to three signals of every kind: reading each effect on a random category, or unread. */
  private static List<Signal> signals(Random random) {
    int count = random.nextInt(4);
    List<Signal> signals = new ArrayList<>(count);
    Usage[] usages = Usage.values();
    Effect[] effects = Effect.values();
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(8);
      SignalOutcome outcome =
          kind == 0 ? SignalOutcome.UNREACHABLE : kind == 1 ? SignalOutcome.MALFORMED : null;
      Map<Usage, Effect> said = new EnumMap<>(Usage.class);
      if (outcome == null) {
        outcome = SignalOutcome.READ;
        if (kind != 2) {
          said.put(usages[random.nextInt(usages.length)], effects[random.nextInt(effects.length)]);
        }
      }
      signals.add(
          new Signal(
              Signal.SOURCE_ROBOTS_TAG,
              "X-Robots-Tag: noai",
              "header",
              "noai",
              said,
              outcome,
              FakeHistory.START));
    }
    return signals;
  }

  /** The items of the generated histories' selectors, in every modality. */
  private static List<Item> items() {
    List<Item> items = new ArrayList<>();
    for (String host : List.of("a.example", "b.example", "img.c.example")) {
      for (int d = 0; d < 3; d++) {
        for (int f = 0; f < 7; f++) {
          items.add(Item.url("https://" + host + "/d" + d + "/" + f + ".jpg"));
        }
      }
    }
    items.add(Item.url("https://sub.c.example/d0/1.jpg"));
    items.add(Item.url("https://unknown.example/d0/1.jpg"));
    for (int h = 0; h < 9; h++) {
      items.add(Item.sha256(String.format("%064x", h)));
      items.add(Item.accession("tate", "N0" + h));
    }
    items.add(new Item("https://a.example/d1/2.jpg", String.format("%064x", 3), null));
    return withModalities(items);
  }

  private static List<Item> withModalities(List<Item> items) {
    List<Item> all = new ArrayList<>();
    for (Item item : items) {
      all.add(item);
      for (Modality modality : Modality.values()) {
        all.add(item.withModality(modality));
      }
    }
    return all;
  }
}
