package org.rightsregistry.client.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.DecisionEngine;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Evidence;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.PolicyProfile;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.Statement;
import org.rightsregistry.client.UrlIdentity;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;

class OfflineCheckerTest {

  private static final String AR00086 = "https://www.tate.org.uk/art/images/work/AR/AR00086_8.jpg";
  private static final Clock FRESH =
      Clock.fixed(Snapshots.EXPORTED.plus(Duration.ofMinutes(30)), ZoneOffset.UTC);

  @Test
  void check_itemCoveredByEveryKindOfSelector_decidesAsTheEngineWithTheServersStatements() {
    OfflineChecker checker =
        OfflineChecker.builder().snapshot(Snapshots.mixed()).clock(FRESH).build();
    Item item = new Item(AR00086, null, new org.rightsregistry.client.Accession("tate", "AR00086"));

    Decision decision = checker.check(item, Usage.GENERATIVE_AI_TRAINING);

    List<Statement> expected = ServerMatching.statementsFor(Snapshots.mixed(), item);
    assertThat(expected)
        .extracting(s -> s.matched().type())
        .containsExactly(
            SelectorType.URL,
            SelectorType.URL,
            SelectorType.URL_PREFIX,
            SelectorType.URL_PREFIX,
            SelectorType.DOMAIN,
            SelectorType.ACCESSION);
    assertThat(decision)
        .isEqualTo(
            new DecisionEngine()
                .decide(
                    item,
                    Usage.GENERATIVE_AI_TRAINING,
                    inRecordingOrder(expected),
                    42,
                    FRESH.instant()));
    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.registrySequence()).hasValue(42);
  }

  @Test
  void check_urlNotInNormalForm_isNormalisedFirst() {
    OfflineChecker checker =
        OfflineChecker.builder().snapshot(Snapshots.mixed()).clock(FRESH).build();

    Decision decision =
        checker.check(
            Item.url("HTTPS://WWW.Tate.org.uk:443/art/images/work/AR/AR00086_8.jpg#x"),
            Usage.AI_TRAINING);

    assertThat(decision.item().url()).isEqualTo(AR00086);
    assertThat(decision.evidence())
        .extracting(e -> e.matched().value())
        .contains(AR00086, "https://www.tate.org.uk/art/images/work/AR/", "tate.org.uk");
  }

  @Test
  void check_urlNotInNormalFormWithModality_keepsTheModality() {
    // Normalising the URL used to rebuild the item without its modality.
    OfflineChecker checker =
        OfflineChecker.builder().snapshot(Snapshots.mixed()).clock(FRESH).build();
    Item item =
        Item.url("HTTPS://WWW.Tate.org.uk/art/images/work/AR/AR00086_8.jpg")
            .withModality(Modality.IMAGE);

    Decision decision = checker.check(item, Usage.AI_TRAINING);

    assertThat(decision.item()).isEqualTo(Item.url(AR00086).withModality(Modality.IMAGE));
  }

  @Test
  void check_prefixFiledUnderItsDirectoryCut_matchesOnlyUrlsStartingWithIt() {
    OfflineChecker checker =
        OfflineChecker.builder().snapshot(Snapshots.mixed()).clock(FRESH).build();

    Decision covered =
        checker.check(
            Item.url("https://www.tate.org.uk/art/images/work/A/A00/A00001_8.jpg"),
            Usage.AI_TRAINING);
    Decision notCovered =
        checker.check(
            Item.url("https://www.tate.org.uk/art/images/work/N/N00/N00001_8.jpg"),
            Usage.AI_TRAINING);

    assertThat(covered.evidence())
        .extracting(e -> e.matched().type())
        .containsExactlyInAnyOrder(SelectorType.URL_PREFIX, SelectorType.DOMAIN);
    // As online: evidence in the order the statements were recorded, not the order found.
    assertThat(covered.evidence()).extracting(e -> e.sequence()).isSorted();
    assertThat(notCovered.evidence())
        .extracting(e -> e.matched().type())
        .containsExactly(SelectorType.DOMAIN);
  }

  @Test
  void check_domainSelector_coversSubdomainsButNotLookAlikes() {
    OfflineChecker checker =
        OfflineChecker.builder().snapshot(Snapshots.mixed()).clock(FRESH).build();

    assertThat(
            checker.check(Item.url("http://media.tate.org.uk/x.jpg"), Usage.AI_TRAINING).verdict())
        .isEqualTo(Verdict.ALLOW);
    assertThat(checker.check(Item.url("http://notate.org.uk/x.jpg"), Usage.AI_TRAINING).rule())
        .isEqualTo(Decision.RULE_NO_STATEMENT);
    assertThat(checker.check(Item.url("http://tate.org.uk.evil/x"), Usage.AI_TRAINING).rule())
        .isEqualTo(Decision.RULE_NO_STATEMENT);
  }

  @Test
  void check_sha256InUpperCase_matchesTheStoredLowerCaseHash() {
    OfflineChecker checker =
        OfflineChecker.builder().snapshot(Snapshots.mixed()).clock(FRESH).build();

    Decision decision = checker.check(Item.sha256("AB".repeat(32)), Usage.AI_TRAINING);

    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.evidence().get(0).matched()).isEqualTo(Selector.sha256("ab".repeat(32)));
  }

  @Test
  void check_randomItems_giveTheSameStatementsAsTheServersKeys() {
    Snapshot snapshot = randomSnapshot(new Random(7), 3_000);
    OfflineIndex index = OfflineIndex.of(snapshot);
    Random random = new Random(11);

    for (int i = 0; i < 5_000; i++) {
      Item item = randomItem(random);
      assertThat(index.statementsFor(item))
          .as("statements for %s", item)
          .isEqualTo(ServerMatching.statementsFor(snapshot, item));
    }
  }

  @Test
  void check_itemAnotherPartyDeclaredForAHolder_isNotTheHoldersWork() {
    OfflineChecker checker =
        OfflineChecker.builder().snapshot(Snapshots.partyWorks()).clock(FRESH).build();

    Decision decision = checker.check(Item.url(AR00086), Usage.AI_TRAINING);

    assertThat(decision.rule()).isEqualTo(Decision.RULE_NO_STATEMENT);
    assertThat(decision.evidence())
        .extracting(e -> e.matched().type())
        .doesNotContain(SelectorType.PARTY_WORKS);
  }

  @Test
  void check_itemTheHolderDeclaredItself_bringsInItsOwnStatementsOnAllItsWorks() {
    OfflineChecker checker =
        OfflineChecker.builder().snapshot(Snapshots.partyWorks()).clock(FRESH).build();

    Decision decision =
        checker.check(
            Item.url("https://www.tate.org.uk/art/images/work/AR/AR00087_8.jpg"),
            Usage.AI_TRAINING);

    // DACS's own reservation on all its works, not Tate's allowance on them.
    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.evidence())
        .extracting(e -> e.declarationId(), e -> e.matched())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                new java.util.UUID(0x1234, 2).toString(), Selector.partyWorks("dacs")));
  }

  @Test
  void check_itemNoHolderDeclaredOn_isNotTouchedByStatementsOnAllWorks() {
    OfflineChecker checker =
        OfflineChecker.builder().snapshot(Snapshots.partyWorks()).clock(FRESH).build();

    Decision decision =
        checker.check(
            Item.url("https://www.tate.org.uk/art/images/work/N/N00001_8.jpg"), Usage.AI_TRAINING);

    assertThat(decision.rule()).isEqualTo(Decision.RULE_NO_STATEMENT);
  }

  @Test
  void check_holdersMoreSpecificStatement_outranksItsStatementOnAllWorks() {
    OfflineChecker checker =
        OfflineChecker.builder().snapshot(Snapshots.partyWorks()).clock(FRESH).build();

    Decision decision = checker.check(Item.url("https://example.org/a.jpg"), Usage.AI_TRAINING);

    assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(decision.evidence())
        .extracting(e -> e.matched().type(), e -> e.decisive())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SelectorType.PARTY_WORKS, false),
            org.assertj.core.groups.Tuple.tuple(SelectorType.DOMAIN, true));
  }

  @Test
  void check_pastTheFreshnessBound_deniesAsStale() {
    Clock late = Clock.fixed(Snapshots.EXPORTED.plus(Duration.ofHours(2)), ZoneOffset.UTC);
    OfflineChecker checker =
        OfflineChecker.builder()
            .snapshot(Snapshots.mixed())
            .clock(late)
            .maxAge(Duration.ofHours(1))
            .build();

    Decision decision =
        checker.check(Item.url("http://media.tate.org.uk/x.jpg"), Usage.AI_TRAINING);

    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.rule()).isEqualTo(OfflineChecker.RULE_SNAPSHOT_STALE);
    assertThat(decision.explanation()).contains("stale", "sequence 42", "PT1H");
    assertThat(decision.registrySequence()).hasValue(42);
    // SPEC.md, stale snapshot: the categories and evidence as computed, none of it decisive.
    Decision fresh =
        OfflineChecker.builder()
            .snapshot(Snapshots.mixed())
            .clock(Clock.fixed(Snapshots.EXPORTED, ZoneOffset.UTC))
            .build()
            .check(Item.url("http://media.tate.org.uk/x.jpg"), Usage.AI_TRAINING);
    assertThat(decision.categories()).isEqualTo(fresh.categories()).isNotEmpty();
    assertThat(decision.evidence()).hasSameSizeAs(fresh.evidence()).isNotEmpty();
    assertThat(decision.evidence()).noneMatch(Evidence::decisive);
  }

  @Test
  void check_withAProfile_appliesItWhereNothingBears() {
    Clock now = Clock.fixed(Snapshots.EXPORTED, ZoneOffset.UTC);
    OfflineChecker checker =
        OfflineChecker.builder()
            .snapshot(Snapshots.mixed())
            .clock(now)
            .profile(PolicyProfile.CONSENT_ONLY)
            .build();

    Decision decision =
        checker.check(Item.url("https://nothing-declared.example/a.jpg"), Usage.AI_TRAINING);

    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.rule()).isEqualTo(Decision.RULE_POLICY_DEFAULT);
  }

  @Test
  void check_staleWithAProfile_failsClosedWithoutTheProfile() {
    Clock late = Clock.fixed(Snapshots.EXPORTED.plus(Duration.ofDays(2)), ZoneOffset.UTC);
    OfflineChecker checker =
        OfflineChecker.builder()
            .snapshot(Snapshots.mixed())
            .clock(late)
            .profile(PolicyProfile.EU_OPT_OUT)
            .build();

    Decision decision =
        checker.check(Item.url("https://nothing-declared.example/a.jpg"), Usage.AI_TRAINING);

    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.rule()).isEqualTo(OfflineChecker.RULE_SNAPSHOT_STALE);
  }

  @Test
  void check_staleWithUnknownConfigured_givesUnknown() {
    Clock late = Clock.fixed(Snapshots.EXPORTED.plus(Duration.ofDays(2)), ZoneOffset.UTC);
    OfflineChecker checker =
        OfflineChecker.builder()
            .snapshot(Snapshots.mixed())
            .clock(late)
            .onStale(Verdict.UNKNOWN)
            .build();

    Decision decision =
        checker.check(Item.url("http://media.tate.org.uk/x.jpg"), Usage.AI_TRAINING);

    assertThat(decision.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(decision.rule()).isEqualTo(OfflineChecker.RULE_SNAPSHOT_STALE);
  }

  @Test
  void check_exactlyAtTheFreshnessBound_isStillFresh() {
    Clock edge = Clock.fixed(Snapshots.EXPORTED.plus(Duration.ofHours(24)), ZoneOffset.UTC);
    OfflineChecker checker =
        OfflineChecker.builder().snapshot(Snapshots.mixed()).clock(edge).build();

    assertThat(checker.check(Item.url("http://media.tate.org.uk/x.jpg"), Usage.AI_TRAINING).rule())
        .isEqualTo(Decision.RULE_ALLOWED);
  }

  @Test
  void builder_allowingVerdictWhenStale_isRefused() {
    assertThatThrownBy(() -> OfflineChecker.builder().onStale(Verdict.ALLOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DENY or UNKNOWN");
    assertThatThrownBy(() -> OfflineChecker.builder().maxAge(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> OfflineChecker.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void check_invalidUrl_namesIt() {
    OfflineChecker checker =
        OfflineChecker.builder().snapshot(Snapshots.mixed()).clock(FRESH).build();

    assertThatThrownBy(() -> checker.check(Item.url("ftp://example.org/a"), Usage.AI_TRAINING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://example.org/a");
  }

  private static final String[] HOSTS = {
    "a.example",
    "b.a.example",
    "example",
    "c.b.a.example",
    "192.0.2.1",
    "a.example:8080",
    "[2001:db8::1]"
  };
  private static final String[] PATHS = {
    "/", "/x/", "/x/y", "/x/y/", "/x/y/z.jpg", "/x/yz", "/x?q=/y/", "/w/x/y"
  };

  private static Snapshot randomSnapshot(Random random, int count) {
    List<SnapshotDeclaration> declarations = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Selector subject =
          switch (random.nextInt(6)) {
            case 0 -> Selector.url(UrlIdentity.normalise(randomUrl(random)));
            case 1 -> Selector.urlPrefix(UrlIdentity.normalise(randomUrl(random)));
            case 2 -> Selector.domain(HOSTS[random.nextInt(4)]);
            case 3 -> Selector.sha256(Integer.toHexString(random.nextInt(8)).repeat(64));
            case 4 -> Selector.accession("tate", "N0" + random.nextInt(20));
            default -> Selector.partyWorks(i % 2 == 0 ? "tate" : "dacs");
          };
      declarations.add(
          Snapshots.declaration(
              i,
              i % 2 == 0 ? Snapshots.TATE : Snapshots.DACS,
              Effect.values()[random.nextInt(3)],
              subject));
    }
    return new Snapshot(count, Snapshots.EXPORTED, declarations);
  }

  private static Item randomItem(Random random) {
    String url = random.nextInt(4) == 0 ? null : UrlIdentity.normalise(randomUrl(random));
    String sha256 =
        random.nextInt(3) == 0 ? Integer.toHexString(random.nextInt(8)).repeat(64) : null;
    var accession =
        random.nextInt(3) == 0 || (url == null && sha256 == null)
            ? new org.rightsregistry.client.Accession("tate", "N0" + random.nextInt(20))
            : null;
    return new Item(url, sha256, accession);
  }

  private static String randomUrl(Random random) {
    return (random.nextBoolean() ? "http://" : "https://")
        + HOSTS[random.nextInt(HOSTS.length)]
        + PATHS[random.nextInt(PATHS.length)];
  }

  private static List<Statement> inRecordingOrder(List<Statement> statements) {
    List<Statement> ordered = new java.util.ArrayList<>(statements);
    ordered.sort(java.util.Comparator.comparingLong(Statement::sequence));
    return ordered;
  }
}
