package org.rightsregistry.server.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.rightsregistry.server.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Counts requests per credential and invalid credentials per address in one-minute windows. The
 * counters are bounded in number, so a flood of addresses cannot exhaust memory.
 */
@Component
public class RateLimits {

  private static final long WINDOW_MILLIS = 60_000;

  private final SecurityProperties properties;
  private final Clock clock;
  private final Cache<String, Window> windows =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(Duration.ofMinutes(2)).build();

  RateLimits(SecurityProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** Refuses an address that presented too many invalid credentials in this minute. */
  void checkFailures(String address) {
    Window window = windows.getIfPresent(failureKey(address));
    long now = clock.millis();
    if (window != null
        && window.start == windowStart(now)
        && window.count.get() >= properties.failedAuthenticationsPerMinute()) {
      throw new TooManyRequestsException(
          "Too many invalid credentials from this address; try again later", retryAfter(now));
    }
  }

  /** Counts an invalid credential presented from an address. */
  void recordFailure(String address) {
    count(failureKey(address), clock.millis());
  }

  /** Counts a request made with a credential and refuses it over the credential's limit. */
  void countRequest(String tokenId, int perMinute) {
    long now = clock.millis();
    int limit = Math.min(perMinute, properties.requestsPerMinute());
    if (count("credential " + tokenId, now) > limit) {
      throw new TooManyRequestsException(
          "This credential is limited to " + limit + " requests a minute; try again later",
          retryAfter(now));
    }
  }

  /** Forgets every count, for tests that exhaust a limit on purpose. */
  public void forgetAll() {
    windows.invalidateAll();
  }

  private int count(String key, long now) {
    long start = windowStart(now);
    Window window =
        windows
            .asMap()
            .compute(key, (k, w) -> w == null || w.start != start ? new Window(start) : w);
    return window.count.incrementAndGet();
  }

  private static String failureKey(String address) {
    return "address " + address;
  }

  private static long windowStart(long millis) {
    return millis - millis % WINDOW_MILLIS;
  }

  private static long retryAfter(long now) {
    return Math.max(1, (windowStart(now) + WINDOW_MILLIS - now + 999) / 1000);
  }

  private static final class Window {
    final long start;
    final AtomicInteger count = new AtomicInteger();

    Window(long start) {
      this.start = start;
    }
  }
}
