package org.rightsregistry.client.signals;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in fetcher of robots.txt and tdmrep.json: timeouts, at most 5 redirects, one request at
 * a time per host with a delay between them, and a bounded cache. Answers are kept at most the
 * configured time (24 hours at most); an unreachable answer is kept only for the retry delay, and
 * always as unreachable, never as allowed.
 */
final class SiteFetcher {

  static final int MAX_REDIRECTS = 5;

  private final HttpClient client;
  private final Duration timeout;
  private final Duration politeness;
  private final String userAgent;
  private final Clock clock;
  private final Cache<String, Fetched> cache;
  private final ConcurrentHashMap<String, Object> hostLocks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Instant> lastRequest = new ConcurrentHashMap<>();

  SiteFetcher(
      HttpClient client,
      Duration timeout,
      Duration politeness,
      String userAgent,
      Clock clock,
      long maxEntries,
      Duration ttl,
      Duration retryUnreachable) {
    this.client = client;
    this.timeout = timeout;
    this.politeness = politeness;
    this.userAgent = userAgent;
    this.clock = clock;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .ticker(() -> nanos(clock.instant()))
            .expireAfter(
                Expiry.<String, Fetched>creating(
                    (key, value) ->
                        value.status() == 0 || value.isRobotsUnreachable()
                            ? retryUnreachable
                            : ttl))
            .build();
  }

  Fetched get(URI uri) {
    return cache.get(uri.toString(), key -> fetch(uri));
  }

  long cachedEntries() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private Fetched fetch(URI first) {
    URI uri = first;
    for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
      HttpResponse<byte[]> response;
      try {
        waitForTurn(uri.getHost());
        response = client.send(request(uri), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        return Fetched.failed(
            first.toString(), e.getClass().getSimpleName() + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Fetched.failed(first.toString(), "interrupted");
      }
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      if (status >= 300 && status < 400 && location.isPresent()) {
        uri = uri.resolve(location.get());
        continue;
      }
      return Fetched.of(first.toString(), status, response.headers().map(), response.body());
    }
    return Fetched.failed(first.toString(), "more than " + MAX_REDIRECTS + " redirects");
  }

  private HttpRequest request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("User-Agent", userAgent)
        .GET()
        .build();
  }

  /** Keeps requests to one host at least the politeness delay apart. */
  private void waitForTurn(String host) throws InterruptedException {
    if (politeness.isZero()) {
      return;
    }
    Object lock = hostLocks.computeIfAbsent(host, h -> new Object());
    synchronized (lock) {
      Instant last = lastRequest.get(host);
      Instant now = clock.instant();
      Instant next = last == null ? now : last.plus(politeness);
      if (next.isAfter(now)) {
        Thread.sleep(Duration.between(now, next).toMillis());
      }
      lastRequest.put(host, clock.instant());
    }
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
