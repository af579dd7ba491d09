package org.rightsregistry.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.offline.Snapshot;
import org.rightsregistry.client.offline.SnapshotDeclaration;
import org.rightsregistry.client.offline.SnapshotFormat;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestDeclarations;
import org.rightsregistry.server.TestParties;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/changes}: every sequence number exactly once, in order, across pages; and under
 * concurrent writes every snapshot equals the change feed replayed up to its sequence.
 */
@RegistryTest
class ChangeFeedApiTest {

  @Value("${local.server.port}")
  int port;

  SyncHttp sync;
  RegistryHttp http;

  @BeforeEach
  void setUp() {
    sync = new SyncHttp(port);
    http = new RegistryHttp(port);
  }

  @Test
  void changes_pagedThroughTheWholeHistory_coverEverySequenceOnce() {
    Writer writer = new Writer();
    String first = writer.declare(null);
    writer.revoke(first);
    String replaced = writer.declare(null);
    String successor = writer.declare(replaced);

    List<JsonNode> changes = sync.allChanges(0, 3);

    assertThat(changes)
        .extracting(change -> change.get("sequence").asLong())
        .containsExactlyElementsOf(range(1, changes.size()));
    JsonNode creation = byKind(changes, "created", first);
    assertThat(creation.get("declaration").get("id").asString()).isEqualTo(first);
    assertThat(byKind(changes, "revoked", first).get("sequence").asLong())
        .isGreaterThan(creation.get("sequence").asLong());
    assertThat(byKind(changes, "superseded", replaced).get("supersededBy").asString())
        .isEqualTo(successor);
  }

  @Test
  void changes_page_namesTheHeadAndLinksTheNext() {
    new Writer().declare(null);
    long head = sync.changes(0, 1).get("head").asLong();

    JsonNode page = sync.changes(head - 1, 1);
    JsonNode last = sync.changes(head, 5);

    assertThat(page.get("changes")).hasSize(1);
    assertThat(page.get("changes").get(0).get("sequence").asLong()).isEqualTo(head);
    assertThat(last.get("changes")).isEmpty();
    assertThat(last.has("next")).isFalse();
    assertThat(sync.changes(head - 1, 1).get("head").asLong()).isGreaterThanOrEqualTo(head);
    assertThat(sync.changes(0, 1).get("next").asString()).isEqualTo("/v1/changes?after=1&limit=1");
  }

  @Test
  void changes_ifNoneMatchTheHead_isNotModified() {
    new Writer().declare(null);
    var answer = sync.get("/v1/changes?after=0&limit=1");
    String etag = answer.headers().firstValue("ETag").orElseThrow();

    var same = sync.get("/v1/changes?after=0&limit=1", "If-None-Match", etag);

    assertThat(etag)
        .isEqualTo("W/\"" + answer.headers().firstValue("Registry-Sequence").orElseThrow() + "\"");
    assertThat(same.statusCode()).isEqualTo(304);
  }

  @Test
  void changesAndSnapshot_ifNoneMatchAnything_areNotModified() {
    new Writer().declare(null);

    var page = sync.get("/v1/changes?after=0&limit=1", "If-None-Match", "*");
    var snapshot = sync.get("/v1/snapshot", "If-None-Match", " * ");

    assertThat(page.statusCode()).isEqualTo(304);
    assertThat(page.headers().firstValue("ETag")).isPresent();
    assertThat(page.body()).isEmpty();
    assertThat(snapshot.statusCode()).isEqualTo(304);
    assertThat(snapshot.headers().firstValue("ETag").orElseThrow()).startsWith("W/");
  }

