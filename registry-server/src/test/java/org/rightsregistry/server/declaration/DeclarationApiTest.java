package org.rightsregistry.server.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rightsregistry.server.TestDeclarations.declaration;
import static org.rightsregistry.server.TestDeclarations.uniqueUrl;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryHttp.Response;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestParties;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

@RegistryTest
class DeclarationApiTest {

  @Value("${local.server.port}")
  int port;

  @Autowired DeclarationStore store;

  RegistryHttp http;

  @BeforeEach
  void connect() {
    // Authentication now requires a credential: the declarant's own.
    http = new RegistryHttp(port).as(TestParties.token(port, "example-photographer"));
  }

  @Test
  void createsDeclarationWithNormalisedSubjectsAndReadsItBack() {
    String url = uniqueUrl();
    Response created = http.postJson("/v1/declarations", declaration(url));

    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.get("status").asString()).isEqualTo("active");
    assertThat(body.get("subjects").get(0).get("value").asString())
        .isEqualTo(url.replace("EXAMPLE.org:443/%7E", "example.org/~"));
    assertThat(created.location()).isEqualTo("/v1/declarations/" + body.get("id").asString());

    Response read = http.get(created.location());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(body);
  }

  @Test
  void sequenceNumbersIncreaseWithoutGapsAcrossCreationsAndRevocations() {
    long first =
        http.postJson("/v1/declarations", declaration(uniqueUrl())).json().get("sequence").asLong();
    String id =
        http.postJson("/v1/declarations", declaration(uniqueUrl())).json().get("id").asString();
    long revoked =
        http.postJson("/v1/declarations/" + id + "/revocation", "")
            .json()
            .get("revocation")
            .get("sequence")
            .asLong();
    long third =
        http.postJson("/v1/declarations", declaration(uniqueUrl())).json().get("sequence").asLong();

    // Other tests share the database, so only the spacing within this burst is known when
    // they do not run at the same time; JUnit runs them one after another here.
    assertThat(revoked).isEqualTo(first + 2);
    assertThat(third).isEqualTo(first + 3);
  }

  @Test
  void revocationKeepsTheDeclarationAndRecordsTheReason() {
    String id =
        http.postJson("/v1/declarations", declaration(uniqueUrl())).json().get("id").asString();

    Response revoked =
        http.postJson(
            "/v1/declarations/" + id + "/revocation",
            "{\"reason\": \"licensed to the exchange instead\"}");

    assertThat(revoked.status()).isEqualTo(201);
    JsonNode body = http.get("/v1/declarations/" + id).json();
    assertThat(body.get("status").asString()).isEqualTo("revoked");
    assertThat(body.get("revocation").get("reason").asString())
        .isEqualTo("licensed to the exchange instead");
    assertThat(body.get("usages").get("ai-training").asString()).isEqualTo("reserved");
  }

  @Test
  void revokingTwiceIsRefusedAndStoresNothing() {
    String id =
        http.postJson("/v1/declarations", declaration(uniqueUrl())).json().get("id").asString();
    http.postJson("/v1/declarations/" + id + "/revocation", "");
    long before = store.headSequence();

    Response again = http.postJson("/v1/declarations/" + id + "/revocation", "");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();
    assertThat(again.json().get("type").asString()).endsWith("/already-revoked");
    assertThat(store.headSequence()).isEqualTo(before);
  }

  @Test
  void supersedingMarksTheOldDeclarationAndKeepsBoth() {
    String old =
        http.postJson("/v1/declarations", declaration(uniqueUrl())).json().get("id").asString();
    String replacement =
        declaration(uniqueUrl()).replaceFirst("\\{", "{\"supersedes\": \"" + old + "\", ");

    Response created = http.postJson("/v1/declarations", replacement);

    assertThat(created.status()).isEqualTo(201);
    String newId = created.json().get("id").asString();
    JsonNode oldNow = http.get("/v1/declarations/" + old).json();
    assertThat(oldNow.get("status").asString()).isEqualTo("superseded");
    assertThat(oldNow.get("supersededBy").asString()).isEqualTo(newId);
    assertThat(http.get("/v1/declarations/" + newId).json().get("supersedes").asString())
        .isEqualTo(old);
  }

  @Test
  void supersedingAnUnknownOrInactiveDeclarationIsRefused() {
    String revoked =
        http.postJson("/v1/declarations", declaration(uniqueUrl())).json().get("id").asString();
    http.postJson("/v1/declarations/" + revoked + "/revocation", "");
    long before = store.headSequence();

    for (String target : new String[] {UUID.randomUUID().toString(), revoked}) {
      Response refused =
          http.postJson(
              "/v1/declarations",
              declaration(uniqueUrl())
                  .replaceFirst("\\{", "{\"supersedes\": \"" + target + "\", "));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().get("field").asString()).isEqualTo("/supersedes");
    }
    assertThat(store.headSequence()).isEqualTo(before);
  }

  @Test
  void unknownDeclarationIsNotFound() {
    Response missing = http.get("/v1/declarations/" + UUID.randomUUID());

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.isProblem()).isTrue();
  }

  @Test
  void malformedDeclarationIdIsRefusedNamingTheField() {
    Response bad = http.get("/v1/declarations/not-a-uuid");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asString()).isEqualTo("id");
  }

  static Stream<Arguments> badDeclarations() {
    String good = declaration("https://example.org/a.jpg");
    return Stream.of(
        Arguments.of("malformed JSON", "{\"declarant\": ", ""),
        Arguments.of("trailing content", good + " {}", ""),
        Arguments.of("empty body", "", ""),
        Arguments.of(
            "unknown usage category",
            good.replace("\"ai-training\"", "\"ai-trainning\""),
            "/usages"),
        Arguments.of(
            "unknown effect", good.replace("\"reserved\"", "\"forbidden\""), "/usages/ai-training"),
        Arguments.of(
            "unknown selector type", good.replace("\"url\"", "\"isbn\""), "/subjects/0/type"),
        Arguments.of("invalid URL", declaration("https://exa mple.org/a.jpg"), "/subjects/0/value"),
        Arguments.of(
            "URL with another scheme", declaration("ftp://example.org/a.jpg"), "/subjects/0/value"),
        Arguments.of(
            "hash of the wrong length",
            good.replace(
                "{\"type\": \"url\", \"value\": \"https://example.org/a.jpg\"}",
                "{\"type\": \"sha256\", \"value\": \"abc123\"}"),
            "/subjects/0/value"),
        Arguments.of(
            "hash with letters outside hex",
            good.replace(
                "{\"type\": \"url\", \"value\": \"https://example.org/a.jpg\"}",
                "{\"type\": \"sha256\", \"value\": \"" + "g".repeat(64) + "\"}"),
            "/subjects/0/value"),
        Arguments.of("no subjects", good.replaceAll("\\[.*\\]", "[]"), "/subjects"),
        Arguments.of(
            "missing declarant",
            good.replace(
                "\"declarant\": {\"id\": \"example-photographer\", "
                    + "\"name\": \"A photographer\"},",
                ""),
            "/declarant"),
        Arguments.of(
            "party id with capitals", good.replace("example-photographer", "Ex"), "/declarant/id"),
        Arguments.of("unknown field", good.replaceFirst("\\{", "{\"owner\": \"me\", "), ""),
        Arguments.of(
            "rights statement outside the vocabularies",
            good.replace("http://rightsstatements.org/vocab/InC/1.0/", "https://example.org/"),
            "/rightsStatement"),
        Arguments.of(
            "validity window ending before it starts",
            good.replaceFirst(
                "\\{",
                "{\"validFrom\": \"2026-02-01T00:00:00Z\", "
                    + "\"validUntil\": \"2026-01-01T00:00:00Z\", "),
            "/validUntil"),
        Arguments.of(
            "date without an offset",
            good.replaceFirst("\\{", "{\"validFrom\": \"2026-02-01T00:00:00\", "),
            "/validFrom"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDeclarations")
  void badDeclarationIsRefusedNamingTheFieldAndStoresNothing(
      String what, String body, String field) {
    long before = store.headSequence();

    Response refused = http.postJson("/v1/declarations", body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.isProblem()).isTrue();
    JsonNode problem = refused.json();
    assertThat(problem.get("type").asString())
        .startsWith("https://w3id.org/rights-registry/problems/");
    assertThat(problem.get("field").asString()).startsWith(field);
    assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Exception");
    assertThat(store.headSequence()).isEqualTo(before);
  }

  @Test
  void oversizedDeclarationIsRefusedWithoutReadingFurther() {
    String huge =
        declaration("https://example.org/a.jpg")
            .replaceFirst("\\{", "{\"note\": \"" + "x".repeat(2 << 20) + "\", ");

    Response refused = http.postJson("/v1/declarations", huge);

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.isProblem()).isTrue();
  }

  @Test
  void wrongContentTypeIsRefused() {
    Response refused =
        http.post("/v1/declarations", "text/plain", declaration("https://example.org/a.jpg"));

    assertThat(refused.status()).isEqualTo(415);
    assertThat(refused.isProblem()).isTrue();
  }
}
