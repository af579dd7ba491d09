package org.rightsregistry.server.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsregistry.server.DecisionSchema;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryHttp.Response;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestParties;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** In-band signals sent with the items of {@code POST /v1/checks}: weighed, bounded, validated. */
@RegistryTest
class SignalCheckApiTest {

  @Value("${local.server.port}")
  int port;

  RegistryHttp http;
  String host;

  @BeforeEach
  void connect() {
    http = new RegistryHttp(port).as(TestParties.token(port, "a-holder"));
    host = "signals-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
  }

  private String photo() {
    return "https://" + host + "/photo.jpg";
  }

  private void declare(String usages) {
    Response created =
        http.postJson(
            "/v1/declarations",
            """
            {"declarant": {"id": "a-holder", "name": "A holder"},
             "subjects": [{"type": "url", "value": "%s"}], "usages": {%s}}
            """
                .formatted(photo(), usages));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private static String signal(String source, String usages, String outcome) {
    return """
        {"source": "%s", "raw": "raw text of the signal", "location": "https://x.example/ header",
         "meaning": "what it says", "usages": {%s}, "outcome": "%s",
         "readAt": "2026-06-01T11:00:00Z"}"""
        .formatted(source, usages, outcome);
  }

  private String item(String... signals) {
    return "{\"url\": \"" + photo() + "\", \"signals\": [" + String.join(",", signals) + "]}";
  }

  private JsonNode decide(String extra, String item) {
    Response response =
        http.anonymous()
            .postJson(
                "/v1/checks",
                "{\"usage\": \"ai-training\"" + extra + ", \"items\": [" + item + "]}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return DecisionSchema.assertValid(response.json()).get("decisions").get(0);
  }

  @Test
  void check_signalReservation_deniesAndReportsTheSignalAsDecisiveEvidence() {
    JsonNode decision =
        decide("", item(signal("robots-tag", "\"ai-training\": \"reserved\"", "read")));

    assertThat(decision.get("verdict").asString()).isEqualTo("DENY");
    assertThat(decision.get("rule").asString()).isEqualTo("signal-reservation");
    assertThat(decision.get("categories").get("ai-training").asString()).isEqualTo("reserved");
    JsonNode evidence = decision.get("evidence").get(0);
    assertThat(evidence.get("source").asString()).isEqualTo("robots-tag");
    assertThat(evidence.get("outcome").asString()).isEqualTo("read");
    assertThat(evidence.get("raw").asString()).isEqualTo("raw text of the signal");
    assertThat(evidence.get("location").asString()).isEqualTo("https://x.example/ header");
    assertThat(evidence.get("meaning").asString()).isEqualTo("what it says");
    assertThat(evidence.get("readAt").asString()).isEqualTo("2026-06-01T11:00:00Z");
    assertThat(evidence.get("category").asString()).isEqualTo("ai-training");
    assertThat(evidence.get("effect").asString()).isEqualTo("reserved");
    assertThat(evidence.get("decisive").asBoolean()).isTrue();
  }

  @Test
  void check_signalsAndDeclarations_areWeighedTogetherInOrder() {
    declare("\"ai-training\": \"allowed\"");

    JsonNode decision =
        decide(
            "",
            item(
                signal("tdmrep", "\"text-and-data-mining\": \"reserved\"", "read"),
                signal("c2pa", "", "read")));

    assertThat(decision.get("verdict").asString()).isEqualTo("DENY");
    assertThat(decision.get("rule").asString()).isEqualTo("signal-reservation");
    assertThat(decision.get("conflict").asBoolean()).isTrue();
    JsonNode evidence = decision.get("evidence");
    assertThat(evidence).hasSize(3);
    assertThat(evidence.get(0).get("source").asString()).isEqualTo("registry");
    assertThat(evidence.get(1).get("source").asString()).isEqualTo("tdmrep");
    assertThat(evidence.get(1).get("category").asString()).isEqualTo("text-and-data-mining");
    assertThat(evidence.get(2).get("source").asString()).isEqualTo("c2pa");
    assertThat(evidence.get(2).has("category")).isFalse();
  }

  @Test
  void check_signalAllowance_allowsAnItemTheRegistryKnowsNothingAbout() {
    JsonNode decision = decide("", item(signal("iptc", "\"ai-training\": \"allowed\"", "read")));

    assertThat(decision.get("verdict").asString()).isEqualTo("ALLOW");
    assertThat(decision.get("rule").asString()).isEqualTo("signal-allowed");
  }

  @Test
  void check_unreadableSignal_failsClosedWithTheRequestedVerdict() {
    declare("\"ai-training\": \"allowed\"");
    String unreachable = item(signal("robots-txt", "", "unreachable"));
    String malformed = item(signal("content-usage", "", "malformed"));

    JsonNode byDefault = decide("", unreachable);
    JsonNode unknown = decide(", \"onUnreadableSignal\": \"UNKNOWN\"", malformed);
    JsonNode denied = decide(", \"onUnreadableSignal\": \"DENY\"", malformed);

    assertThat(byDefault.get("verdict").asString()).isEqualTo("DENY");
    assertThat(byDefault.get("rule").asString()).isEqualTo("signal-unreadable");
    assertThat(byDefault.get("evidence").get(1).get("outcome").asString()).isEqualTo("unreachable");
    assertThat(unknown.get("verdict").asString()).isEqualTo("UNKNOWN");
    assertThat(unknown.get("rule").asString()).isEqualTo("signal-unreadable");
    assertThat(denied.get("verdict").asString()).isEqualTo("DENY");
  }

  @Test
  void check_registryReservation_decidesBeforeAnUnreadableSignal() {
    declare("\"ai-training\": \"reserved\"");

    JsonNode decision =
        decide(", \"onUnreadableSignal\": \"UNKNOWN\"", item(signal("tdmrep", "", "malformed")));

    assertThat(decision.get("verdict").asString()).isEqualTo("DENY");
    assertThat(decision.get("rule").asString()).isEqualTo("reservation");
  }

  @Test
  void check_itemsWithAndWithoutSignals_eachGetTheirOwn() {
    Response response =
        http.postJson(
            "/v1/checks",
            "{\"usage\": \"ai-training\", \"items\": [{\"url\": \""
                + photo()
                + "\"}, "
                + item(signal("robots-tag", "\"ai-training\": \"reserved\"", "read"))
                + "]}");

    JsonNode decisions = DecisionSchema.assertValid(response.json()).get("decisions");
    assertThat(decisions.get(0).get("verdict").asString()).isEqualTo("UNKNOWN");
    assertThat(decisions.get(0).get("evidence")).isEmpty();
    assertThat(decisions.get(0).get("item").has("signals")).isFalse();
    assertThat(decisions.get(1).get("verdict").asString()).isEqualTo("DENY");
  }

  @Test
  void check_signalBounds_thirtyTwoSignalsAndEightKibibytesOfRawPass() {
    String raw = "r".repeat(8192);
    String big = signal("robots-txt", "", "read").replace("raw text of the signal", raw);
    String signals = IntStream.range(0, 32).mapToObj(i -> big).collect(Collectors.joining(","));

    JsonNode decision = decide("", item(signals));

    assertThat(decision.get("evidence")).hasSize(32);
    // The engine keeps the first 2,000 characters of a raw signal.
    assertThat(decision.get("evidence").get(0).get("raw").asString()).hasSize(2001);
  }

  @Test
  void check_longestMeaningAndLocation_stillGiveAnExplanationTheSchemaAllows() {
    String longest =
        signal("tdmrep", "\"ai-training\": \"reserved\"", "read")
            .replace("what it says", "m".repeat(2000))
            .replace("https://x.example/ header", "l".repeat(4096));
    String unreadable =
        signal("robots-txt", "", "unreachable")
            .replace("what it says", "m".repeat(2000))
            .replace("https://x.example/ header", "l".repeat(4096));

    // decide() validates each answer against decision.schema.json (explanation ≤ 2,000).
    JsonNode reserved = decide("", item(longest));
    JsonNode failed = decide("", item(unreadable));

    assertThat(reserved.get("rule").asString()).isEqualTo("signal-reservation");
    assertThat(failed.get("rule").asString()).isEqualTo("signal-unreadable");
    assertThat(reserved.get("evidence").get(0).get("meaning").asString()).hasSize(2000);
    assertThat(reserved.get("evidence").get(0).get("location").asString()).hasSize(4096);
  }

  @Test
  void check_overTheBounds_isRefusedNamingTheField() {
    String read = signal("robots-txt", "", "read");
    String many = IntStream.range(0, 33).mapToObj(i -> read).collect(Collectors.joining(","));
    assertRefused(item(many), "/items/0/signals");
    assertRefused(
        item(read.replace("raw text of the signal", "r".repeat(8193))), "/items/0/signals/0/raw");
    assertRefused(
        item(read.replace("https://x.example/ header", "l".repeat(4097))),
        "/items/0/signals/0/location");
    assertRefused(
        item(read.replace("what it says", "m".repeat(2001))), "/items/0/signals/0/meaning");
  }

  @Test
  void check_signalReadInTheFuture_isRefused_butAClockAFewMinutesAheadIsAllowed() {
    String read = signal("robots-txt", "\"ai-training\": \"reserved\"", "read");
    java.time.Instant now = java.time.Instant.now();
    assertRefused(
        item(
            read.replace(
                "2026-06-01T11:00:00Z", now.plus(java.time.Duration.ofDays(1)).toString())),
        "/items/0/signals/0/readAt");
    assertRefused(
        item(read.replace("2026-06-01T11:00:00Z", "2999-01-01T00:00:00+01:00")),
        "/items/0/signals/0/readAt");
    JsonNode skewed =
        decide(
            "",
            item(
                read.replace(
                    "2026-06-01T11:00:00Z", now.plus(java.time.Duration.ofMinutes(1)).toString())));
    assertThat(skewed.get("verdict").asString()).isEqualTo("DENY");
  }

  @Test
  void check_badSignalFields_areRefusedNamingEachField() {
    String read = signal("robots-txt", "\"ai-training\": \"reserved\"", "read");
    assertRefused(item(read.replace("robots-txt", "registry")), "/items/0/signals/0/source");
    assertRefused(item(read.replace("\"read\"", "\"maybe\"")), "/items/0/signals/0/outcome");
    assertRefused(
        item(read.replace("2026-06-01T11:00:00Z", "yesterday")), "/items/0/signals/0/readAt");
    assertRefused(
        item(read.replace("\"ai-training\": \"reserved\"", "\"training\": \"reserved\"")),
        "/items/0/signals/0/usages/training");
    assertRefused(
        item(read.replace("\"ai-training\": \"reserved\"", "\"ai-training\": \"forbidden\"")),
        "/items/0/signals/0/usages/ai-training");
    assertRefused(item(read.replace("what it says", "   ")), "/items/0/signals/0/meaning");
    assertRefused(
        item(read.replace("https://x.example/ header", " ")), "/items/0/signals/0/location");
    assertRefused(
        item(read.replace("\"raw\": \"raw text of the signal\", ", "")), "/items/0/signals/0/raw");
    assertRefused(item(read.replace("\"source\"", "\"kind\"")), "/items/0/signals/0/kind");
    assertRefused(
        item(signal("tdmrep", "\"ai-training\": \"reserved\"", "unreachable")),
        "/items/0/signals/0/usages");
    assertRefused(item("{\"not\": \"a signal\"}"), "/items/0/signals/0/not");
    // An item is its url, sha256 or accession; signals alone are no item.
    assertRefused("{\"signals\": [" + read + "]}", "/items/0/url");
  }

  @Test
  void check_badOnUnreadableSignal_isRefused() {
    Response refused =
        http.postJson(
            "/v1/checks",
            "{\"usage\": \"ai-training\", \"onUnreadableSignal\": \"ALLOW\","
                + " \"items\": [{\"url\": \""
                + photo()
                + "\"}]}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("field").asString()).isEqualTo("/onUnreadableSignal");
  }

  private void assertRefused(String item, String field) {
    long head = head();

    Response refused =
        http.postJson("/v1/checks", "{\"usage\": \"ai-training\", \"items\": [" + item + "]}");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().get("field").asString()).as(refused.body()).isEqualTo(field);
    assertThat(head()).as("a refused check writes nothing").isEqualTo(head);
  }

  private long head() {
    return http.get("/v1/changes?after=0&limit=1").json().get("head").asLong();
  }
}