  /** Only decimal digits are a number: Spring's default would also read these. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "after=0x10",
        "after=0X1F",
        "after=%2310",
        "after=%2B5",
        "after=%20%205",
        "after=1.0",
        "after=99999999999999999999",
        "limit=0x10",
        "limit=%2310",
        "limit=9999999999"
      })
  void changes_numbersNotInDecimalDigits_areRefusedNamingTheParameter(String query) {
    var answer = http.get("/v1/changes?" + query);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asString()).isEqualTo(query.split("=")[0]);
  }

  @Test
  void changes_outOfRange_isRefusedNamingTheParameter() {
    assertThat(http.get("/v1/changes?limit=0").json().get("field").asString()).isEqualTo("limit");
    assertThat(http.get("/v1/changes?limit=10001").status()).isEqualTo(400);
    assertThat(http.get("/v1/changes?after=-1").json().get("field").asString()).isEqualTo("after");
    assertThat(http.get("/v1/changes?after=999999999").json().get("field").asString())
        .isEqualTo("after");
    assertThat(http.get("/v1/changes?after=abc").status()).isEqualTo(400);
  }

  @Test
  void snapshotsAndPages_takenDuringConcurrentWrites_equalTheReplayedFeed() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(5);
    AtomicBoolean writing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Snapshot> snapshots = new ConcurrentLinkedQueue<>();
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      writers.add(threads.submit(() -> writeAndRevoke(25)));
    }
    Future<?> reader =
        threads.submit(
            () -> {
              long after = sync.changes(0, 1).get("head").asLong();
              while (writing.get()) {
                byte[] bytes = sync.get("/v1/snapshot").body();
                snapshots.add(SnapshotFormat.read(new ByteArrayInputStream(bytes)));
                JsonNode page = sync.changes(after, 7);
                after = consecutive(page, after);
              }
              return null;
            });
    for (Future<?> future : writers) {
      future.get(5, TimeUnit.MINUTES);
    }
    writing.set(false);
    reader.get(5, TimeUnit.MINUTES);
    threads.shutdown();

    List<JsonNode> feed = sync.allChanges(0, 500);
    assertThat(feed)
        .extracting(change -> change.get("sequence").asLong())
        .containsExactlyElementsOf(range(1, feed.size()));
    assertThat(snapshots).hasSizeGreaterThan(1);
    for (Snapshot snapshot : snapshots) {
      assertThat(contents(snapshot))
          .as("snapshot at %d", snapshot.sequence())
          .isEqualTo(replay(feed, snapshot.sequence()));
    }
  }

  @Test
  void suspension_isANumberedChange_andEachPageWeighsItsCreationsAsAtItsLastChange() {
    String party = TestParties.newParty(port, "institution");
    RegistryHttp operator = TestParties.operator(port);
    RegistryHttp.Response verified =
        operator.postJson(
            "/v1/parties/" + party + "/verification", "{\"level\": \"institution-verified\"}");
    assertThat(verified.status()).as(verified.body()).isEqualTo(200);
    RegistryHttp declarant = new RegistryHttp(port).as(TestParties.token(port, party));
    String sha256 = UUID.randomUUID().toString().replace("-", "").repeat(2);
    RegistryHttp.Response created =
        declarant.postJson(
            "/v1/declarations",
            """
            {"declarant": {"id": "%s"}, "subjects": [{"type": "sha256", "value": "%s"}],
             "usages": {"ai-training": "allowed"}}
            """
                .formatted(party, sha256));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    long creation = created.json().get("sequence").asLong();

    RegistryHttp.Response suspended =
        operator.postJson(
            "/v1/parties/" + party + "/suspension", "{\"reason\": \"claims under review\"}");
    assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
    long head = sync.changes(0, 1).get("head").asLong();
    RegistryHttp.Response again =
        operator.postJson("/v1/parties/" + party + "/suspension", "{\"reason\": \"twice\"}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(sync.changes(0, 1).get("head").asLong()).as("a refused suspension").isEqualTo(head);
    JsonNode suspension =
        sync.allChanges(creation, 500).stream()
            .filter(change -> change.get("kind").asString().equals("party-suspended"))
            .filter(change -> change.get("partyId").asString().equals(party))
            .findFirst()
            .orElseThrow();
    assertThat(suspension.has("declarationId")).isFalse();
    assertThat(suspension.has("reason")).as("the reason stays with the operators").isFalse();
    assertThat(suspension.get("recordedAt").asString()).isNotBlank();
    long suspendedAt = suspension.get("sequence").asLong();
    // A page that ends before the suspension gives the declaration as the registry weighed it
    // then; one that reaches the suspension gives it suspended.
    JsonNode before = sync.changes(creation - 1, (int) (suspendedAt - creation));
    JsonNode through = sync.changes(creation - 1, (int) (suspendedAt - creation + 1));
    assertThat(before.get("changes").get(0).get("declaration").get("declarantSuspended")).isNull();
    assertThat(
            through.get("changes").get(0).get("declaration").get("declarantSuspended").asBoolean())
        .isTrue();
    assertThat(
            sync.snapshot().declarations().stream()
                .filter(declaration -> declaration.id().equals(id))
                .findFirst()
                .orElseThrow()
                .trust())
        .isEqualTo(TrustLevel.SELF_ASSERTED);
  }

  /** Checks a page follows {@code after} without a gap and returns its last sequence. */
  private static long consecutive(JsonNode page, long after) {
    long expected = after;
    for (JsonNode change : page.get("changes")) {
      assertThat(change.get("sequence").asLong()).isEqualTo(++expected);
    }
    assertThat(expected).isLessThanOrEqualTo(page.get("head").asLong());
    return expected;
  }

