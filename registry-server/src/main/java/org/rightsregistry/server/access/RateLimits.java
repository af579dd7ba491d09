package org.rightsregistry.server.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.rightsregistry.server.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Limits requests per credential and invalid credentials per address with a token bucket each: a
 * limit of N a minute lets N through at once and then one every 60/N seconds, so no burst ever
 * exceeds N, even across the turn of a minute (as fixed one-minute windows would allow: N at the
 * end of one and N at the start of the next). The buckets are bounded in number, so a flood of
 * addresses cannot exhaust memory; one left alone for two minutes is full again and is forgotten.
 */
@Component
public class RateLimits {

  private static final long MINUTE_MILLIS = 60_000;

  private final SecurityProperties properties;
  private final Clock clock;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(2)).build();

  RateLimits(SecurityProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** Refuses an address that has presented as many invalid credentials as its limit allows. */
  void checkFailures(String address) {
    Bucket bucket = buckets.getIfPresent(failureKey(address));
    if (bucket == null) {
      return;
    }
    long wait =
        bucket.millisUntilToken(properties.failedAuthenticationsPerMinute(), clock.millis());
    if (wait > 0) {
      throw new TooManyRequestsException(
          "Too many invalid credentials from this address; try again later", seconds(wait));
    }
  }

  /** Counts an invalid credential presented from an address. */
  void recordFailure(String address) {
    int limit = properties.failedAuthenticationsPerMinute();
    bucket(failureKey(address), limit).take(limit, clock.millis());
  }

  /** Counts a request made with a credential and refuses it over the credential's limit. */
  void countRequest(String tokenId, int perMinute) {
    int limit = Math.min(perMinute, properties.requestsPerMinute());
    long now = clock.millis();
    Bucket bucket = bucket("credential " + tokenId, limit);
    if (!bucket.take(limit, now)) {
      throw new TooManyRequestsException(
          "This credential is limited to " + limit + " requests a minute; try again later",
          seconds(bucket.millisUntilToken(limit, now)));
    }
  }

  /** Forgets every count, for tests that exhaust a limit on purpose. */
  public void forgetAll() {
    buckets.invalidateAll();
  }

  private Bucket bucket(String key, int limit) {
    return buckets.get(key, k -> new Bucket(limit, clock.millis()));
  }

  private static String failureKey(String address) {
    return "address " + address;
  }

  /** Whole seconds for {@code Retry-After}, at least one. */
  private static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }

  /**
   * Tokens left of a limit of so many a minute, refilled continuously. Counted in thousandths of a
   * token, so refilling needs no floating point: a limit of N a minute adds N × 1,000 thousandths
   * every 60,000 ms, up to N tokens.
   */
  private static final class Bucket {
    private static final long ONE = 1_000;

    private long thousandths;
    private long updatedAt;

    Bucket(int limit, long now) {
      this.thousandths = limit * ONE;
      this.updatedAt = now;
    }

    /** Takes a token if there is one; returns whether there was. */
    synchronized boolean take(int limit, long now) {
      refill(limit, now);
      if (thousandths < ONE) {
        return false;
      }
      thousandths -= ONE;
      return true;
    }

    /** How long until a token is there: 0 if one is. */
    synchronized long millisUntilToken(int limit, long now) {
      refill(limit, now);
      long missing = ONE - thousandths;
      // N tokens a minute: one thousandth of a token every 60 / N ms.
      return missing <= 0 ? 0 : (missing * MINUTE_MILLIS + limit * ONE - 1) / (limit * ONE);
    }

    private void refill(int limit, long now) {
      long elapsed = now - updatedAt;
      if (elapsed <= 0) {
        return; // a clock that stepped back adds nothing
      }
      long capacity = limit * ONE;
      long added = elapsed * capacity / MINUTE_MILLIS;
      if (added > 0) {
        thousandths = Math.min(capacity, thousandths + added);
        // Keep the remainder of the division: time that has not yet made a thousandth.
        updatedAt = thousandths == capacity ? now : updatedAt + added * MINUTE_MILLIS / capacity;
      }
    }
  }
}
