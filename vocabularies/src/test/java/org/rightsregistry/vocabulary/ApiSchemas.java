package org.rightsregistry.vocabulary;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;

/**
 * The API schemas as a validator sees them: loaded from the classpath by their {@code $id}, with
 * relative {@code $ref}s between them resolved the same way, formats asserted, and instance
 * locations reported as JSON Pointers. The server builds its registry the same way.
 */
final class ApiSchemas {

  private static final SchemaRegistryConfig CONFIG =
      SchemaRegistryConfig.builder()
          .formatAssertionsEnabled(true)
          .pathType(PathType.JSON_POINTER)
          .build();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder
                  .schemaRegistryConfig(CONFIG)
                  .schemaIdResolvers(
                      resolvers ->
                          resolvers.mapPrefix(
                              JsonSchemas.ID_PREFIX,
                              "classpath:" + JsonSchemas.CLASSPATH_DIRECTORY)));

  private ApiSchemas() {}

  static Schema schema(String name) {
    return REGISTRY.getSchema(SchemaLocation.of(JsonSchemas.id(name).toString()));
  }

  static List<Error> validate(String name, String json) {
    return schema(name).validate(json, InputFormat.JSON);
  }

  /** An error as "pointer keyword: message", pointer "" for the document itself. */
  static String describe(Error error) {
    return "'"
        + error.getInstanceLocation()
        + "' "
        + error.getKeyword()
        + ": "
        + error.getMessage();
  }
}
