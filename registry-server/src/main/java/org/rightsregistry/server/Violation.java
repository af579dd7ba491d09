package org.rightsregistry.server;

/**
 * One thing wrong with a request.
 *
 * @param field a JSON Pointer into the request document ("" for the whole document)
 * @param message what is wrong and what would be valid
 * @param line the 1-based NDJSON line, or 0 when the request is a single document
 */
public record Violation(String field, String message, int line) {

  public Violation(String field, String message) {
    this(field, message, 0);
  }

  /** The same violation, placed on a line of an NDJSON batch. */
  public Violation onLine(int lineNumber) {
    return new Violation(field, message, lineNumber);
  }
}
