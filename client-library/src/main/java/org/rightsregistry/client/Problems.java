package org.rightsregistry.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads an {@code application/problem+json} answer (RFC 9457), tolerating any other body. */
final class Problems {

  private Problems() {}

  static RegistryRequestException requestException(int status, byte[] body, JsonMapper json) {
    JsonNode problem = parse(body, json);
    String title = text(problem, "title", "HTTP " + status + " without a problem document");
    return new RegistryRequestException(
        status,
        text(problem, "type", RegistryRequestException.UNTYPED),
        text(problem, "detail", title),
        text(problem, "field", null));
  }

  private static JsonNode parse(byte[] body, JsonMapper json) {
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static String text(JsonNode problem, String name, String fallback) {
    JsonNode node = problem == null ? null : problem.get(name);
    return node != null && node.isString() ? node.stringValue() : fallback;
  }
}
