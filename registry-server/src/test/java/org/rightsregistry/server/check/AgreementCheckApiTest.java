package org.rightsregistry.server.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsregistry.server.DecisionSchema;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryHttp.Response;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestParties;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** Licence agreements, modalities, policy profiles and past evaluation times in checks. */
@RegistryTest
class AgreementCheckApiTest {

  @Value("${local.server.port}")
  int port;

  String licensor;
  String licensee;
  String item;

  @BeforeEach
  void scene() {
    licensor = TestParties.newParty(port, "creator");
    licensee = TestParties.newParty(port, "licensee");
    item = "https://site-" + UUID.randomUUID().toString().substring(0, 8) + ".example/a.jpg";
  }

  @Test
  void licenceToTheRequester_overridesTheLicensorsReservation_forTheLicenseeOnly() {
    declare("\"ai-training\": \"reserved\"", "");
    String agreement = grant();

    assertThat(ask(as(licensee), "", "")).isEqualTo("ALLOW licensed");
    assertThat(ask(new RegistryHttp(port), "", "")).isEqualTo("DENY reservation");

    Response revoked = as(licensor).postJson("/v1/agreements/" + agreement + "/revocation", "");
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);
    assertThat(revoked.json().get("status").asString()).isEqualTo("revoked");
    assertThat(ask(as(licensee), "", "")).isEqualTo("DENY reservation");
  }

  @Test
  void agreementByAnotherPartyThanTheLicensor_isRefused() {
    Response refused = as(licensee).postJson("/v1/agreements", agreementBody());

    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
  }

  @Test
  void checkAtAPastInstant_ignoresWhatWasRecordedLater() {
    Instant before = Instant.now().minusMillis(1);
    declare("\"ai-training\": \"reserved\"", "");

    assertThat(ask(new RegistryHttp(port), "\"at\": \"" + before + "\",", ""))
        .isEqualTo("UNKNOWN no-statement");
    assertThat(ask(new RegistryHttp(port), "", "")).isEqualTo("DENY reservation");
  }

  @Test
  void checkAtAFutureInstant_isRefused() {
    Response refused =
        new RegistryHttp(port)
            .postJson(
                "/v1/checks",
                "{\"usage\": \"ai-training\", \"at\": \"2999-01-01T00:00:00Z\","
                    + " \"items\": [{\"url\": \""
                    + item
                    + "\"}]}");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
  }

  @Test
  void imagesOnlyReservation_doesNotBearOnText_andProfileGivesTheDefault() {
    declare("\"ai-training\": \"reserved\"", ", \"modalities\": [\"image\"]");

    assertThat(ask(new RegistryHttp(port), "", ", \"modality\": \"image\""))
        .isEqualTo("DENY reservation");
    assertThat(verdictWith(new RegistryHttp(port), "\"profile\": \"consent-only\",", "text"))
        .isEqualTo("DENY policy-default");
    assertThat(verdictWith(new RegistryHttp(port), "\"profile\": \"eu-opt-out\",", "text"))
        .isEqualTo("ALLOW policy-default");
  }

  private RegistryHttp as(String party) {
    return new RegistryHttp(port).as(TestParties.token(port, party));
  }

  private void declare(String usages, String extra) {
    Response created =
        as(licensor)
            .postJson(
                "/v1/declarations",
                """
                {"declarant": {"id": "%s"}, "subjects": [{"type": "url", "value": "%s"}],
                 "usages": {%s} %s}
                """
                    .formatted(licensor, item, usages, extra));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private String grant() {
    Response created = as(licensor).postJson("/v1/agreements", agreementBody());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private String agreementBody() {
    return """
        {"licensor": {"id": "%s"}, "licensee": {"id": "%s"},
         "covers": [{"type": "url", "value": "%s"}], "usages": ["ai-training"]}
        """
        .formatted(licensor, licensee, item);
  }

  private String verdictWith(RegistryHttp http, String fields, String modality) {
    return ask(http, fields, ", \"modality\": \"" + modality + "\"");
  }

  /** The verdict and rule for the item, with more request fields and more item fields. */
  private String ask(RegistryHttp http, String fields, String itemFields) {
    Response response =
        http.postJson(
            "/v1/checks",
            "{\"usage\": \"ai-training\", %s \"items\": [{\"url\": \"%s\"%s}]}"
                .formatted(fields, item, itemFields));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode decision = DecisionSchema.assertValid(response.json()).get("decisions").get(0);
    return decision.get("verdict").asString() + " " + decision.get("rule").asString();
  }
}
