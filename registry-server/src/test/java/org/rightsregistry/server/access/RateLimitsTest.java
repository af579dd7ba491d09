package org.rightsregistry.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.rightsregistry.server.TooManyRequestsException;

/** Token buckets: a limit of N a minute never lets more than N through in any minute. */
class RateLimitsTest {

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-12-04T10:00:59.900Z"); // just before the turn of a minute

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }
  }

  final HandClock clock = new HandClock();
  final RateLimits limits =
      new RateLimits(new SecurityProperties(1200, 10, null, null, null), clock);

  @Test
  void countRequest_aBurstAcrossTheTurnOfAMinute_getsNoMoreThanTheLimit() {
    for (int i = 0; i < 3; i++) {
      limits.countRequest("t", 3);
    }
    clock.advance(Duration.ofMillis(200)); // the next minute has begun

    TooManyRequestsException refused =
        catchThrowableOfType(TooManyRequestsException.class, () -> limits.countRequest("t", 3));

    assertThat(refused).isNotNull();
    // One token of 3 a minute comes back every 20 s.
    assertThat(refused.retryAfterSeconds()).isEqualTo(20);
  }

  @Test
  void countRequest_afterAPause_letsThroughWhatTheLimitRefilled_andNoMore() {
    for (int i = 0; i < 3; i++) {
      limits.countRequest("t", 3);
    }
    clock.advance(Duration.ofSeconds(20));
    limits.countRequest("t", 3); // one token back

    assertThatThrownBy(() -> limits.countRequest("t", 3))
        .isInstanceOf(TooManyRequestsException.class);
    clock.advance(Duration.ofMinutes(5)); // full again, never more than the limit
    for (int i = 0; i < 3; i++) {
      limits.countRequest("t", 3);
    }
    assertThatThrownBy(() -> limits.countRequest("t", 3))
        .isInstanceOf(TooManyRequestsException.class);
  }

  @Test
  void countRequest_theLowerOfTheCredentialsAndTheRegistrysLimitApplies_perCredential() {
    RateLimits strict = new RateLimits(new SecurityProperties(2, 10, null, null, null), clock);
    strict.countRequest("a", 100);
    strict.countRequest("a", 100);
    strict.countRequest("b", 100); // another credential has its own bucket

    assertThatThrownBy(() -> strict.countRequest("a", 100))
        .isInstanceOf(TooManyRequestsException.class)
        .hasMessageContaining("limited to 2 requests a minute");
  }

  @Test
  void failures_atTheLimit_refuseTheAddressUntilATokenIsBack() {
    for (int i = 0; i < 10; i++) {
      limits.checkFailures("192.0.2.1");
      limits.recordFailure("192.0.2.1");
    }
    TooManyRequestsException refused =
        catchThrowableOfType(
            TooManyRequestsException.class, () -> limits.checkFailures("192.0.2.1"));

    assertThat(refused).isNotNull();
    assertThat(refused.retryAfterSeconds()).isEqualTo(6); // 10 a minute: one every 6 s
    limits.checkFailures("192.0.2.2"); // another address is not refused
    clock.advance(Duration.ofSeconds(6));
    limits.checkFailures("192.0.2.1");
  }

  @Test
  void countRequest_aClockThatStepsBack_addsNothing() {
    for (int i = 0; i < 3; i++) {
      limits.countRequest("t", 3);
    }
    clock.advance(Duration.ofSeconds(-30));
    assertThatThrownBy(() -> limits.countRequest("t", 3))
        .isInstanceOf(TooManyRequestsException.class);
  }
}
