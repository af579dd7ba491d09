package org.rightsregistry.conformance;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.PolicyProfile;
import org.rightsregistry.client.RightsChecker;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;
import org.rightsregistry.client.offline.OfflineChecker;
import org.rightsregistry.client.offline.Snapshot;
import org.rightsregistry.client.offline.SnapshotFormat;
import org.rightsregistry.client.wire.DecisionDocuments;
import tools.jackson.databind.JsonNode;

/**
 * The cases that the client library decides, put to it as a user would: an unreachable registry
 * through {@link RightsChecker} aimed at a loopback port that refuses connections (or a loopback
 * server answering 503), and a local snapshot through {@link OfflineChecker} built from the
 * registry's own {@code GET /v1/snapshot}, whose verdict path must agree with its decision.
 */
final class ClientSideCases {

  private ClientSideCases() {}

  /**
   * Why a snapshot case cannot be put to {@link OfflineChecker}, or null when it can: the checker
   * decides for an anonymous requester from statements alone, at one instant after the export.
   */
  static String snapshotLimits(JsonNode json) {
    JsonNode state = json.get("state");
    Instant takenAt = Instant.parse(state.get("snapshot").get("takenAt").stringValue());
    if (json.has("requester") || !state.path("agreements").isEmpty()) {
      return "not expressible offline: OfflineChecker decides for an anonymous requester, and the"
          + " snapshot format holds no licence agreements";
    }
    if (!json.path("signals").isEmpty()) {
      return "not expressible offline: OfflineChecker takes no in-band signals";
    }
    for (String records : List.of("declarations", "revocations")) {
      for (JsonNode record : state.path(records)) {
        if (record.has("validFrom")
            || record.has("validUntil")
            || Instant.parse(record.get("recordedAt").stringValue()).isAfter(takenAt)) {
          return "not expressible offline: the runner places the snapshot's history at its export,"
              + " so it cannot hold validity windows or records after takenAt";
        }
      }
    }
    return null;
  }

  /**
   * Checks the item with {@link RightsChecker} against a registry that cannot be reached in the way
   * the case's {@code state.unreachable} says.
   *
   * @param credential the requester's credential, or null for an anonymous check
   * @return the decision in the wire shape
   */
  static JsonNode unreachable(JsonNode json, Item item, List<Signal> signals, String credential) {
    String reason = json.get("state").get("unreachable").stringValue();
    if (reason.contains("503")) {
      HttpServer server = answering503();
      try {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return decide(json, uri, item, signals, credential);
      } finally {
        server.stop(0);
      }
    }
    if (reason.contains("refused")) {
      return decide(json, refusingPort(), item, signals, credential);
    }
    throw new NotExpressible(
        "not expressible: the runner stages an unreachable registry as a refused connection or"
            + " an HTTP 503, not as '"
            + reason
            + "'");
  }

  private static JsonNode decide(
      JsonNode json, URI registry, Item item, List<Signal> signals, String credential) {
    RightsChecker.Builder checker =
        RightsChecker.builder()
            .registry(registry)
            .connectTimeout(Duration.ofSeconds(5))
            .requestTimeout(Duration.ofSeconds(10));
    if (json.has("failClosed")) {
      checker.onRegistryUnavailable(Verdict.valueOf(json.get("failClosed").stringValue()));
    }
    if (json.has("profile")) {
      checker.profile(PolicyProfile.fromId(json.get("profile").stringValue()));
    }
    if (credential != null) {
      checker.credential(credential);
    }
    Decision decision =
        checker.build().check(item, signals, Usage.fromId(json.get("usage").stringValue()));
    return DecisionDocuments.toJson(decision);
  }

  /** A loopback address nothing listens on: bound, noted and closed again. */
  private static URI refusingPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free loopback port", e);
    }
  }

  private static HttpServer answering503() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start a loopback server", e);
    }
  }

  /**
   * Decides the item offline from the registry's snapshot, with the case's freshness bound and a
   * clock as far after the snapshot's export as the case's {@code at} is after its {@code takenAt}.
   *
   * @param file the bytes of {@code GET /v1/snapshot}
   * @return the snapshot's sequence and the decision in the wire shape
   */
  static Offline offline(JsonNode json, byte[] file, Item item) {
    Snapshot snapshot = SnapshotFormat.read(new ByteArrayInputStream(file));
    JsonNode taken = json.get("state").get("snapshot");
    Duration age =
        Duration.between(
            Instant.parse(taken.get("takenAt").stringValue()),
            Instant.parse(json.get("at").stringValue()));
    OfflineChecker.Builder checker =
        OfflineChecker.builder()
            .snapshot(snapshot)
            .clock(Clock.fixed(snapshot.exportedAt().plus(age), ZoneOffset.UTC))
            .maxAge(freshness(taken.get("freshness").stringValue()));
    if (json.has("failClosed")) {
      checker.onStale(Verdict.valueOf(json.get("failClosed").stringValue()));
    }
    if (json.has("profile")) {
      checker.profile(PolicyProfile.fromId(json.get("profile").stringValue()));
    }
    OfflineChecker built = checker.build();
    Usage usage = Usage.fromId(json.get("usage").stringValue());
    Decision decision = built.check(item, usage);
    Verdict verdict = built.verdict(item, usage);
    List<String> differences = new ArrayList<>();
    if (verdict != decision.verdict()) {
      differences.add(
          "OfflineChecker.verdict gave " + verdict + " but check gave " + decision.verdict());
    }
    return new Offline(snapshot.sequence(), DecisionDocuments.toJson(decision), differences);
  }

  private static Duration freshness(String text) {
    try {
      Duration freshness = Duration.parse(text);
      if (freshness.isZero() || freshness.isNegative()) {
        throw new NotExpressible(
            "not expressible offline: OfflineChecker needs a positive freshness bound, not "
                + text);
      }
      return freshness;
    } catch (DateTimeParseException e) {
      throw new NotExpressible("the case's freshness '" + text + "' is not an ISO-8601 duration");
    }
  }

  /** The case's signals as the client library's. */
  static List<Signal> signals(JsonNode json) {
    List<Signal> signals = new ArrayList<>();
    json.path("signals").forEach(signal -> signals.add(DecisionDocuments.signalFromJson(signal)));
    return signals;
  }

  /**
   * An offline decision, the sequence of the snapshot it was made from, and where the checker's
   * verdict path disagreed with the decision's verdict (nothing, when it agreed).
   */
  record Offline(long sequence, JsonNode decision, List<String> verdictDifferences) {}
}
