package org.rightsregistry.server.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Reads ids in paths only in the canonical 8-4-4-4-12 hex form: the JDK's own parser also takes
 * "1-1-1-1-1", which names a different declaration than the one the client meant. A custom editor,
 * because Spring falls back to its lenient default editor when a converter refuses.
 */
@ControllerAdvice
class StrictUuidBinding {

  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @InitBinder
  void canonicalUuids(WebDataBinder binder) {
    binder.registerCustomEditor(
        UUID.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            if (!CANONICAL.matcher(text).matches()) {
              throw new IllegalArgumentException("not a UUID in canonical form: " + text);
            }
            setValue(UUID.fromString(text));
          }
        });
  }
}
