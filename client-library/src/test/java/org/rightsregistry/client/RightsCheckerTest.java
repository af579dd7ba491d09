package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rightsregistry.client.FakeRegistry.JSON;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightsregistry.client.FakeRegistry.Answer;

class RightsCheckerTest {

  private static final Instant NOW = Instant.parse("2026-12-04T16:00:00Z");
  private static final String PHOTO = "https://example.org/gallery/a.jpg";

  private static final String DENY_RESPONSE =
      """
      {"usage": "generative-ai-training", "registrySequence": 69210,
       "evaluatedAt": "2026-12-04T16:00:00Z",
       "decisions": [{
         "item": {"url": "https://example.org/gallery/a.jpg"},
         "usage": "generative-ai-training", "verdict": "DENY", "rule": "reservation",
         "explanation": "DACS reserved ai-training for this item (declaration d-1, exact URL).",
         "conflict": false, "registrySequence": 69210,
         "categories": {"ai-training": "reserved"},
         "evidence": [{"source": "registry", "declarationId": "d-1", "sequence": 12,
           "recordedAt": "2026-03-01T10:15:30Z", "declarant": {"id": "tate", "name": "Tate"},
           "rightsHolder": {"id": "dacs", "name": "DACS"},
           "matched": {"type": "url", "value": "https://example.org/gallery/a.jpg"},
           "category": "ai-training", "effect": "reserved", "decisive": true}]
       }]}
      """;

  private FakeRegistry registry;

  @BeforeEach
  void startRegistry() throws IOException {
    registry = new FakeRegistry();
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  private RightsChecker.Builder checker() {
    return RightsChecker.builder()
        .registry(registry.uri())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .requestTimeout(Duration.ofSeconds(10));
  }

  @Test
  void check_registryAnswers_returnsTheRegistrysDecision() {
    registry.answerAlways(200, "application/json", DENY_RESPONSE);

    Decision decision = checker().build().check(Item.url(PHOTO), Usage.GENERATIVE_AI_TRAINING);

    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.rule()).isEqualTo("reservation");
    assertThat(decision.registrySequence()).isEqualTo(OptionalLong.of(69210));
    assertThat(decision.categories()).isEqualTo(Map.of(Usage.AI_TRAINING, Effect.RESERVED));
    assertThat(decision.evidence())
        .singleElement()
        .satisfies(
            evidence -> {
              assertThat(evidence.rightsHolder()).isEqualTo(new Party("dacs", "DACS"));
              assertThat(evidence.decisive()).isTrue();
            });
  }

