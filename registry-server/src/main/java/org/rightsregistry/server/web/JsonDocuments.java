package org.rightsregistry.server.web;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.vocabulary.DeprecatedTermCheck;
import org.rightsregistry.vocabulary.JsonSchemas;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
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
  private static final SchemaRegistry PUBLISHED = publishedRegistry();

  private final Schema declarationSchema;
  private final Schema checkRequestSchema;
  private final Schema agreementSchema;

  private final DeprecatedTermCheck deprecatedTerms;

  public JsonDocuments(DeprecatedTermCheck deprecatedTerms) {
    this.deprecatedTerms = deprecatedTerms;
    this.declarationSchema = published(JsonSchemas.id(JsonSchemas.DECLARATION).toString());
    this.checkRequestSchema = published(JsonSchemas.id(JsonSchemas.CHECK_REQUEST).toString());
    this.agreementSchema = published(JsonSchemas.id(JsonSchemas.DECLARATION) + "#/$defs/agreement");
  }

  /**
   * One of the published JSON Schemas (from the vocabularies jar, references between them resolved
   * there too), validating formats and reporting JSON Pointers.
   *
   * @param id the schema's id, optionally with a fragment such as {@code #/$defs/agreement}
   */
  public static Schema published(String id) {
    return PUBLISHED.getSchema(SchemaLocation.of(id));
  }

  private static SchemaRegistry publishedRegistry() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_2020_12,
        builder ->
            builder
                .schemaRegistryConfig(config)
                .schemaIdResolvers(
                    ids ->
                        ids.mapPrefix(
                            JsonSchemas.ID_PREFIX,
                            "classpath:" + JsonSchemas.CLASSPATH_DIRECTORY)));
  }

  /** Parses and validates one declaration document. */
  public JsonNode declaration(byte[] body) {
    return declaration(parse(body));
  }

  /**
   * Validates an already parsed declaration document, e.g. one line of a batch: against the schema,
   * then against the vocabulary, which refuses a retired term naming its replacement.
   */
  public JsonNode declaration(JsonNode document) {
    validated(document, declarationSchema);
    List<Violation> retired = deprecatedTerms.check(document);
    if (!retired.isEmpty()) {
      throw new InvalidRequestException(retired);
    }
    return document;
  }

  /** Parses and validates a licence agreement, by its definition in the declaration schema. */
  public JsonNode agreement(byte[] body) {
    return validated(parse(body), agreementSchema);
  }

  /** Parses and validates a check request. */
  public JsonNode checkRequest(byte[] body) {
    return validated(parse(body), checkRequestSchema);
  }

  /**
   * Parses one JSON document, refusing duplicate keys, trailing content, and text PostgreSQL cannot
   * store faithfully (NUL characters, unpaired surrogates).
   */
  public JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw malformed("", "The request body is empty; send a JSON document");
    }
    JsonNode document;
    try {
      document = mapper.readTree(body);
    } catch (JacksonException e) {
      throw malformed(pointerOf(e), "Malformed JSON" + locationOf(e) + ": " + reasonOf(e));
    }
    List<Violation> violations = new ArrayList<>();
    StorableText.check(document, "", violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return document;
  }

  private static InvalidRequestException malformed(String field, String message) {
    return new InvalidRequestException("malformed-json", List.of(new Violation(field, message)));
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
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /** What went wrong, in words for the caller: Jackson's own messages name Java types. */
  private static String reasonOf(JacksonException e) {
    String message = e.getOriginalMessage();
    if (message.startsWith("Duplicate Object property")) {
      return "a property appears twice in one object";
    }
    if (message.contains("Trailing token") || message.contains("FAIL_ON_TRAILING_TOKENS")) {
      return "there is more content after the JSON document; send exactly one";
    }
    if (message.contains("nesting depth")) {
      return "the document is nested too deeply";
    }
    if (message.contains("end-of-input")) {
      return "the document ends before it is complete";
    }
    return "not valid JSON (RFC 8259)";
  }

  /** The JSON Pointer of where parsing stopped, as far as the parser knows it. */
  private static String pointerOf(JacksonException e) {
    if (e instanceof StreamReadException read && read.processor() != null) {
      return read.processor().streamReadContext().pathAsPointer().toString();
    }
    StringBuilder pointer = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      pointer.append('/');
      if (reference.getPropertyName() != null) {
        pointer.append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
      } else {
        pointer.append(reference.getIndex());
      }
    }
    return pointer.toString();
  }
}
