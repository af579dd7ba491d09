package org.rightsregistry.server.check;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.Usage;
import org.rightsregistry.server.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Reads the in-band signals a check request carries with an item into the engine's {@link Signal}s.
 * The request has passed the check-request schema, so shapes, lengths and ids are known good; what
 * the schema cannot say (a blank phrase, a date-time its format check lets through, a signal read
 * in the future) is reported as a violation at the signal's field.
 */
final class SignalDocuments {

  /** How far ahead of the registry's clock a caller's clock may run. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private SignalDocuments() {}

  /**
   * Reads an item's {@code signals}, or none when absent.
   *
   * @param signals the item's {@code signals} array, or null
   * @param pointer the JSON Pointer of the array, such as {@code /items/3/signals}
   * @param now the registry's clock: a signal read after it (beyond {@link #CLOCK_SKEW}) is refused
   * @param violations where problems are reported
   * @return the signals, in request order; incomplete when a violation was reported
   */
  static List<Signal> read(
      JsonNode signals, String pointer, Instant now, List<Violation> violations) {
    if (signals == null) {
      return List.of();
    }
    List<Signal> read = new ArrayList<>(signals.size());
    for (int i = 0; i < signals.size(); i++) {
      Signal signal = signal(signals.get(i), pointer + "/" + i, now, violations);
      if (signal != null) {
        read.add(signal);
      }
    }
    return read;
  }

  private static Signal signal(
      JsonNode json, String pointer, Instant now, List<Violation> violations) {
    int problemsBefore = violations.size();
    String location = phrase(json, "location", pointer, violations);
    String meaning = phrase(json, "meaning", pointer, violations);
    Instant readAt = instant(json, "readAt", pointer, violations);
    if (readAt != null && readAt.isAfter(now.plus(CLOCK_SKEW))) {
      violations.add(
          new Violation(
              pointer + "/readAt",
              "'"
                  + json.get("readAt").asString()
                  + "' is later than the registry's clock ("
                  + now
                  + "): a signal cannot have been read in the future"));
    }
    if (violations.size() != problemsBefore) {
      return null;
    }

    try {
      return new Signal(
          json.get("source").asString(),
          json.get("raw").asString(),
          location,
          meaning,
          usages(json.get("usages")),
          SignalOutcome.fromId(json.get("outcome").asString()),
          readAt);
    } catch (IllegalArgumentException e) {
      violations.add(new Violation(pointer, "is not a valid signal: " + e.getMessage()));
      return null;
    }
  }

  private static String phrase(
      JsonNode json, String name, String pointer, List<Violation> violations) {
    String value = json.get(name).asString();
    if (value.isBlank()) {
      violations.add(new Violation(pointer + "/" + name, "is blank; say it in words"));
      return null;
    }
    return value;
  }

  private static Instant instant(
      JsonNode json, String name, String pointer, List<Violation> violations) {
    String value = json.get(name).asString();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException e) {
      violations.add(
          new Violation(
              pointer + "/" + name,
              "'"
                  + value
                  + "' is not an RFC 3339 date-time with an offset, such as"
                  + " 2026-01-31T12:00:00Z"));
      return null;
    }
  }

  private static Map<Usage, Effect> usages(JsonNode usages) {
    Map<Usage, Effect> read = new EnumMap<>(Usage.class);
    if (usages != null) {
      for (Map.Entry<String, JsonNode> entry : usages.properties()) {
        read.put(Usage.fromId(entry.getKey()), Effect.fromId(entry.getValue().asString()));
      }
    }
    return read;
  }
}
