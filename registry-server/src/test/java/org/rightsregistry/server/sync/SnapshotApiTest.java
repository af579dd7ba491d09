package org.rightsregistry.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Accession;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.offline.OfflineChecker;
import org.rightsregistry.client.offline.Snapshot;
import org.rightsregistry.client.offline.SnapshotDeclaration;
import org.rightsregistry.client.offline.SnapshotFormat;
import org.rightsregistry.client.offline.SnapshotFormatException;
import org.rightsregistry.client.wire.DecisionDocuments;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestParties;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/snapshot}: the client library reads what the server writes, and an offline checker
 * built from it decides as {@code POST /v1/checks} does.
 */
@RegistryTest
class SnapshotApiTest {

  private static final String HASH = "ab".repeat(32);

  @Value("${local.server.port}")
  int port;

  SyncHttp sync;
  RegistryHttp declarant;
  String party;
  String host;

  @BeforeEach
  void setUp() {
    sync = new SyncHttp(port);
    party = TestParties.newParty(port, "institution");
    declarant = new RegistryHttp(port).as(TestParties.token(port, party));
    host = "u" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
  }

  @Test
  void snapshot_readByTheClient_decidesAsTheCheckEndpoint() {
    String exact =
        declare(
            subject("url", "https://" + host + "/a.jpg"),
            usages("ai-training", "reserved"),
            ", \"rightsHolder\": {\"id\": \"" + party + "\"}");
    declare(
        subject("url-prefix", "https://" + host + "/gallery/"),
        usages("text-and-data-mining", "allowed"),
        "");
    declare(subject("domain", host), usages("text-and-data-mining", "licence-required"), "");
    declare(
        "{\"type\": \"sha256\", \"value\": \"" + HASH.toUpperCase() + "\"}",
        usages("generative-ai-training", "reserved"),
        "");
    declare(
        "{\"type\": \"accession\", \"institution\": \"" + party + "\", \"number\": \"N-1\"}",
        usages("ai-training", "allowed"),
        "");
    declare(
        subject("url", "https://" + host + "/window.jpg"),
        usages("search-indexing", "reserved"),
        ", \"validFrom\": \"2020-01-01T00:00:00Z\", \"validUntil\": \"2999-01-01T00:00:00Z\"");
    String revoked =
        declare(
            subject("url", "https://" + host + "/revoked.jpg"),
            usages("ai-training", "allowed"),
            "");
    assertThat(declarant.postJson("/v1/declarations/" + revoked + "/revocation", "").status())
        .isEqualTo(201);
    String replaced =
        declare(
            subject("url", "https://" + host + "/replaced.jpg"),
            usages("ai-training", "reserved"),
            "");
    String successor =
        declare(
            subject("url", "https://" + host + "/replaced.jpg"),
            usages("ai-training", "allowed"),
            ", \"supersedes\": \"" + replaced + "\"");
    String restricted =
        declare(
            subject("url", "https://" + host + "/image.jpg"),
            "{\"ai-training\": \"allowed\", \"text-and-data-mining\": \"reserved\"}",
            ", \"modalities\": [\"image\"]");
    String onlyPermits =
        declare(
            subject("url", "https://" + host + "/text.txt"),
            usages("ai-training", "allowed"),
            ", \"modalities\": [\"text\"]");

    HttpResponse<byte[]> response = sync.get("/v1/snapshot");
    Snapshot snapshot = SnapshotFormat.read(new ByteArrayInputStream(response.body()));

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.rights-registry.snapshot");
    assertThat(response.headers().firstValue("Registry-Sequence"))
        .hasValue(Long.toString(snapshot.sequence()));
    assertThat(response.headers().firstValue("ETag")).hasValue("W/\"" + snapshot.sequence() + "\"");
    List<String> ids = snapshot.declarations().stream().map(SnapshotDeclaration::id).toList();
    assertThat(ids)
        .contains(exact, successor, restricted, onlyPermits)
        .doesNotContain(revoked, replaced);
    SnapshotDeclaration restrictedOffline = snapshot.declarations().get(ids.indexOf(restricted));
    assertThat(restrictedOffline.usages())
        .containsOnlyKeys(Usage.AI_TRAINING, Usage.TEXT_AND_DATA_MINING);
    assertThat(restrictedOffline.modalities()).containsExactly(Modality.IMAGE);
    assertThat(snapshot.requester()).isNull();
    assertThat(snapshot.agreements()).isEmpty();

    OfflineChecker offline = OfflineChecker.builder().snapshot(snapshot).build();
    List<Item> items = new ArrayList<>();
    for (Item item : items()) {
      items.add(item);
      items.add(item.withModality(Modality.IMAGE));
      items.add(item.withModality(Modality.TEXT));
    }
    for (Usage usage : Usage.values()) {
      JsonNode online = check(items, usage);
      for (int i = 0; i < items.size(); i++) {
        Decision decision = offline.check(items.get(i), usage);
        assertThat(comparable(DecisionDocuments.toJson(decision)))
            .as("%s for %s", usage, items.get(i))
            .isEqualTo(comparable(online.get("decisions").get(i)));
      }
    }
  }

