package org.rightsregistry.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.offline.Snapshot;
import org.rightsregistry.client.offline.SnapshotAgreement;
import org.rightsregistry.client.offline.SnapshotFormat;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestParties;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the snapshot and the change feed carry for an authenticated requester: the licence
 * agreements granted to it, and to nobody else; and every change page's end-to-end digest.
 */
@RegistryTest
class RequesterSyncApiTest {

  @Value("${local.server.port}")
  int port;

  SyncHttp sync;
  String licensor;
  String licensee;
  String item;

  @BeforeEach
  void scene() {
    sync = new SyncHttp(port);
    licensor = TestParties.newParty(port, "creator");
    licensee = TestParties.newParty(port, "licensee");
    item = "https://site-" + UUID.randomUUID().toString().substring(0, 8) + ".example/a.jpg";
  }

  @Test
  void snapshot_ofTheLicensee_carriesItsAgreements_andNoOneElsesSnapshotDoes() {
    String kept = grant();
    String revoked = grant();
    RegistryHttp.Response revocation =
        as(licensor).postJson("/v1/agreements/" + revoked + "/revocation", "");
    assertThat(revocation.status()).as(revocation.body()).isEqualTo(201);

    Snapshot mine = snapshot(TestParties.token(port, licensee));
    Snapshot anonymous = sync.snapshot();
    Snapshot licensors = snapshot(TestParties.token(port, licensor));

    assertThat(mine.requester()).isEqualTo(licensee);
    assertThat(mine.agreements()).extracting(SnapshotAgreement::id).containsExactly(kept);
    SnapshotAgreement agreement = mine.agreements().get(0);
    assertThat(agreement.licensor().id()).isEqualTo(licensor);
    assertThat(agreement.covers()).containsExactly(Selector.url(item));
    assertThat(agreement.usages()).containsExactly(Usage.AI_TRAINING);
    assertThat(anonymous.requester()).isNull();
    assertThat(anonymous.agreements()).isEmpty();
    assertThat(licensors.requester()).isEqualTo(licensor);
    assertThat(licensors.agreements()).isEmpty();
  }

  @Test
  void changes_licenceGranted_carriesTheAgreementForTheLicenseeOnly() {
    long before = sync.changes(0, 1).get("head").asLong();
    String granted = grant();

    JsonNode mine = page(before, TestParties.token(port, licensee));
    JsonNode anonymous = page(before, null);

    JsonNode change = grantOf(mine, granted);
    assertThat(mine.get("requester").asString()).isEqualTo(licensee);
    assertThat(change.get("agreement").get("id").asString()).isEqualTo(granted);
    assertThat(change.get("agreement").get("licensee").get("id").asString()).isEqualTo(licensee);
    assertThat(grantOf(anonymous, granted).has("agreement")).isFalse();
    assertThat(anonymous.has("requester")).isFalse();
  }

  @Test
  void changes_page_carriesItsDigestAndTheRegistrysClock() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    HttpResponse<byte[]> response = sync.get("/v1/changes?after=0&limit=3");

    String digest = response.headers().firstValue("Content-Digest").orElseThrow();
    byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(response.body());
    JsonNode page = JsonMapper.builder().build().readTree(response.body());

    assertThat(digest).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":");
    assertThat(Instant.parse(page.get("registryTime").asString()))
        .isAfter(before)
        .isBefore(Instant.now().plusSeconds(1));
    assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.contains("Authorization"));
  }

  private JsonNode page(long after, String token) {
    HttpResponse<byte[]> response =
        token == null
            ? sync.get("/v1/changes?after=" + after + "&limit=10000")
            : sync.get(
                "/v1/changes?after=" + after + "&limit=10000", "Authorization", "Bearer " + token);
    assertThat(response.statusCode()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body());
  }

  private static JsonNode grantOf(JsonNode page, String agreementId) {
    for (JsonNode change : page.get("changes")) {
      if (change.get("kind").asString().equals("licence-granted")
          && change.get("agreementId").asString().equals(agreementId)) {
        return change;
      }
    }
    throw new AssertionError("no licence-granted change for " + agreementId + " in " + page);
  }

  private Snapshot snapshot(String token) {
    HttpResponse<byte[]> response = sync.get("/v1/snapshot", "Authorization", "Bearer " + token);
    assertThat(response.statusCode()).isEqualTo(200);
    return SnapshotFormat.read(new ByteArrayInputStream(response.body()));
  }

  private RegistryHttp as(String party) {
    return new RegistryHttp(port).as(TestParties.token(port, party));
  }

  private String grant() {
    RegistryHttp.Response created =
        as(licensor)
            .postJson(
                "/v1/agreements",
                """
                {"licensor": {"id": "%s"}, "licensee": {"id": "%s"},
                 "covers": [{"type": "url", "value": "%s"}], "usages": ["ai-training"]}
                """
                    .formatted(licensor, licensee, item));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }
}
