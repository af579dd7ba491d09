package org.rightsregistry.conformance;

import com.networknt.schema.Schema;
import java.util.List;
import org.rightsregistry.server.web.JsonDocuments;
import org.rightsregistry.vocabulary.JsonSchemas;
import tools.jackson.databind.JsonNode;

/** Issue 4: a check answer is exactly what the published {@code decision.schema.json} describes. */
final class DecisionSchemaCheck {

  private static final Schema DECISION_SCHEMA =
      JsonDocuments.published(JsonSchemas.id(JsonSchemas.DECISION).toString());

  private DecisionSchemaCheck() {}

  /** One line per violation of the schema by a whole {@code POST /v1/checks} answer. */
  static List<String> violations(JsonNode answer) {
    return DECISION_SCHEMA.validate(answer).stream()
        .map(error -> "decision.schema.json: " + error)
        .toList();
  }
}
