package org.rightsregistry.conformance;

import tools.jackson.databind.JsonNode;

/**
 * One conformance case as read from a vector file.
 *
 * @param topic the file's topic, such as {@code specificity}
 * @param description what the case shows, in one sentence; the name of its test
 * @param json the whole case
 */
public record VectorCase(String topic, String description, JsonNode json) {

  /**
   * Returns why the case is not run yet, if it is not.
   *
   * @return the reason, or null when the case is supported
   */
  public String skipReason() {
    JsonNode skip = json.get("skip");
    return skip == null ? null : skip.stringValue();
  }
}
