package org.rightsregistry.client.offline;

import java.time.Duration;
import org.rightsregistry.client.Verdict;

/** The checks the offline builders share on their settings. */
final class Settings {

  private Settings() {}

  /** A freshness bound or period: positive. */
  static Duration positive(String name, Duration duration) {
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(
          name + " must be a positive duration such as PT1H, but was " + duration);
    }
    return duration;
  }

  /** The verdict for a stale or missing copy: DENY or UNKNOWN, never one that allows. */
  static Verdict failClosed(String name, Verdict verdict) {
    if (verdict != Verdict.DENY && verdict != Verdict.UNKNOWN) {
      throw new IllegalArgumentException(
          name + " must be DENY or UNKNOWN, so that nothing stale is allowed, but was " + verdict);
    }
    return verdict;
  }
}
