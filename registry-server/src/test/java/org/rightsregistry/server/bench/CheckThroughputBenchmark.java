package org.rightsregistry.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.rightsregistry.server.RegistryApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures, on this machine, the cold-start import of the Tate collection and the throughput of
 * {@code POST /v1/checks} with batches of 10,000 real Tate image URLs over loopback.
 *
 * <p>Not part of the test run. Run it with {@code registry-server/bench/check-throughput.sh}.
 */
public final class CheckThroughputBenchmark {

  private static final int BATCH = 10_000;
  private static final JsonMapper json = JsonMapper.builder().build();

  private CheckThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path tate = Path.of(args.length > 0 ? args[0] : "../shared/data/real/museum-collections/tate");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;

    long started = System.nanoTime();
    ConfigurableApplicationContext context =
        new SpringApplication(RegistryApplication.class)
            .run(
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--rightsregistry.embedded-database.data-directory=",
                "--rightsregistry.import.tate.enabled=true",
                "--rightsregistry.import.tate.source=" + tate,
                "--logging.level.root=WARN");
    double startSeconds = (System.nanoTime() - started) / 1e9;
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    try {
      List<String> bodies = batchesOfRealUrls(tate.resolve("artworks.jsonl.gz"));
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      URI checks = URI.create("http://127.0.0.1:" + port + "/v1/checks");
      for (int i = 0; i < 2; i++) {
        post(client, checks, bodies.get(i % bodies.size()));
      }
      List<Double> itemsPerSecond = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        String body = bodies.get(round % bodies.size());
        long t0 = System.nanoTime();
        post(client, checks, body);
        itemsPerSecond.add(BATCH / ((System.nanoTime() - t0) / 1e9));
      }
      Collections.sort(itemsPerSecond);
      System.out.printf("cold start with the Tate import: %.1f s%n", startSeconds);
      System.out.printf(
          "POST /v1/checks, %d real Tate URLs per request, %d rounds: median %.0f "
              + "items/s (min %.0f, max %.0f)%n",
          BATCH,
          rounds,
          itemsPerSecond.get(rounds / 2),
          itemsPerSecond.get(0),
          itemsPerSecond.get(rounds - 1));
      System.out.printf(
          "machine: %d cores, Java %s%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    } finally {
      context.close();
    }
  }

  private static void post(HttpClient client, URI uri, String body) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "The check failed: " + response.statusCode() + " " + response.body());
    }
  }

  private static List<String> batchesOfRealUrls(Path artworks) throws IOException {
    List<String> urls = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(artworks)), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        JsonNode url = json.readTree(line).get("thumbnailUrl");
        if (url != null && url.isString()) {
          urls.add(url.asString());
        }
      }
    }
    List<String> bodies = new ArrayList<>();
    for (int from = 0; from + BATCH <= urls.size(); from += BATCH) {
      StringBuilder body = new StringBuilder("{\"usage\":\"generative-ai-training\",\"items\":[");
      for (int i = from; i < from + BATCH; i++) {
        body.append(i > from ? "," : "").append("{\"url\":\"").append(urls.get(i)).append("\"}");
      }
      bodies.add(body.append("]}").toString());
    }
    return bodies;
  }
}