  private Void writeAndRevoke(int operations) {
    Writer writer = new Writer();
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < operations; i++) {
      int choice = ThreadLocalRandom.current().nextInt(4);
      if (choice == 0 && !mine.isEmpty()) {
        writer.revoke(mine.remove(0));
      } else if (choice == 1 && !mine.isEmpty()) {
        mine.add(writer.declare(mine.remove(0)));
      } else {
        mine.add(writer.declare(null));
      }
    }
    return null;
  }

  /** Each active declaration's id with its sequence. */
  private static Map<String, Long> contents(Snapshot snapshot) {
    Map<String, Long> contents = new HashMap<>();
    for (SnapshotDeclaration declaration : snapshot.declarations()) {
      contents.put(declaration.id(), declaration.sequence());
    }
    return contents;
  }

  /** The active declarations after the changes up to a sequence. */
  private static Map<String, Long> replay(List<JsonNode> feed, long upTo) {
    Map<String, Long> active = new HashMap<>();
    for (JsonNode change : feed) {
      if (change.get("sequence").asLong() > upTo) {
        break;
      }
      switch (change.get("kind").asString()) {
        case "created" ->
            active.put(change.get("declarationId").asString(), change.get("sequence").asLong());
        case "revoked", "superseded" -> active.remove(change.get("declarationId").asString());
        default -> {}
      }
    }
    return active;
  }

  private static JsonNode byKind(List<JsonNode> changes, String kind, String id) {
    return changes.stream()
        .filter(change -> change.get("kind").asString().equals(kind))
        .filter(change -> change.get("declarationId").asString().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static List<Long> range(long first, long count) {
    List<Long> numbers = new ArrayList<>();
    for (long n = first; n < first + count; n++) {
      numbers.add(n);
    }
    return numbers;
  }

  /** A party of its own that declares, supersedes and revokes. */
  private final class Writer {

    final String party = TestParties.newParty(port, "creator");
    final RegistryHttp as = new RegistryHttp(port).as(TestParties.token(port, party));

    String declare(String supersedes) {
      String body =
          TestDeclarations.declaration(TestDeclarations.uniqueUrl())
              .replace("example-photographer", party)
              .replace(
                  "\"rightsStatement\"",
                  (supersedes == null ? "" : "\"supersedes\": \"" + supersedes + "\", ")
                      + "\"rightsStatement\"");
      RegistryHttp.Response created = as.postJson("/v1/declarations", body);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      return created.json().get("id").asString();
    }

    void revoke(String id) {
      RegistryHttp.Response revoked = as.postJson("/v1/declarations/" + id + "/revocation", "");
      assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);
    }
  }
}
