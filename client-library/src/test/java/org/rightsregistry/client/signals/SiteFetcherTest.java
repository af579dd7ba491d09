package org.rightsregistry.client.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;

class SiteFetcherTest {

  private HttpServer server;
  private final AtomicInteger robotsStatus = new AtomicInteger(200);
  private final AtomicInteger robotsRequests = new AtomicInteger();
  private final AtomicInteger delayMillis = new AtomicInteger();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-04T00:00:00Z"));
  private String base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/robots.txt",
        exchange -> {
          robotsRequests.incrementAndGet();
          try {
            Thread.sleep(delayMillis.get());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8);
          int status = robotsStatus.get();
          exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
          if (status == 200) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.createContext(
        "/loop",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/loop");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private InBandSignals signals() {
    Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneId.of("UTC");
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    return InBandSignals.builder()
        .clock(clock)
        .politenessDelay(Duration.ZERO)
        .requestTimeout(Duration.ofMillis(500))
        .build();
  }

  private Signal robotsSignal(InBandSignals reader) {
    List<Signal> read = reader.beforeFetch(base + "/x");
    return read.get(0);
  }

  @Test
  void robots503_isUnreachable_andNotCachedAsAllowed() {
    InBandSignals reader = signals();
    robotsStatus.set(503);
    assertThat(robotsSignal(reader).outcome()).isEqualTo(SignalOutcome.UNREACHABLE);
    assertThat(reader.mayFetch(base + "/x")).isFalse();

    robotsStatus.set(200);
    assertThat(robotsSignal(reader).outcome())
        .as("still unreachable within the retry delay, never allowed")
        .isEqualTo(SignalOutcome.UNREACHABLE);
    now.set(now.get().plus(Duration.ofMinutes(6)));
    assertThat(robotsSignal(reader).outcome()).isEqualTo(SignalOutcome.READ);
  }

  @Test
  void robotsTimeout_isUnreachable() {
    delayMillis.set(2_000);
    assertThat(robotsSignal(signals()).outcome()).isEqualTo(SignalOutcome.UNREACHABLE);
  }

  @Test
  void robots429_isUnreachable_and404_restrictsNothing() {
    robotsStatus.set(429);
    assertThat(robotsSignal(signals()).outcome()).isEqualTo(SignalOutcome.UNREACHABLE);
    robotsStatus.set(404);
    Signal missing = robotsSignal(signals());
    assertThat(missing.outcome()).isEqualTo(SignalOutcome.READ);
    assertThat(missing.usages()).isEmpty();
  }

  @Test
  void robots_isCachedAtMost24Hours() {
    InBandSignals reader = signals();
    robotsSignal(reader);
    robotsSignal(reader);
    assertThat(robotsRequests.get()).isEqualTo(1);
    now.set(now.get().plus(Duration.ofHours(24)).plusSeconds(1));
    robotsSignal(reader);
    assertThat(robotsRequests.get()).isEqualTo(2);
  }

  @Test
  void moreThanFiveRedirects_isUnreachable() {
    SiteFetcher fetcher =
        new SiteFetcher(
            java.net.http.HttpClient.newBuilder().build(),
            Duration.ofSeconds(1),
            Duration.ZERO,
            "TestBot",
            Clock.systemUTC(),
            10,
            Duration.ofHours(1),
            Duration.ofMinutes(1));
    Fetched fetched = fetcher.get(java.net.URI.create(base + "/loop"));
    assertThat(fetched.status()).isZero();
    assertThat(fetched.failure()).contains("redirects");
  }
}
