package org.rightsregistry.conformance;

/**
 * How one case went against a registry.
 *
 * @param topic the case's topic
 * @param description the case's description
 * @param status passed, failed or skipped
 * @param detail why it was skipped, or how the decision differed; empty when it passed
 */
public record CaseOutcome(String topic, String description, Status status, String detail) {

  /** Passed, failed or skipped. */
  public enum Status {
    PASS,
    FAIL,
    SKIP
  }

  static CaseOutcome of(VectorCase vector, Status status, String detail) {
    return new CaseOutcome(vector.topic(), vector.description(), status, detail);
  }
}
