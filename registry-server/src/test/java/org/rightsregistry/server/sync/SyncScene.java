package org.rightsregistry.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.offline.OfflineReplica;
import org.rightsregistry.client.wire.DecisionDocuments;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.TestParties;
import tools.jackson.databind.JsonNode;

/**
 * A small world of items on a host of their own, writers that declare, supersede and revoke on them
 * through the API and grant and revoke licences to a licensee, and the comparison of an offline
 * replica's decisions with the server's {@code POST /v1/checks}.
 */
final class SyncScene {

  static final List<Usage> USAGES =
      List.of(Usage.GENERATIVE_AI_TRAINING, Usage.TEXT_AND_DATA_MINING, Usage.SEARCH_INDEXING);
  static final List<String> EFFECTS = List.of("reserved", "allowed", "licence-required");
  static final List<String> CATEGORIES =
      List.of("ai-training", "text-and-data-mining", "generative-ai-training", "search-indexing");

  final int port;
  final String host = "s" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
  final String licensee;
  final String licenseeToken;
  final List<String> hashes = new ArrayList<>();
  final java.util.Set<String> rulesSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();

  SyncScene(int port) {
    this.port = port;
    this.licensee = TestParties.newParty(port, "licensee");
    this.licenseeToken = TestParties.token(port, licensee);
    Random random = new Random(host.hashCode());
    for (int i = 0; i < 3; i++) {
      hashes.add(String.format("%016x", random.nextLong()).repeat(4));
    }
  }

