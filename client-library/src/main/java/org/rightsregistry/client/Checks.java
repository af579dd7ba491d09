package org.rightsregistry.client;

/** Guards shared by the value types. */
final class Checks {

  private Checks() {}

  static String requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name + " must be a non-blank string, but was " + quote(value));
    }
    return value;
  }

  static <T> T requireValue(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /** Quotes a value for a message, shortening it so one huge input cannot flood a log. */
  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    if (value.length() <= 200) {
      return "'" + value + "'";
    }
    return "'" + value.substring(0, 200) + "…' (" + value.length() + " characters)";
  }
}
