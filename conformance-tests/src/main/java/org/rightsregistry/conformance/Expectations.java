package org.rightsregistry.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Compares a decision document (the wire shape of {@code docs/wire-format.md}) with a case's {@code
 * expected}: verdict, rule, conflict, registry sequence, categories, and per piece of evidence its
 * source, id, category, effect and decisiveness (and its trust level or outcome where the case
 * names them). The explanation is checked to be present, not worded.
 */
public final class Expectations {

  private Expectations() {}

  /**
   * Lists how a decision differs from what a case expects.
   *
   * @param expected the case's {@code expected} object
   * @param decision the decision document
   * @return one line per difference; empty when the decision conforms
   */
  public static List<String> differences(JsonNode expected, JsonNode decision) {
    List<String> differences = new ArrayList<>();
    for (String field : List.of("verdict", "rule", "conflict", "registrySequence")) {
      compare(field, expected.get(field), decision.get(field), differences);
    }
    compare("categories", expected.get("categories"), decision.get("categories"), differences);
    JsonNode explanation = decision.get("explanation");
    if (explanation == null || explanation.stringValue().isBlank()) {
      differences.add("explanation: missing");
    }
    evidence(expected.get("evidence"), decision.get("evidence"), differences);
    return differences;
  }

  private static void evidence(JsonNode expected, JsonNode actual, List<String> differences) {
    if (actual == null || expected.size() != actual.size()) {
      differences.add(
          "evidence: expected " + expected.size() + " entries " + expected + " but was " + actual);
      return;
    }
    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = expected.get(i);
      JsonNode got = actual.get(i);
      for (String field : List.of("source", "category", "effect", "decisive")) {
        compare("evidence/" + i + "/" + field, want.get(field), got.get(field), differences);
      }
      if (want.has("id")) {
        compare("evidence/" + i + "/id", want.get("id"), got.get("declarationId"), differences);
      }
      for (String optional : List.of("trustLevel", "outcome")) {
        if (want.has(optional)) {
          compare(
              "evidence/" + i + "/" + optional, want.get(optional), got.get(optional), differences);
        }
      }
    }
  }

  private static void compare(String field, JsonNode want, JsonNode got, List<String> out) {
    if (!same(want, got)) {
      out.add(field + ": expected " + want + " but was " + got);
    }
  }

  /** Equal JSON values; numbers by value and objects regardless of member order. */
  private static boolean same(JsonNode want, JsonNode got) {
    if (want == null || got == null) {
      return want == got;
    }
    if (want.isObject() && got.isObject()) {
      if (!want.propertyNames().equals(got.propertyNames())) {
        return false;
      }
      for (String name : want.propertyNames()) {
        if (!same(want.get(name), got.get(name))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(want.toString(), got.toString());
  }
}
