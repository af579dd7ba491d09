package org.rightsregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.List;
import org.rightsregistry.server.web.JsonDocuments;
import org.rightsregistry.vocabulary.JsonSchemas;
import tools.jackson.databind.JsonNode;

/** Every check answer a test sees is checked against the published decision schema. */
public final class DecisionSchema {

  private static final Schema SCHEMA = load();

  private DecisionSchema() {}

  private static Schema load() {
    return JsonDocuments.published(JsonSchemas.id(JsonSchemas.DECISION).toString());
  }

  /** Fails the test, naming every violation, unless the answer is a valid decision document. */
  public static JsonNode assertValid(JsonNode checkResponse) {
    List<Error> errors = SCHEMA.validate(checkResponse);
    assertThat(errors)
        .as("the check answer against decision.schema.json: %s", checkResponse)
        .isEmpty();
    return checkResponse;
  }
}
