package org.rightsregistry.server.web;

import java.util.List;
import java.util.Map;
import org.rightsregistry.server.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Finds text that cannot be stored as it was sent: PostgreSQL text holds no NUL character, and an
 * unpaired UTF-16 surrogate is not a character at all, so either would be refused by the database
 * or silently changed.
 */
final class StorableText {

  private StorableText() {}

  static void check(JsonNode node, String pointer, List<Violation> violations) {
    if (node.isString()) {
      checkText(node.asString(), pointer, violations);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), pointer + "/" + i, violations);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        String child = pointer + "/" + escape(property.getKey());
        checkText(property.getKey(), child, violations);
        check(property.getValue(), child, violations);
      }
    }
  }

  private static void checkText(String text, String pointer, List<Violation> violations) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        violations.add(new Violation(pointer, "contains a NUL character (U+0000); remove it"));
        return;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        violations.add(
            new Violation(
                pointer,
                "contains an unpaired surrogate (\\u"
                    + Integer.toHexString(c).toUpperCase()
                    + "), which is not a Unicode character"));
        return;
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
