package org.rightsregistry.server.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import tools.jackson.databind.node.ObjectNode;

@RegistryTest
class CheckApiTest {

  @Value("${local.server.port}")
  int port;

  RegistryHttp http;
  String host;

  @BeforeEach
  void connect() {
    // Declaring now requires a credential: the declarant's own.
    http = new RegistryHttp(port).as(TestParties.token(port, "a-holder"));
    host = "site-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
  }

  private String declare(String subjects, String usages) {
    Response created =
        http.postJson(
            "/v1/declarations",
            """
        {"declarant": {"id": "a-holder", "name": "A holder"},
         "subjects": [%s], "usages": {%s}}
        """
                .formatted(subjects, usages));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private JsonNode check(String usage, String... items) {
    Response response =
        http.postJson(
            "/v1/checks",
            """
        {"usage": "%s", "items": [%s]}"""
                .formatted(usage, String.join(",", items)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return DecisionSchema.assertValid(response.json());
  }

  private static String url(String url) {
    return "{\"url\": \"" + url + "\"}";
  }

  @Test
  void check_declarationOfAPartySuspendedLater_countsAsSelfAssertedWithItsUsages() {
    // The check reads usages and suspensions in its one lookup query; both must still count.
    String party = TestParties.newParty(port, "institution");
    RegistryHttp operator = TestParties.operator(port);
    Response verified =
        operator.postJson(
            "/v1/parties/" + party + "/verification", "{\"level\": \"institution-verified\"}");
    assertThat(verified.status()).as(verified.body()).isEqualTo(200);
    RegistryHttp declarant = new RegistryHttp(port).as(TestParties.token(port, party));
    // A content hash is graded by the declarant's own verification, so it starts verified.
    String sha256 = UUID.randomUUID().toString().replace("-", "").repeat(2);
    Response created =
        declarant.postJson(
            "/v1/declarations",
            """
        {"declarant": {"id": "%s"}, "subjects": [{"type": "sha256", "value": "%s"}],
         "usages": {"ai-training": "reserved", "search-indexing": "allowed"}}
        """
                .formatted(party, sha256));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String item = "{\"sha256\": \"" + sha256 + "\"}";

    JsonNode before = check("search-indexing", item).get("decisions").get(0);
    operator.postJson("/v1/parties/" + party + "/suspension", "{\"reason\": \"test\"}");
    JsonNode after = check("search-indexing", item).get("decisions").get(0);

    assertThat(before.get("verdict").asString()).isEqualTo("ALLOW");
    assertThat(before.get("evidence").get(0).get("trustLevel").asString())
        .isEqualTo("institution-verified");
    assertThat(after.get("verdict").asString()).isEqualTo("ALLOW");
    assertThat(after.get("evidence").get(0).get("trustLevel").asString())
        .isEqualTo("self-asserted");
    assertThat(after.get("categories").get("search-indexing").asString()).isEqualTo("allowed");
    assertThat(after.get("categories").get("ai-training")).isNull();
    // Asked as at an instant before the suspension, the registry answers as it stood then.
    String then = before.get("evidence").get(0).get("recordedAt").asString();
    Response asThen =
        http.postJson(
            "/v1/checks",
            """
            {"usage": "search-indexing", "at": "%s", "items": [%s],
             "profile": "consent-only"}"""
                .formatted(then, item));
    Response asNow =
        http.postJson(
            "/v1/checks",
            """
            {"usage": "search-indexing", "items": [%s], "profile": "consent-only"}"""
                .formatted(item));
    JsonNode thenDecision = DecisionSchema.assertValid(asThen.json()).get("decisions").get(0);
    JsonNode nowDecision = DecisionSchema.assertValid(asNow.json()).get("decisions").get(0);
    assertThat(thenDecision.get("evidence").get(0).get("trustLevel").asString())
        .isEqualTo("institution-verified");
    // A profile that trusts only verified allowances counts it then, and not now.
    assertThat(thenDecision.get("verdict").asString()).isEqualTo("ALLOW");
    assertThat(nowDecision.get("verdict").asString()).isEqualTo("DENY");
  }

  @Test
  void exactUrlReservationDeniesEveryEquivalentSpelling() {
    declare(
        "{\"type\": \"url\", \"value\": \"https://" + host + "/~user/pic.jpg\"}",
        "\"ai-training\": \"reserved\"");

    JsonNode result =
        check(
            "generative-ai-training",
            url("https://" + host.toUpperCase() + ":443/%7Euser/pic.jpg#top"),
            url("https://" + host + "./~user/pic.jpg"));

    for (JsonNode decision : result.get("decisions")) {
      assertThat(decision.get("verdict").asString()).isEqualTo("DENY");
      assertThat(decision.get("evidence").get(0).get("matched").get("type").asString())
          .isEqualTo("url");
      assertThat(decision.get("registrySequence").asLong())
          .isEqualTo(result.get("registrySequence").asLong());
    }
  }

  @Test
  void differentPathsAreDifferentItems() {
    declare(
        "{\"type\": \"url\", \"value\": \"https://" + host + "/a%2Fb.jpg\"}",
        "\"ai-training\": \"reserved\"");
    declare(
        "{\"type\": \"url\", \"value\": \"https://" + host + "/Photo.jpg\"}",
        "\"ai-training\": \"reserved\"");

    JsonNode result =
        check(
            "ai-training",
            url("https://" + host + "/a/b.jpg"),
            url("https://" + host + "/photo.jpg"));

    assertThat(result.get("decisions").get(0).get("verdict").asString()).isEqualTo("UNKNOWN");
    assertThat(result.get("decisions").get(1).get("verdict").asString()).isEqualTo("UNKNOWN");
  }

  @Test
  void domainAndPrefixSelectorsCoverWhatTheyName() {
    declare(
        "{\"type\": \"domain\", \"value\": \"" + host.toUpperCase() + "\"}",
        "\"text-and-data-mining\": \"licence-required\"");
    declare(
        "{\"type\": \"url-prefix\", \"value\": \"https://www." + host + "/gallery/\"}",
        "\"ai-training\": \"allowed\"");

    JsonNode result =
        check(
            "generative-ai-training",
            url("https://cdn." + host + "/x.jpg"),
            url("https://www." + host + "/gallery/2026/img.jpg"),
            url("https://www." + host + "/galleryx/img.jpg"),
            url("https://other-" + host + "/x.jpg"));

    JsonNode decisions = result.get("decisions");
    assertThat(decisions.get(0).get("verdict").asString()).isEqualTo("LICENCE_REQUIRED");
    // One holder: the prefix is more specific than the domain, so its "allowed" wins.
    assertThat(decisions.get(1).get("verdict").asString()).isEqualTo("ALLOW");
    assertThat(decisions.get(2).get("verdict").asString()).isEqualTo("LICENCE_REQUIRED");
    assertThat(decisions.get(3).get("verdict").asString()).isEqualTo("UNKNOWN");
  }

  @Test
  void check_urlsOfOneDirectoryInOneRequest_eachGetsOnlyThePrefixesItStartsWith() {
    // The keys of a directory are looked up once per request and shared by its URLs; a prefix
    // is filed under its directory, so it must still be compared with each URL.
    declare(
        "{\"type\": \"url-prefix\", \"value\": \"https://" + host + "/gallery/ab\"}",
        "\"ai-training\": \"reserved\"");
    declare(
        "{\"type\": \"url-prefix\", \"value\": \"https://" + host + "/gallery/\"}",
        "\"text-and-data-mining\": \"allowed\"");
    String hash = UUID.randomUUID().toString().replace("-", "").repeat(2);
    declare("{\"type\": \"sha256\", \"value\": \"" + hash + "\"}", "\"ai-training\": \"allowed\"");

    JsonNode decisions =
        check(
                "ai-training",
                url("https://" + host + "/gallery/abc.jpg"),
                url("https://" + host + "/gallery/xyz.jpg"),
                url("https://" + host + "/gallery/abc.jpg"),
                "{\"url\": \"https://" + host + "/gallery/x.jpg\", \"sha256\": \"" + hash + "\"}")
            .get("decisions");

    assertThat(decisions.get(0).get("verdict").asString()).isEqualTo("DENY");
    assertThat(decisions.get(0).get("evidence")).hasSize(2);
    assertThat(decisions.get(1).get("verdict").asString()).isEqualTo("ALLOW");
    assertThat(decisions.get(1).get("evidence")).hasSize(1);
    assertThat(decisions.get(1).get("evidence").get(0).get("matched").get("value").asString())
        .isEqualTo("https://" + host + "/gallery/");
    assertThat(decisions.get(2)).isEqualTo(decisions.get(0));
    assertThat(decisions.get(3).get("verdict").asString()).isEqualTo("ALLOW");
    assertThat(decisions.get(3).get("evidence")).hasSize(2);
  }

  @Test
  void hashesMatchWhateverTheirCase() {
    String hash = UUID.randomUUID().toString().replace("-", "").repeat(2);
    declare(
        "{\"type\": \"sha256\", \"value\": \"" + hash.toUpperCase() + "\"}",
        "\"text-and-data-mining\": \"reserved\"");

    JsonNode result = check("search-indexing", "{\"sha256\": \"" + hash + "\"}");

    assertThat(result.get("decisions").get(0).get("verdict").asString()).isEqualTo("DENY");
  }

  @Test
  void accessionNumbersMatchWithinTheirInstitution() {
    String number = "N" + UUID.randomUUID().toString().substring(0, 6);
    declare(
        "{\"type\": \"accession\", \"institution\": \"a-museum\", \"number\": \"" + number + "\"}",
        "\"ai-training\": \"reserved\"");

    JsonNode result =
        check(
            "ai-training",
            "{\"accession\": {\"institution\": \"a-museum\", \"number\": \"" + number + "\"}}",
            "{\"accession\": {\"institution\": \"another-museum\", \"number\": \""
                + number
                + "\"}}");

    assertThat(result.get("decisions").get(0).get("verdict").asString()).isEqualTo("DENY");
    assertThat(result.get("decisions").get(1).get("verdict").asString()).isEqualTo("UNKNOWN");
  }

  @Test
  void revokedDeclarationNoLongerCounts() {
    String id =
        declare(
            "{\"type\": \"url\", \"value\": \"https://" + host + "/a.jpg\"}",
            "\"ai-training\": \"reserved\"");
    http.postJson("/v1/declarations/" + id + "/revocation", "");

    JsonNode result = check("ai-training", url("https://" + host + "/a.jpg"));

    assertThat(result.get("decisions").get(0).get("verdict").asString()).isEqualTo("UNKNOWN");
  }

  @Test
  void declarationOutsideItsValidityWindowDoesNotCount() {
    Response created =
        http.postJson(
            "/v1/declarations",
            """
        {"declarant": {"id": "a-holder"}, "validFrom": "%s",
         "subjects": [{"type": "url", "value": "https://%s/a.jpg"}],
         "usages": {"ai-training": "reserved"}}
        """
                .formatted(Instant.now().plusSeconds(86_400), host));
    assertThat(created.status()).isEqualTo(201);

    JsonNode result = check("ai-training", url("https://" + host + "/a.jpg"));

    assertThat(result.get("decisions").get(0).get("verdict").asString()).isEqualTo("UNKNOWN");
  }

  @Test
  void anotherHoldersReservationWinsOverALicenceAndIsFlagged() {
    String subject = "{\"type\": \"url\", \"value\": \"https://" + host + "/a.jpg\"}";
    RegistryHttp museum = http.as(TestParties.token(port, "a-museum"));
    museum.postJson(
        "/v1/declarations",
        """
        {"declarant": {"id": "a-museum"}, "subjects": [%s],
         "usages": {"text-and-data-mining": "allowed"}}"""
            .formatted(subject));
    museum.postJson(
        "/v1/declarations",
        """
        {"declarant": {"id": "a-museum"}, "rightsHolder": {"id": "an-estate"},
         "subjects": [%s], "usages": {"ai-training": "reserved"}}"""
            .formatted(subject));

    JsonNode decision =
        check("ai-training", url("https://" + host + "/a.jpg")).get("decisions").get(0);

    assertThat(decision.get("verdict").asString()).isEqualTo("DENY");
    assertThat(decision.get("conflict").asBoolean()).isTrue();
    assertThat(decision.get("evidence")).hasSize(2);
  }

  @Test
  void decisionsComeBackInRequestOrder() {
    declare(
        "{\"type\": \"url\", \"value\": \"https://" + host + "/1.jpg\"}",
        "\"ai-training\": \"reserved\"");

    JsonNode decisions =
        check(
                "ai-training",
                url("https://" + host + "/0.jpg"),
                url("https://" + host + "/1.jpg"),
                url("https://" + host + "/2.jpg"))
            .get("decisions");

    assertThat(decisions.get(0).get("verdict").asString()).isEqualTo("UNKNOWN");
    assertThat(decisions.get(1).get("verdict").asString()).isEqualTo("DENY");
    assertThat(decisions.get(2).get("item").get("url").asString()).endsWith("/2.jpg");
  }

  @Test
  void tenThousandItemsAreAcceptedAndOneMoreIsRefused() {
    String items =
        IntStream.range(0, 10_000)
            .mapToObj(i -> url("https://" + host + "/" + i + ".jpg"))
            .collect(Collectors.joining(","));

    Response full =
        http.postJson("/v1/checks", "{\"usage\": \"ai-training\", \"items\": [" + items + "]}");
    Response over =
        http.postJson(
            "/v1/checks",
            "{\"usage\": \"ai-training\", \"items\": ["
                + items
                + ","
                + url("https://" + host + "/x.jpg")
                + "]}");

    assertThat(full.status()).isEqualTo(200);
    assertThat(full.json().get("decisions")).hasSize(10_000);
    assertThat(over.status()).isEqualTo(400);
    assertThat(over.json().get("field").asString()).isEqualTo("/items");
  }

  @Test
  void check_largeRequestLookedUpInTwoHalves_sameDecisionsAsOneItemAtATime() {
    // From 2,000 lookup keys on, half of them are read on a second connection in the same
    // snapshot; the first and the last item fall in different halves.
    String first = "https://" + host + "/first.jpg";
    String last = "https://" + host + "/last.jpg";
    declare("{\"type\": \"url\", \"value\": \"" + first + "\"}", "\"ai-training\": \"reserved\"");
    declare("{\"type\": \"url\", \"value\": \"" + last + "\"}", "\"ai-training\": \"allowed\"");
    List<String> items = new ArrayList<>();
    items.add(url(first));
    for (int i = 0; i < 3_000; i++) {
      items.add(url("https://" + host + "/d" + i + "/" + i + ".jpg"));
    }
    items.add(url(last));

    JsonNode decisions = check("ai-training", items.toArray(String[]::new)).get("decisions");

    assertThat(decisions).hasSize(items.size());
    assertThat(withoutSequence(decisions.get(0)))
        .isEqualTo(withoutSequence(check("ai-training", url(first)).get("decisions").get(0)));
    assertThat(withoutSequence(decisions.get(items.size() - 1)))
        .isEqualTo(withoutSequence(check("ai-training", url(last)).get("decisions").get(0)));
    assertThat(decisions.get(0).get("verdict").asString()).isEqualTo("DENY");
    assertThat(decisions.get(items.size() - 1).get("verdict").asString()).isEqualTo("ALLOW");
    for (int i = 1; i < items.size() - 1; i++) {
      assertThat(decisions.get(i).get("verdict").asString()).isEqualTo("UNKNOWN");
    }
  }

  private static JsonNode withoutSequence(JsonNode decision) {
    ObjectNode copy = ((ObjectNode) decision).deepCopy();
    copy.remove("registrySequence");
    return copy;
  }

  @Test
  void badCheckRequestsNameTheField() {
    assertRefused(
        "{\"usage\": \"training\", \"items\": [" + url("https://a.example/") + "]}", "/usage");
    assertRefused("{\"usage\": \"ai-training\", \"items\": []}", "/items");
    assertRefused("{\"usage\": \"ai-training\", \"items\": [{}]}", "/items/0");
    assertRefused(
        "{\"usage\": \"ai-training\", \"items\": [" + url("https://a b.example/") + "]}",
        "/items/0/url");
    assertRefused(
        "{\"usage\": \"ai-training\", \"items\": [{\"accession\": "
            + "{\"institution\": \"tate\", \"number\": \"  \"}}]}",
        "/items/0/accession/number");
    assertRefused(
        "{\"usage\": \"ai-training\", \"items\": [{\"sha256\": \"xyz\"}]}", "/items/0/sha256");
    assertRefused("{\"usage\": \"ai-training\", \"items\": [{\"isbn\": \"123\"}]}", "/items/0");
    // A modality alone is no item: it once passed the schema and failed in the server.
    assertRefused(
        "{\"usage\": \"ai-training\", \"items\": [{\"modality\": \"image\"}]}", "/items/0/url");
    assertRefused("{\"usage\": \"ai-training\"", "");
  }

  private void assertRefused(String body, String field) {
    Response refused = http.postJson("/v1/checks", body);
    assertThat(refused.status()).as(body).isEqualTo(400);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().get("field").asString()).as(body).startsWith(field);
  }
}
