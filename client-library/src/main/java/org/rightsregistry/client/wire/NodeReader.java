package org.rightsregistry.client.wire;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Reads typed values out of a JSON tree and names the JSON Pointer of anything malformed. */
final class NodeReader {

  private NodeReader() {}

  static JsonNode object(JsonNode node, String pointer) {
    if (node == null || !node.isObject()) {
      throw new MalformedDocumentException(pointer, "must be a JSON object");
    }
    return node;
  }

  static JsonNode object(JsonNode parent, String name, String pointer) {
    return object(present(parent, name, pointer), pointer + "/" + name);
  }

  static JsonNode array(JsonNode parent, String name, String pointer) {
    JsonNode node = present(parent, name, pointer);
    if (!node.isArray()) {
      throw new MalformedDocumentException(pointer + "/" + name, "must be a JSON array");
    }
    return node;
  }

  static String text(JsonNode parent, String name, String pointer) {
    JsonNode node = present(parent, name, pointer);
    if (!node.isString()) {
      throw new MalformedDocumentException(pointer + "/" + name, "must be a string");
    }
    return node.stringValue();
  }

  /** Returns null when the field is absent; a JSON null is read as absent too. */
  static String optionalText(JsonNode parent, String name, String pointer) {
    return isAbsent(parent.get(name)) ? null : text(parent, name, pointer);
  }

  static long number(JsonNode parent, String name, String pointer) {
    JsonNode node = present(parent, name, pointer);
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new MalformedDocumentException(pointer + "/" + name, "must be a whole number");
    }
    return node.longValue();
  }

  static boolean bool(JsonNode parent, String name, String pointer) {
    JsonNode node = present(parent, name, pointer);
    if (!node.isBoolean()) {
      throw new MalformedDocumentException(pointer + "/" + name, "must be true or false");
    }
    return node.booleanValue();
  }

  static Instant instant(JsonNode parent, String name, String pointer) {
    String text = text(parent, name, pointer);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new MalformedDocumentException(
          pointer + "/" + name,
          "must be an RFC 3339 "
              + "date-time such as 2026-01-01T00:00:00Z, but was '"
              + text
              + "'");
    }
  }

  /** Reads a string and turns it into a value, reporting the parser's message on failure. */
  static <T> T id(JsonNode parent, String name, String pointer, Function<String, T> parser) {
    return parse(text(parent, name, pointer), pointer + "/" + name, parser);
  }

  static <T> T parse(String text, String pointer, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedDocumentException(pointer, "is not valid: " + e.getMessage());
    }
  }

  static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private static JsonNode present(JsonNode parent, String name, String pointer) {
    JsonNode node = parent.get(name);
    if (isAbsent(node)) {
      throw new MalformedDocumentException(pointer + "/" + name, "is required but missing");
    }
    return node;
  }
}
