package org.rightsregistry.client.signals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.Usage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * W3C TDMRep: the well-known file, the header, HTML meta, EPUB OPF and PDF XMP, and the layering
 * between them (well-known &lt; header &lt; HTML &lt; file metadata; absence never resets).
 */
final class TdmRep {

  static final String NS_PDF = "http://www.w3.org/ns/tdmrep/";
  static final String NS_EPUB = "http://www.w3.org/ns/tdmrep#";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TdmRep() {}

  /**
   * What one technique said. {@code reservation} is 0, 1 or null (absent or a protocol error);
   * {@code problem} is set for a protocol error.
   */
  record Reading(
      String technique,
      String raw,
      String location,
      Integer reservation,
      String policy,
      String problem) {

    boolean isAbsent() {
      return reservation == null && policy == null && problem == null;
    }
  }

  static Reading absent(String technique) {
    return new Reading(technique, "", technique, null, null, null);
  }

  /** Reads one {@code tdm-reservation} value as written in a header, meta element or XMP. */
  static Reading value(String technique, String raw, String location, String value, String policy) {
    if (value == null) {
      return new Reading(technique, raw, location, null, blankToNull(policy), null);
    }
    String trimmed = value.strip();
    if (trimmed.equals("0") || trimmed.equals("1")) {
      return new Reading(
          technique, raw, location, Integer.parseInt(trimmed), blankToNull(policy), null);
    }
    return new Reading(
        technique,
        raw,
        location,
        null,
        blankToNull(policy),
        "tdm-reservation must be 0 or 1, but was '" + trimmed + "': a protocol error, so unset");
  }

  /** Reads {@code /.well-known/tdmrep.json} for one path: the first matching rule wins. */
  static Reading wellKnown(byte[] body, String fileUrl, String path) {
    JsonNode rules;
    String raw = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    try {
      rules = JSON.readTree(body);
    } catch (JacksonException e) {
      return new Reading(
          "well-known", raw, fileUrl, null, null, "not valid JSON: " + e.getOriginalMessage());
    }
    if (rules == null || !rules.isArray()) {
      return new Reading("well-known", raw, fileUrl, null, null, "not a JSON array of rules");
    }
    String normalised = PathPatterns.normalisePath(path);
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      JsonNode location = rule.get("location");
      if (location == null || !location.isString()) {
        continue;
      }
      if (!PathPatterns.compile(location.stringValue()).matches(normalised)) {
        continue;
      }
      String where = fileUrl + " rule " + i;
      JsonNode policy = rule.get("tdm-policy");
      String policyUrl = policy != null && policy.isString() ? policy.stringValue() : null;
      JsonNode reservation = rule.get("tdm-reservation");
      boolean valid =
          reservation != null
              && reservation.isIntegralNumber()
              && (reservation.asInt() == 0 || reservation.asInt() == 1);
      if (!valid) {
        return new Reading(
            "well-known",
            rule.toString(),
            where,
            null,
            policyUrl,
            "tdm-reservation must be the number 0 or 1, but was "
                + (reservation == null ? "absent" : reservation.toString())
                + ": a protocol error, so unset");
      }
      return new Reading(
          "well-known", rule.toString(), where, reservation.asInt(), policyUrl, null);
    }
    return new Reading("well-known", raw, fileUrl, null, null, null);
  }

  /**
   * Turns the readings, in precedence order (lowest first), into signals: the highest reading that
   * has a valid value bears; lower ones are kept as superseded evidence; malformed ones are
   * reported; absent ones are left out.
   */
  static List<Signal> layer(List<Reading> readings, Instant at) {
    int effective = -1;
    String policy = null;
    for (int i = 0; i < readings.size(); i++) {
      if (readings.get(i).reservation() != null) {
        effective = i;
      }
      if (readings.get(i).policy() != null) {
        policy = readings.get(i).policy();
      }
    }
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < readings.size(); i++) {
      Reading reading = readings.get(i);
      if (reading.isAbsent()) {
        continue;
      }
      signals.add(signal(reading, i == effective, effective, readings, policy, at));
    }
    return signals;
  }

  private static Signal signal(
      Reading reading,
      boolean bears,
      int effective,
      List<Reading> readings,
      String policy,
      Instant at) {
    String technique = "TDMRep " + reading.technique();
    if (reading.problem() != null) {
      return new Signal(
          Signal.SOURCE_TDMREP,
          reading.raw(),
          reading.location(),
          technique + ": " + reading.problem(),
          Map.of(),
          SignalOutcome.MALFORMED,
          at);
    }
    Map<Usage, Effect> usages = new EnumMap<>(Usage.class);
    String meaning;
    if (reading.reservation() == null) {
      meaning = technique + ": tdm-reservation unset" + policyText(reading.policy());
    } else if (!bears) {
      meaning =
          technique
              + ": tdm-reservation "
              + reading.reservation()
              + ", superseded by the "
              + readings.get(effective).technique();
    } else {
      usages.put(
          Usage.TEXT_AND_DATA_MINING,
          reading.reservation() == 1 ? Effect.RESERVED : Effect.ALLOWED);
      meaning =
          technique
              + (reading.reservation() == 1
                  ? ": text and data mining rights reserved"
                  : ": text and data mining rights not reserved")
              + (reading.reservation() == 1 ? policyText(policy) : "");
    }
    return new Signal(
        Signal.SOURCE_TDMREP,
        reading.raw(),
        reading.location(),
        meaning,
        usages,
        SignalOutcome.READ,
        at);
  }

  private static String policyText(String policy) {
    return policy == null ? "" : " (tdm-policy " + policy + ")";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