  @Test
  void checkAll_postsTheWireFormatRequestToV1Checks() {
    checker()
        .build()
        .checkAll(
            List.of(
                Item.url(PHOTO),
                new Item(
                    null,
                    "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
                    new Accession("tate", "N00079"))),
            Usage.AI_TRAINING);

    assertThat(registry.received())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.method()).isEqualTo("POST");
              assertThat(request.path()).isEqualTo("/v1/checks");
              assertThat(request.contentType()).isEqualTo("application/json");
              assertThat(request.body())
                  .isEqualTo(
                      JSON.readTree(
                          """
          {"usage": "ai-training", "items": [
            {"url": "https://example.org/gallery/a.jpg"},
            {"sha256": "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
             "accession": {"institution": "tate", "number": "N00079"}}]}
          """));
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"registry", "registry/"})
  void checkAll_registryBelowABasePath_postsBelowItToo(String basePath) {
    URI base = registry.uri().resolve(basePath);

    checker().registry(base).build().check(Item.url(PHOTO), Usage.AI_TRAINING);

    assertThat(registry.received())
        .singleElement()
        .extracting(FakeRegistry.Received::path)
        .isEqualTo("/registry/v1/checks");
  }

  @Test
  void checkAll_moreThanTenThousandItems_splitsRequestsAndKeepsTheOrder() {
    List<Item> items =
        IntStream.range(0, 10_001)
            .mapToObj(i -> Item.url("https://example.org/" + i + ".jpg"))
            .toList();

    List<Decision> decisions = checker().build().checkAll(items, Usage.AI_TRAINING);

    assertThat(registry.received())
        .extracting(request -> request.body().get("items").size())
        .containsExactly(10_000, 1);
    assertThat(decisions).extracting(Decision::item).isEqualTo(items);
    assertThat(decisions.get(10_000).explanation()).isEqualTo("Allowed item 0.");
  }

  @Test
  void checkAll_noItems_sendsNothing() {
    assertThat(checker().build().checkAll(List.of(), Usage.AI_TRAINING)).isEmpty();
    assertThat(registry.received()).isEmpty();
  }

  @Test
  void checkAll_badRequest_throwsTheProblemDetails() {
    registry.answerAlways(
        400,
        "application/problem+json",
        """
        {"type": "https://w3id.org/rights-registry/problems/invalid-field",
         "title": "Invalid field", "status": 400,
         "detail": "items/0/url is longer than 4096 characters", "field": "/items/0/url"}
        """);
    RightsChecker checker = checker().build();

    assertThatThrownBy(() -> checker.check(Item.url(PHOTO), Usage.AI_TRAINING))
        .isInstanceOfSatisfying(
            RegistryRequestException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.type())
                  .isEqualTo("https://w3id.org/rights-registry/problems/invalid-field");
              assertThat(e.detail()).isEqualTo("items/0/url is longer than 4096 characters");
              assertThat(e.field()).contains("/items/0/url");
            })
        .isInstanceOf(RightsRegistryException.class)
        .hasMessage(
            "The registry refused the check request with HTTP 400 (https://w3id.org/"
                + "rights-registry/problems/invalid-field at /items/0/url): items/0/url is longer "
                + "than 4096 characters");
  }

  @Test
  void checkAll_clientErrorWithoutProblemDocument_throwsAnUntypedProblem() {
    registry.answerAlways(404, "text/html", "<html>Not here</html>");
    RightsChecker checker = checker().build();

    assertThatThrownBy(() -> checker.check(Item.url(PHOTO), Usage.AI_TRAINING))
        .isInstanceOfSatisfying(
            RegistryRequestException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.type()).isEqualTo("about:blank");
              assertThat(e.detail()).isEqualTo("HTTP 404 without a problem document");
              assertThat(e.field()).isEmpty();
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 408, 429})
  void checkAll_registryFailsOrSheds_deniesEveryItemWithTheReason(int status) {
    registry.answerAlways(status, "application/problem+json", "{\"status\": " + status + "}");

    List<Decision> decisions =
        checker()
            .build()
            .checkAll(
                List.of(Item.url(PHOTO), Item.accession("tate", "N00079")), Usage.AI_TRAINING);

    assertThat(decisions)
        .hasSize(2)
        .allSatisfy(
            decision -> {
              assertFailedClosed(decision, Verdict.DENY);
              assertThat(decision.explanation())
                  .isEqualTo(
                      "The registry at "
                          + registry.uri()
                          + " could not be checked at 2026-12-04T16:00:00Z (it answered HTTP "
                          + status
                          + "), so the item is treated as DENY until it can be.");
            });
    assertThat(decisions)
        .extracting(Decision::item)
        .containsExactly(Item.url(PHOTO), Item.accession("tate", "N00079"));
  }

  @Test
  void checkAll_registryTooSlow_deniesAfterTheRequestTimeout() {
    registry.hang();

    Decision decision =
        checker()
            .requestTimeout(Duration.ofMillis(300))
            .build()
            .check(Item.url(PHOTO), Usage.AI_TRAINING);

    assertFailedClosed(decision, Verdict.DENY);
    assertThat(decision.explanation())
        .contains("(it did not answer within the request timeout of PT0.3S)");
  }

  @Test
  void checkAll_connectionRefused_deniesWithTheReason() throws IOException {
    URI closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    Decision decision =
        checker()
            .registry(closedPort)
            .connectTimeout(Duration.ofSeconds(2))
            .build()
            .check(Item.url(PHOTO), Usage.AI_TRAINING);

    assertFailedClosed(decision, Verdict.DENY);
    assertThat(decision.explanation()).contains("(the connection was refused or failed)");
  }

  @Test
  void checkAll_answerIsNotJson_deniesWithTheReason() {
    registry.answerAlways(200, "application/json", "{\"decisions\": [");

    Decision decision = checker().build().check(Item.url(PHOTO), Usage.AI_TRAINING);

    assertFailedClosed(decision, Verdict.DENY);
    assertThat(decision.explanation()).contains("(its answer is not valid JSON)");
  }

  @Test
  void checkAll_answerWithADecisionMissing_deniesWithTheReason() {
    registry.answerAlways(200, "application/json", DENY_RESPONSE);

    List<Decision> decisions =
        checker()
            .build()
            .checkAll(List.of(Item.url(PHOTO), Item.url(PHOTO)), Usage.GENERATIVE_AI_TRAINING);

    assertThat(decisions).allSatisfy(decision -> assertFailedClosed(decision, Verdict.DENY));
    assertThat(decisions.get(0).explanation())
        .contains(
            "its answer is not a check response of " + "API v1: it holds 1 decisions for 2 items");
  }

  @Test
  void checkAll_answerAboutAnotherUsage_deniesWithTheReason() {
    registry.answerAlways(200, "application/json", DENY_RESPONSE);

    Decision decision = checker().build().check(Item.url(PHOTO), Usage.SEARCH_INDEXING);

    assertFailedClosed(decision, Verdict.DENY);
    assertThat(decision.explanation())
        .contains("decisions[0] is about generative-ai-training instead of search-indexing");
  }

  @Test
  void checkAll_decisionWithoutVerdict_deniesNamingTheField() {
    registry.answerAlways(
        200, "application/json", DENY_RESPONSE.replace("\"verdict\": \"DENY\",", ""));

    Decision decision = checker().build().check(Item.url(PHOTO), Usage.GENERATIVE_AI_TRAINING);

    assertFailedClosed(decision, Verdict.DENY);
    assertThat(decision.explanation())
        .contains("in decisions[0], /verdict is required but missing");
  }

  @Test
  void checkAll_unavailableConfiguredAsUnknown_givesUnknown() {
    registry.answerAlways(503, "text/plain", "busy");

    Decision decision =
        checker()
            .onRegistryUnavailable(Verdict.UNKNOWN)
            .build()
            .check(Item.url(PHOTO), Usage.AI_TRAINING);

    assertFailedClosed(decision, Verdict.UNKNOWN);
    assertThat(decision.explanation())
        .endsWith("so the item is treated as UNKNOWN until it can be.");
  }

  @Test
  void checkAll_secondRequestFails_keepsTheFirstAnswersAndDeniesTheRest() {
    AtomicInteger requests = new AtomicInteger();
    registry.answer(
        request ->
            requests.incrementAndGet() == 1
                ? FakeRegistry.allowEveryItem(request)
                : new Answer(503, "text/plain", "busy"));
    List<Item> items =
        IntStream.range(0, 10_002)
            .mapToObj(i -> Item.url("https://example.org/" + i + ".jpg"))
            .toList();

    List<Decision> decisions = checker().build().checkAll(items, Usage.AI_TRAINING);

    assertThat(decisions.subList(0, 10_000))
        .extracting(Decision::verdict)
        .containsOnly(Verdict.ALLOW);
    assertThat(decisions.subList(10_000, 10_002))
        .allSatisfy(decision -> assertFailedClosed(decision, Verdict.DENY));
  }

  @Test
  void checkAll_invalidItem_throwsNamingItsIndexAndValueBeforeSending() {
    RightsChecker checker = checker().build();
    List<Item> items = List.of(Item.url(PHOTO), Item.url("ftp://example.org/a.jpg"));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> checker.checkAll(items, Usage.AI_TRAINING))
        .withMessageStartingWith("items[1].url: Invalid URL 'ftp://example.org/a.jpg': ");
    assertThat(registry.received()).isEmpty();
  }

  @Test
  void checkAll_invalidAccessionOrDigest_throwsNamingItsIndex() {
    RightsChecker checker = checker().build();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> checker.checkAll(List.of(Item.accession("Tate", "1")), Usage.AI_TRAINING))
        .withMessageStartingWith("items[0].accession.institution 'Tate' is not a party id");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> checker.checkAll(List.of(Item.sha256("abc")), Usage.AI_TRAINING))
        .withMessage(
            "items[0].sha256: Invalid sha256 'abc': a SHA-256 digest is written as 64 "
                + "hex digits");
  }

  @Test
  void checkAll_nullItem_throwsNamingItsIndex() {
    RightsChecker checker = checker().build();
    List<Item> items = Arrays.asList(Item.url(PHOTO), null);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> checker.checkAll(items, Usage.AI_TRAINING))
        .withMessageStartingWith("items[1] is null");
  }

  @ParameterizedTest
  @EnumSource(names = {"ALLOW", "LICENCE_REQUIRED"})
  void builder_failOpenVerdict_isRefused(Verdict verdict) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RightsChecker.builder().onRegistryUnavailable(verdict))
        .withMessage(
            "onRegistryUnavailable must be DENY or UNKNOWN, since what could not be "
                + "checked is never allowed, but was "
                + verdict);
  }

  @Test
  void builder_withoutRegistry_refusesToBuild() {
    assertThatIllegalStateException()
        .isThrownBy(() -> RightsChecker.builder().build())
        .withMessageContaining("registry(URI) must be set");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://registry.example/", "/v1", "https://registry.example/?a=b"})
  void builder_registryNotAnHttpBase_isRefused(String uri) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RightsChecker.builder().registry(URI.create(uri)))
        .withMessageContaining("registry must be an absolute http or https URI")
        .withMessageContaining(uri);
  }

  @Test
  void builder_zeroTimeout_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RightsChecker.builder().requestTimeout(Duration.ZERO))
        .withMessage("requestTimeout must be a positive duration, but was PT0S");
  }

  private static final Signal NOAI =
      new Signal(
          Signal.SOURCE_ROBOTS_TAG,
          "X-Robots-Tag: noai",
          PHOTO + " header X-Robots-Tag",
          "noai",
          Map.of(Usage.AI_TRAINING, Effect.RESERVED),
          SignalOutcome.READ,
          Instant.parse("2026-12-04T15:00:00Z"));

  private static final Signal ROBOTS_DOWN =
      new Signal(
          Signal.SOURCE_ROBOTS_TXT,
          "",
          "https://example.org/robots.txt",
          "robots.txt answered 503",
          Map.of(),
          SignalOutcome.UNREACHABLE,
          Instant.parse("2026-12-04T15:00:00Z"));

  @Test
  void checkWithSignals_sendsThemWithTheItemAndTheVerdictForAnUnreadableOne() {
    checker()
        .onUnreadableSignal(Verdict.UNKNOWN)
        .profile(PolicyProfile.EU_OPT_OUT)
        .build()
        .checkAll(
            List.of(Item.url(PHOTO), Item.url(PHOTO + "?2")),
            List.of(List.of(NOAI, ROBOTS_DOWN), List.of()),
            Usage.AI_TRAINING);

    assertThat(registry.received().get(0).body())
        .isEqualTo(
            JSON.readTree(
                """
                {"usage": "ai-training", "profile": "eu-opt-out", "onUnreadableSignal": "UNKNOWN",
                 "items": [
                   {"url": "https://example.org/gallery/a.jpg", "signals": [
                     {"source": "robots-tag", "raw": "X-Robots-Tag: noai",
                      "location": "https://example.org/gallery/a.jpg header X-Robots-Tag",
                      "meaning": "noai", "usages": {"ai-training": "reserved"}, "outcome": "read",
                      "readAt": "2026-12-04T15:00:00Z"},
                     {"source": "robots-txt", "raw": "", "location": "https://example.org/robots.txt",
                      "meaning": "robots.txt answered 503", "usages": {}, "outcome": "unreachable",
                      "readAt": "2026-12-04T15:00:00Z"}]},
                   {"url": "https://example.org/gallery/a.jpg?2"}]}
                """));
  }

  @Test
  void checkWithSignals_readsTheSignalEvidenceBack() {
    registry.answerAlways(
        200,
        "application/json",
        """
        {"usage": "ai-training", "registrySequence": 7, "evaluatedAt": "2026-12-04T16:00:00Z",
         "decisions": [{"item": {"url": "https://example.org/gallery/a.jpg"},
           "usage": "ai-training", "verdict": "DENY", "rule": "signal-reservation",
           "explanation": "The item's X-Robots-Tag reserves ai-training.", "conflict": false,
           "registrySequence": 7, "categories": {"ai-training": "reserved"},
           "evidence": [{"source": "robots-tag", "outcome": "read", "raw": "X-Robots-Tag: noai",
             "location": "https://example.org/gallery/a.jpg header X-Robots-Tag",
             "meaning": "noai", "readAt": "2026-12-04T15:00:00Z", "category": "ai-training",
             "effect": "reserved", "decisive": true}]}]}
        """);

    Decision decision = checker().build().check(Item.url(PHOTO), List.of(NOAI), Usage.AI_TRAINING);

    assertThat(decision.rule()).isEqualTo("signal-reservation");
    assertThat(decision.evidence())
        .singleElement()
        .satisfies(
            evidence -> {
              assertThat(evidence.isSignal()).isTrue();
              assertThat(evidence.source()).isEqualTo("robots-tag");
              assertThat(evidence.outcome()).isEqualTo(SignalOutcome.READ);
              assertThat(evidence.raw()).isEqualTo("X-Robots-Tag: noai");
              assertThat(evidence.decisive()).isTrue();
            });
  }

  @Test
  void checkWithSignals_registryUnreachable_failsClosedKeepingTheSignalsAsEvidence()
      throws IOException {
    URI closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    Decision decision =
        checker()
            .registry(closedPort)
            .build()
            .check(Item.url(PHOTO), List.of(NOAI, ROBOTS_DOWN), Usage.GENERATIVE_AI_TRAINING);

    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.rule()).isEqualTo("registry-unreachable");
    assertThat(decision.registrySequence()).isEmpty();
    assertThat(decision.categories()).isEmpty();
    assertThat(decision.explanation()).contains("(the connection was refused or failed)");
    assertThat(decision.evidence()).hasSize(2).noneMatch(Evidence::decisive);
    assertThat(decision.evidence().get(0).category()).isEqualTo(Usage.AI_TRAINING);
    assertThat(decision.evidence().get(1).outcome()).isEqualTo(SignalOutcome.UNREACHABLE);
  }

  @Test
  void check_withACredential_sendsItAsABearerToken() {
    checker()
        .credential("rr_0123456789ab_secret")
        .build()
        .check(Item.url(PHOTO), Usage.AI_TRAINING);
    checker().build().check(Item.url(PHOTO), Usage.AI_TRAINING);

    assertThat(registry.received().get(0).authorization())
        .isEqualTo("Bearer rr_0123456789ab_secret");
    assertThat(registry.received().get(1).authorization()).isNull();
  }

  @Test
  void checkWithSignals_tooManyOrOfAnUnknownKind_throwsBeforeSending() {
    List<Signal> many = Collections.nCopies(33, NOAI);
    Signal unknown = new Signal("registry", "x", "y", "z", Map.of(), SignalOutcome.READ, NOW);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> checker().build().check(Item.url(PHOTO), many, Usage.AI_TRAINING))
        .withMessageContaining("signals[0] holds 33 signals");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> checker().build().check(Item.url(PHOTO), List.of(unknown), Usage.AI_TRAINING))
        .withMessageContaining("signals[0][0].source 'registry'");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                checker().build().checkAll(List.of(Item.url(PHOTO)), List.of(), Usage.AI_TRAINING))
        .withMessageContaining("one list per item");
    assertThat(registry.received()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(names = {"ALLOW", "LICENCE_REQUIRED"})
  void builder_failOpenVerdictForUnreadableSignals_isRefused(Verdict verdict) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RightsChecker.builder().onUnreadableSignal(verdict))
        .withMessageContaining("must be DENY or UNKNOWN");
  }

  @Test
  void builder_credentialWithSpaces_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RightsChecker.builder().credential("rr_x y"))
        .withMessageContaining("without spaces");
  }

  private static void assertFailedClosed(Decision decision, Verdict verdict) {
    assertThat(decision.verdict()).isEqualTo(verdict);
    assertThat(decision.rule()).isEqualTo("registry-unreachable");
    assertThat(decision.conflict()).isFalse();
    assertThat(decision.registrySequence()).isEmpty();
    assertThat(decision.categories()).isEmpty();
    assertThat(decision.evidence()).isEmpty();
  }
}
