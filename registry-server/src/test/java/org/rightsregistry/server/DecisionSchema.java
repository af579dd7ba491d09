package org.rightsregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import org.rightsregistry.vocabulary.JsonSchemas;
import tools.jackson.databind.JsonNode;

/** Every check answer a test sees is checked against the published decision schema. */
public final class DecisionSchema {

  private static final Schema SCHEMA = load();

  private DecisionSchema() {}

  private static Schema load() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder
                    .schemaRegistryConfig(config)
                    .schemaIdResolvers(
                        ids ->
                            ids.mapPrefix(
                                JsonSchemas.ID_PREFIX,
                                "classpath:" + JsonSchemas.CLASSPATH_DIRECTORY)));
    return registry.getSchema(SchemaLocation.of(JsonSchemas.id(JsonSchemas.DECISION).toString()));
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
