package org.rightsregistry.server.web;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.vocabulary.JsonSchemas;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses request documents and validates them against the published JSON Schemas in {@code
 * vocabularies}, so the server accepts exactly what the schemas describe.
 */
@Component
public class JsonDocuments {

  /** Keywords whose errors sit on the object; the field is the property they name. */
  private static final java.util.Set<String> PROPERTY_KEYWORDS =
      java.util.Set.of("required", "additionalProperties", "propertyNames");

  private final JsonMapper mapper =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private final Schema declarationSchema;
  private final Schema checkRequestSchema;

  public JsonDocuments() {
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
    this.declarationSchema =
        registry.getSchema(SchemaLocation.of(JsonSchemas.id(JsonSchemas.DECLARATION).toString()));
    this.checkRequestSchema =
        registry.getSchema(SchemaLocation.of(JsonSchemas.id(JsonSchemas.CHECK_REQUEST).toString()));
  }

  /** Parses and validates one declaration document. */
  public JsonNode declaration(byte[] body) {
    return validated(parse(body), declarationSchema);
  }

  /** Validates an already parsed declaration document, e.g. one line of a batch. */
  public JsonNode declaration(JsonNode document) {
    return validated(document, declarationSchema);
  }

  /** Parses and validates a check request. */
  public JsonNode checkRequest(byte[] body) {
    return validated(parse(body), checkRequestSchema);
  }

  /** Parses one JSON document, refusing duplicate keys and trailing content. */
  public JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw new InvalidRequestException(
          new Violation("", "The request body is empty; send a " + "JSON document"));
    }
    try {
      return mapper.readTree(body);
    } catch (JacksonException e) {
      throw new InvalidRequestException(
          new Violation("", "Malformed JSON: " + e.getOriginalMessage() + locationOf(e)));
    }
  }

  private static JsonNode validated(JsonNode document, Schema schema) {
    List<Error> errors = schema.validate(document);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors.stream().map(JsonDocuments::toViolation).toList());
    }
    return document;
  }

  private static Violation toViolation(Error error) {
    String field = error.getInstanceLocation().toString();
    if (error.getProperty() != null && PROPERTY_KEYWORDS.contains(error.getKeyword())) {
      field = field + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
    }
    return new Violation(field, error.getMessage());
  }

  private static String locationOf(JacksonException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