  /**
   * Every item the writers can touch, and some they cannot, each of no, image and text modality.
   */
  List<Item> items() {
    List<Item> items = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      for (int f = 0; f < 4; f++) {
        items.add(Item.url("https://" + host + "/g" + g + "/" + f + ".jpg"));
      }
    }
    items.add(Item.url("https://sub." + host + "/g0/0.jpg"));
    items.add(Item.url("https://other-" + host + "/g0/0.jpg"));
    hashes.forEach(hash -> items.add(Item.sha256(hash)));
    List<Item> all = new ArrayList<>();
    for (Item item : items) {
      all.add(item);
      all.add(item.withModality(Modality.IMAGE));
      all.add(item.withModality(Modality.TEXT));
    }
    return all;
  }

  /** A writer: a party of its own that declares, supersedes and revokes, and licenses. */
  final class Writer {
    final String party = TestParties.newParty(port, "creator");
    final RegistryHttp as = new RegistryHttp(port).as(TestParties.token(port, party));
    final Random random;
    final List<String> declarations = new ArrayList<>();
    final List<String> agreements = new ArrayList<>();

    Writer(long seed) {
      this.random = new Random(seed);
    }

    /** One random write; returns once the registry acknowledged it. */
    void step() {
      int choice = random.nextInt(10);
      if (choice < 2 && !declarations.isEmpty()) {
        String id = declarations.remove(random.nextInt(declarations.size()));
        expect(as.postJson("/v1/declarations/" + id + "/revocation", ""), 201);
      } else if (choice < 3 && !declarations.isEmpty()) {
        String replaced = declarations.remove(random.nextInt(declarations.size()));
        declarations.add(declare(", \"supersedes\": \"" + replaced + "\""));
      } else if (choice < 5) {
        RegistryHttp.Response granted =
            as.postJson(
                "/v1/agreements",
                """
                {"licensor": {"id": "%s"}, "licensee": {"id": "%s"},
                 "covers": [%s], "usages": ["%s"]}
                """
                    .formatted(party, licensee, subject(), pick(CATEGORIES)));
        expect(granted, 201);
        agreements.add(granted.json().get("id").asString());
      } else if (choice < 6 && !agreements.isEmpty()) {
        String id = agreements.remove(random.nextInt(agreements.size()));
        expect(as.postJson("/v1/agreements/" + id + "/revocation", ""), 201);
      } else {
        declarations.add(declare(""));
      }
    }

    private String declare(String more) {
      String modalities =
          switch (random.nextInt(4)) {
            case 0 -> ", \"modalities\": [\"image\"]";
            case 1 -> ", \"modalities\": [\"text\"]";
            default -> "";
          };
      int first = random.nextInt(CATEGORIES.size());
      int second = (first + 1 + random.nextInt(CATEGORIES.size() - 1)) % CATEGORIES.size();
      String usages =
          "{\"%s\": \"%s\", \"%s\": \"%s\"}"
              .formatted(
                  CATEGORIES.get(first), pick(EFFECTS), CATEGORIES.get(second), pick(EFFECTS));
      String body =
          "{\"declarant\": {\"id\": \"%s\"}, \"subjects\": [%s], \"usages\": %s%s%s}"
              .formatted(party, subject(), usages, modalities, more);
      RegistryHttp.Response created = as.postJson("/v1/declarations", body);
      expect(created, 201);
      return created.json().get("id").asString();
    }

    private String subject() {
      int g = random.nextInt(3);
      return switch (random.nextInt(5)) {
        case 0 -> "{\"type\": \"url-prefix\", \"value\": \"https://%s/g%d/\"}".formatted(host, g);
        case 1 -> "{\"type\": \"domain\", \"value\": \"%s\"}".formatted(host);
        case 2 -> "{\"type\": \"sha256\", \"value\": \"%s\"}".formatted(pick(hashes));
        default ->
            "{\"type\": \"url\", \"value\": \"https://%s/g%d/%d.jpg\"}"
                .formatted(host, g, random.nextInt(4));
      };
    }

    private <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }
  }

  private static void expect(RegistryHttp.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
  }

  /**
   * Compares the replica's decision for every item and usage with the server's, asked as the
   * licensee with {@code at} set to the instant the replica's last change was recorded: the
   * registry state of that sequence (the next change, if any, was recorded later). Compared:
   * verdict, rule, explanation, categories and evidence (ids, sequences, what matched), and the
   * sequence the replica names.
   *
   * @return how many decisions were compared
   */
  int assertReplicaDecidesAsTheServer(OfflineReplica replica) {
    long sequence = replica.registrySequence().orElseThrow();
    RegistryHttp anonymous = new RegistryHttp(port);
    JsonNode last = anonymous.get("/v1/changes?after=" + (sequence - 1) + "&limit=2").json();
    JsonNode changes = last.get("changes");
    assertThat(changes.get(0).get("sequence").asLong()).isEqualTo(sequence);
    String at = changes.get(0).get("recordedAt").asString();
    if (changes.size() > 1) {
      // The state at `at` is exactly the replica's: the next change was recorded after it.
      assertThat(changes.get(1).get("recordedAt").asString()).isNotEqualTo(at);
      assertThat(java.time.Instant.parse(changes.get(1).get("recordedAt").asString()))
          .isAfter(java.time.Instant.parse(at));
    }
    RegistryHttp asLicensee = new RegistryHttp(port).as(licenseeToken);
    List<Item> items = items();
    int compared = 0;
    for (Usage usage : USAGES) {
      StringBuilder body =
          new StringBuilder(
              "{\"usage\": \"" + usage.id() + "\", \"at\": \"" + at + "\", \"items\": [");
      for (int i = 0; i < items.size(); i++) {
        body.append(i == 0 ? "" : ", ").append(DecisionDocuments.itemToJson(items.get(i)));
      }
      RegistryHttp.Response answer = asLicensee.postJson("/v1/checks", body + "]}");
      expect(answer, 200);
      List<Decision> local = replica.checkAll(items, usage);
      for (int i = 0; i < items.size(); i++) {
        Decision decision = local.get(i);
        assertThat(decision.registrySequence()).hasValue(sequence);
        assertThat(SnapshotApiTest.comparable(DecisionDocuments.toJson(decision)))
            .as("%s for %s at sequence %d", usage, items.get(i), sequence)
            .isEqualTo(SnapshotApiTest.comparable(answer.json().get("decisions").get(i)));
        rulesSeen.add(decision.rule());
        compared++;
      }
    }
    return compared;
  }
}
