package org.rightsregistry.server;

import java.util.UUID;

/** Declaration documents for tests. */
public final class TestDeclarations {

  private TestDeclarations() {}

  /** A photographer's reservation of AI training on one URL, search indexing allowed. */
  public static String declaration(String url) {
    return """
        {"declarant": {"id": "example-photographer", "name": "A photographer"},
         "subjects": [{"type": "url", "value": "%s"}],
         "usages": {"ai-training": "reserved", "search-indexing": "allowed"},
         "rightsStatement": "http://rightsstatements.org/vocab/InC/1.0/"}
        """
        .formatted(url);
  }

  /** A URL no other test uses, spelled in a form that normalisation changes. */
  public static String uniqueUrl() {
    return "https://EXAMPLE.org:443/%7Euser/" + UUID.randomUUID() + ".jpg";
  }
}
