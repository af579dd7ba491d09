package org.rightsregistry.server.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rightsregistry.server.TestDeclarations.declaration;
import static org.rightsregistry.server.TestDeclarations.uniqueUrl;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryHttp.Response;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestParties;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

@RegistryTest
class BatchApiTest {

  private static final String NDJSON = "application/x-ndjson";

  @Value("${local.server.port}")
  int port;

  @Autowired DeclarationStore store;

  RegistryHttp http;

  @BeforeEach
  void connect() {
    // Authentication now requires a credential: the declarant's own.
    http = new RegistryHttp(port).as(TestParties.token(port, "example-photographer"));
  }

  private static String lines(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> declaration(uniqueUrl()).replace("\n", ""))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private Response upload(String key, String body) {
    return http.post("/v1/declarations/batch", NDJSON, body, "Idempotency-Key", key);
  }

  @Test
  void storesEveryLineWithConsecutiveSequenceNumbers() {
    Response stored = upload(UUID.randomUUID().toString(), lines(3));

    assertThat(stored.status()).isEqualTo(201);
    JsonNode receipt = stored.json();
    assertThat(receipt.get("declared").asInt()).isEqualTo(3);
    assertThat(receipt.get("lastSequence").asLong() - receipt.get("firstSequence").asLong())
        .isEqualTo(2);
    String firstId = receipt.get("declarationIds").get(0).asString();
    assertThat(http.get("/v1/declarations/" + firstId).json().get("sequence").asLong())
        .isEqualTo(receipt.get("firstSequence").asLong());
  }

  @Test
  void retryWithTheSameKeyAndBodyStoresNothingTwice() {
    String key = UUID.randomUUID().toString();
    String body = lines(2);
    JsonNode first = upload(key, body).json();
    long before = store.headSequence();

    Response retry = upload(key, body);

    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().get("replayed").asBoolean()).isTrue();
    assertThat(retry.json().get("declarationIds")).isEqualTo(first.get("declarationIds"));
    assertThat(store.headSequence()).isEqualTo(before);
  }

  @Test
  void sameKeyWithAnotherBodyIsRefused() {
    String key = UUID.randomUUID().toString();
    upload(key, lines(1));
    long before = store.headSequence();

    Response refused = upload(key, lines(1));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("type").asString()).endsWith("/idempotency-key-reused");
    assertThat(store.headSequence()).isEqualTo(before);
  }

  @Test
  void oneBadLineStoresNoneAndNamesTheLine() {
    String body =
        declaration(uniqueUrl()).replace("\n", "")
            + "\n"
            + declaration("https://example.org/%zz.jpg").replace("\n", "")
            + "\n"
            + declaration(uniqueUrl()).replace("\n", "")
            + "\n";
    long before = store.headSequence();

    Response refused = upload(UUID.randomUUID().toString(), body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("line").asInt()).isEqualTo(2);
    assertThat(refused.json().get("field").asString()).isEqualTo("/subjects/0/value");
    assertThat(store.headSequence()).isEqualTo(before);
  }

  @Test
  void malformedJsonLineIsNamed() {
    String body = declaration(uniqueUrl()).replace("\n", "") + "\n{\"declarant\": \n";

    Response refused = upload(UUID.randomUUID().toString(), body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("line").asInt()).isEqualTo(2);
  }

  @Test
  void batchOverTheLineLimitIsRefusedAndStoresNothing() {
    String line = declaration("https://example.org/a.jpg").replace("\n", "") + "\n";
    long before = store.headSequence();

    Response refused = upload(UUID.randomUUID().toString(), line.repeat(10_001));

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().get("line").asInt()).isEqualTo(10_001);
    assertThat(store.headSequence()).isEqualTo(before);
  }

  @Test
  void missingOrMalformedIdempotencyKeyIsRefused() {
    Response missing = http.post("/v1/declarations/batch", NDJSON, lines(1));
    Response spaces = upload("has spaces in it", lines(1));

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("field").asString()).isEqualTo("Idempotency-Key");
    assertThat(spaces.status()).isEqualTo(400);
  }

  @Test
  void emptyBatchIsRefused() {
    Response refused = upload(UUID.randomUUID().toString(), "\n\n");

    assertThat(refused.status()).isEqualTo(400);
  }

  @Test
  void blankLineBetweenDeclarationsIsRefusedNamingItsLine() {
    String body =
        declaration(uniqueUrl()).replace("\n", "")
            + "\n\n"
            + declaration(uniqueUrl()).replace("\n", "")
            + "\n";
    long before = store.headSequence();

    Response refused = upload(UUID.randomUUID().toString(), body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("line").asInt()).isEqualTo(2);
    assertThat(store.headSequence()).isEqualTo(before);
  }

  @Test
  void supersessionProblemsNameTheLineTheyAreOn() {
    String unknown = UUID.randomUUID().toString();
    String body =
        declaration(uniqueUrl()).replace("\n", "")
            + "\n"
            + declaration(uniqueUrl())
                .replace("\n", "")
                .replace("{\"declarant\"", "{\"supersedes\": \"" + unknown + "\", \"declarant\"")
            + "\n";

    Response refused = upload(UUID.randomUUID().toString(), body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("line").asInt()).isEqualTo(2);
    assertThat(refused.json().get("field").asString()).isEqualTo("/supersedes");
  }

  @Test
  void anotherPartyMayUseTheSameKeyWithoutCollidingOrLearningOfIt() {
    // A newcomer found keys shared across parties: the second party got 409 "key reused".
    String key = UUID.randomUUID().toString();
    upload(key, lines(1));
    RegistryHttp other = new RegistryHttp(port).as(TestParties.token(port, "another-creator"));
    String body =
        declaration(uniqueUrl())
                .replace("example-photographer", "another-creator")
                .replace("\n", "")
            + "\n";

    Response stored = other.post("/v1/declarations/batch", NDJSON, body, "Idempotency-Key", key);

    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    assertThat(stored.json().get("replayed").asBoolean()).isFalse();
  }

  @Test
  void refusedLineOfAnotherDeclarantIsNamed() {
    String body =
        declaration(uniqueUrl()).replace("\n", "")
            + "\n"
            + declaration(uniqueUrl()).replace("example-photographer", "tate").replace("\n", "")
            + "\n";
    long before = store.headSequence();

    Response refused = upload(UUID.randomUUID().toString(), body);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("line").asInt()).isEqualTo(2);
    assertThat(refused.json().get("field").asString()).isEqualTo("/declarant/id");
    assertThat(store.headSequence()).isEqualTo(before);
  }

  @Test
  void malformedLineIsReportedAsMalformedJson() {
    String body = declaration(uniqueUrl()).replace("\n", "") + "\n{\"declarant\": \n";

    Response refused = upload(UUID.randomUUID().toString(), body);

    assertThat(refused.json().get("type").asString()).endsWith("/malformed-json");
  }
}
