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
    return "'" + shortened(value, 200) + "' (" + value.length() + " characters)";
  }

  /**
   * Returns the text, or its first {@code max} characters and an ellipsis when it is longer; a
   * surrogate pair is never cut in half, so the result is always well-formed Unicode.
   */
  static String shortened(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end) + "…";
  }
}