  @Test
  void snapshot_truncatedOrCorrupted_isRejectedByTheClient() {
    declare(subject("url", "https://" + host + "/a.jpg"), usages("ai-training", "reserved"), "");
    byte[] whole = sync.get("/v1/snapshot").body();

    for (int length : new int[] {whole.length - 1, whole.length - 33, whole.length / 2, 31}) {
      byte[] truncated = Arrays.copyOf(whole, length);
      assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(truncated)))
          .as("cut to %d of %d bytes", length, whole.length)
          .isInstanceOf(SnapshotFormatException.class);
    }
    byte[] corrupted = whole.clone();
    corrupted[40] ^= 1;
    assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(corrupted)))
        .isInstanceOf(SnapshotFormatException.class);
  }

  @Test
  void snapshot_ifNoneMatchTheHead_isNotModified() {
    declare(subject("url", "https://" + host + "/a.jpg"), usages("ai-training", "reserved"), "");
    String etag = sync.get("/v1/snapshot").headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> same = sync.get("/v1/snapshot", "If-None-Match", etag);
    declare(subject("url", "https://" + host + "/b.jpg"), usages("ai-training", "reserved"), "");
    HttpResponse<byte[]> moved = sync.get("/v1/snapshot", "If-None-Match", etag);

    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(same.headers().firstValue("ETag")).hasValue(etag);
    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(moved.headers().firstValue("ETag")).isNotEqualTo(Optional.of(etag));
  }

  private List<Item> items() {
    List<Item> items = new ArrayList<>();
    for (String path :
        List.of(
            "/a.jpg",
            "/gallery/b.jpg",
            "/gallery/deeper/c.jpg",
            "/other.jpg",
            "/window.jpg",
            "/revoked.jpg",
            "/replaced.jpg",
            "/image.jpg",
            "/text.txt")) {
      items.add(Item.url("https://" + host + path));
    }
    items.add(Item.url("https://sub." + host + "/d.jpg"));
    items.add(Item.url("https://elsewhere-" + host + "/e.jpg"));
    items.add(Item.sha256(HASH));
    items.add(new Item(null, null, new Accession(party, "N-1")));
    items.add(new Item(null, null, new Accession(party, "N-2")));
    return items;
  }

  private JsonNode check(List<Item> items, Usage usage) {
    StringBuilder body = new StringBuilder("{\"usage\": \"" + usage.id() + "\", \"items\": [");
    for (int i = 0; i < items.size(); i++) {
      body.append(i == 0 ? "" : ", ").append(DecisionDocuments.itemToJson(items.get(i)));
    }
    RegistryHttp.Response response = new RegistryHttp(port).postJson("/v1/checks", body + "]}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  /**
   * The decision as JSON text without its sequence, evidence in sequence order: the engine takes
   * statements "in any order" and lists evidence in the order given, which differs between the
   * server's lookup and the offline index. Compared as text, since numbers parsed and numbers built
   * differ in node type.
   */
  static String comparable(JsonNode decision) {
    ObjectNode copy = (ObjectNode) decision.deepCopy();
    copy.remove("registrySequence");
    List<JsonNode> evidence = new ArrayList<>();
    copy.get("evidence").forEach(evidence::add);
    evidence.sort(
        Comparator.comparingLong((JsonNode node) -> node.get("sequence").asLong())
            .thenComparing(node -> node.get("matched").toString()));
    copy.putArray("evidence").addAll(evidence);
    return copy.toString();
  }

  private String declare(String subject, String usages, String more) {
    String body =
        "{\"declarant\": {\"id\": \"%s\"}, \"subjects\": [%s], \"usages\": %s%s}"
            .formatted(party, subject, usages, more);
    RegistryHttp.Response created = declarant.postJson("/v1/declarations", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private static String subject(String type, String value) {
    return "{\"type\": \"%s\", \"value\": \"%s\"}".formatted(type, value);
  }

  private static String usages(String category, String effect) {
    return "{\"%s\": \"%s\"}".formatted(category, effect);
  }
}
