package org.rightsregistry.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A registry on a loopback port that records what it is sent and answers as told. */
final class FakeRegistry implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** What the fake answers to one request. */
  record Answer(int status, String contentType, String body) {}

  /** What the fake was sent. */
  record Received(
      String method, String path, String contentType, String authorization, JsonNode body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<JsonNode, Answer> answers = FakeRegistry::allowEveryItem;

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  List<Received> received() {
    return received;
  }

  void answer(Function<JsonNode, Answer> answers) {
    this.answers = answers;
  }

  void answerAlways(int status, String contentType, String body) {
    answer(request -> new Answer(status, contentType, body));
  }

  /** Holds every answer back until the fake is closed. */
  void hang() {
    answer(
        request -> {
          awaitRelease();
          return allowEveryItem(request);
        });
  }

  /** Answers ALLOW for every item, with the item's index in the explanation. */
  static Answer allowEveryItem(JsonNode request) {
    ObjectNode response =
        JSON.createObjectNode()
            .put("usage", request.get("usage").stringValue())
            .put("registrySequence", 7)
            .put("evaluatedAt", "2026-12-04T16:00:00Z");
    ArrayNode decisions = response.putArray("decisions");
    JsonNode items = request.get("items");
    for (int i = 0; i < items.size(); i++) {
      ObjectNode decision = decisions.addObject();
      decision.set("item", items.get(i));
      decision
          .put("usage", request.get("usage").stringValue())
          .put("verdict", "ALLOW")
          .put("rule", "allowed")
          .put("explanation", "Allowed item " + i + ".")
          .put("conflict", false)
          .put("registrySequence", 7);
      decision.putObject("categories");
      decision.putArray("evidence");
    }
    return new Answer(200, "application/json", JSON.writeValueAsString(response));
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    JsonNode json = JSON.readTree(body);
    received.add(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("Authorization"),
            json));

    Answer answer = answers.apply(json);
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void awaitRelease() {
    try {
      released.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
