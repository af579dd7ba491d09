package org.rightsregistry.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rightsregistry.server.TestDeclarations.declaration;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryHttp.Response;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestParties;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Input found to break the first version: each once gave 500 or changed what was sent. */
@RegistryTest
class HostileInputTest {

  @Value("${local.server.port}")
  int port;

  @Autowired DeclarationStore store;

  RegistryHttp http;

  @BeforeEach
  void connect() {
    // Declaring now requires a credential: the declarant's own.
    http = new RegistryHttp(port).as(TestParties.token(port, "example-photographer"));
  }

  private void assertRefused(String body, String type, String field) {
    long before = store.headSequence();

    Response refused = http.postJson("/v1/declarations", body);

    assertThat(refused.status()).as(body).isEqualTo(400);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().get("type").asString()).endsWith("/" + type);
    if (field != null) {
      assertThat(refused.json().get("field").asString()).isEqualTo(field);
    }
    assertThat(refused.body()).doesNotContain("jackson", "Jackson", "java.", "`");
    assertThat(store.headSequence()).isEqualTo(before);
  }

  @Test
  void exactUrlOfTheLongestAllowedLengthIsStoredAndFound() {
    // A btree index refused keys this long (PostgreSQL "index row size exceeds" gave 500).
    String url = "https://long.example/" + UUID.randomUUID() + "/" + "a".repeat(4000);

    Response created = http.postJson("/v1/declarations", declaration(url));
    Response checked =
        http.postJson(
            "/v1/checks", "{\"usage\": \"ai-training\", \"items\": [{\"url\": \"" + url + "\"}]}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(checked.json().get("decisions").get(0).get("verdict").asString()).isEqualTo("DENY");
  }

  @Test
  void nulCharacterInAnyTextIsRefusedNamingTheField() {
    String good = declaration("https://nul.example/a.jpg");

    assertRefused(
        good.replace("{\"declarant\"", "{\"note\": \"before\\u0000after\", \"declarant\""),
        "invalid-field",
        "/note");
    assertRefused(
        good.replace("\"A photographer\"", "\"A\\u0000photographer\""),
        "invalid-field",
        "/declarant/name");
  }

  @Test
  void unpairedSurrogateIsRefusedRatherThanStoredAsSomethingElse() {
    assertRefused(
        declaration("https://surrogate.example/a.jpg")
            .replace("{\"declarant\"", "{\"note\": \"a\\ud800b\", \"declarant\""),
        "invalid-field",
        "/note");
  }

  @Test
  void malformedJsonSaysWhatIsWrongInWordsAndWhere() {
    String good = declaration("https://malformed.example/a.jpg");

    assertRefused(good + " {}", "malformed-json", "");
    assertRefused("{\"note\": \"x\", \"note\": \"y\"}", "malformed-json", "/note");
    assertRefused("[".repeat(2000) + "]".repeat(2000), "malformed-json", null);
    assertRefused("{\"declarant\": ", "malformed-json", "/declarant");
  }

  @Test
  void nulInACheckedAccessionNumberIsRefused() {
    Response refused =
        http.postJson(
            "/v1/checks",
            "{\"usage\": \"ai-training\", \"items\": [{\"accession\": "
                + "{\"institution\": \"tate\", \"number\": \"N\\u00000\"}}]}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("field").asString()).isEqualTo("/items/0/accession/number");
  }

  @Test
  void errorPageAnswersAsProblemNotFound() {
    Response error = http.get("/error");

    assertThat(error.status()).isEqualTo(404);
    assertThat(error.isProblem()).isTrue();
  }

  @Test
  void domainSelectorOnAPublicSuffixIsRefused() {
    String onSuffix =
        declaration("https://x.example/a.jpg")
            .replace(
                "{\"type\": \"url\", \"value\": \"https://x.example/a.jpg\"}",
                "{\"type\": \"domain\", \"value\": \"%s\"}");

    for (String suffix : new String[] {"org", "co.uk", "github.io"}) {
      assertRefused(onSuffix.formatted(suffix), "invalid-field", "/subjects/0/value");
    }
  }

  @Test
  void blankAccessionNumberIsNamedAsTheNumber() {
    assertRefused(
        declaration("https://x.example/a.jpg")
            .replace(
                "{\"type\": \"url\", \"value\": \"https://x.example/a.jpg\"}",
                "{\"type\": \"accession\", \"institution\": \"tate\", \"number\": \"  \"}"),
        "invalid-field",
        "/subjects/0/number");
  }

  @Test
  void timesFinerThanMicrosecondsAreCutSoWhatIsAcknowledgedIsWhatIsStored() {
    String url = "https://time.example/" + UUID.randomUUID() + ".jpg";
    Response created =
        http.postJson(
            "/v1/declarations",
            declaration(url)
                .replace(
                    "{\"declarant\"",
                    "{\"validFrom\": \"2027-01-01T00:00:00.1234567Z\", "
                        + "\"validUntil\": \"9999-12-31T23:59:59.999999999Z\", \"declarant\""));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("validFrom").asString()).isEqualTo("2027-01-01T00:00:00.123456Z");
    assertThat(created.json().get("validUntil").asString())
        .isEqualTo("9999-12-31T23:59:59.999999Z");
    assertThat(http.get(created.location()).json().get("validUntil"))
        .isEqualTo(created.json().get("validUntil"));
    assertRefused(
        declaration(url)
            .replace(
                "{\"declarant\"",
                "{\"validFrom\": \"2027-01-01T00:00:00.0000001Z\", "
                    + "\"validUntil\": \"2027-01-01T00:00:00.0000004Z\", \"declarant\""),
        "invalid-field",
        "/validUntil");
  }

  @Test
  void unacceptableAcceptHeaderGets406NotAnError() {
    Response refused =
        http.post(
            "/v1/checks",
            "application/json",
            "{\"usage\": \"ai-training\", \"items\": [{\"url\": \"https://x.example/\"}]}",
            "Accept",
            "application/xml");

    assertThat(refused.status()).isEqualTo(406);
  }

  @Test
  void idsInPathsMustBeCanonicalUuids() {
    Response refused = http.get("/v1/declarations/1-1-1-1-1");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.isProblem()).isTrue();
  }

  @Test
  void revocationWithAnUnknownFieldIsRefusedAndRevokesNothing() {
    String id =
        http.postJson("/v1/declarations", declaration("https://x.example/" + UUID.randomUUID()))
            .json()
            .get("id")
            .asString();

    Response refused =
        http.postJson("/v1/declarations/" + id + "/revocation", "{\"reasn\": \"x\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("field").asString()).isEqualTo("/reasn");
    assertThat(http.get("/v1/declarations/" + id).json().get("status").asString())
        .isEqualTo("active");
  }
}
