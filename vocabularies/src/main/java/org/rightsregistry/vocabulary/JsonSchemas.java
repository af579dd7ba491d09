package org.rightsregistry.vocabulary;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The JSON Schemas (draft 2020-12) of the API v1 documents, shipped on the classpath as {@value
 * #CLASSPATH_DIRECTORY}{@code <name>.schema.json}. Each schema's {@code $id} is {@value
 * #ID_PREFIX}{@code <name>.schema.json}, and the schemas refer to each other by relative {@code
 * $ref}; a validator resolves those by mapping {@link #ID_PREFIX} to {@link #CLASSPATH_DIRECTORY}.
 */
public final class JsonSchemas {

  /** A declaration: the body of {@code POST /v1/declarations}, or one line of a batch. */
  public static final String DECLARATION = "declaration";

  /** A check request: the body of {@code POST /v1/checks}. */
  public static final String CHECK_REQUEST = "check-request";

  /** A check response: one decision per item of the request. */
  public static final String DECISION = "decision";

  /** What every schema's {@code $id} starts with; the rest is the schema's file name. */
  public static final String ID_PREFIX = "https://w3id.org/rights-registry/schemas/v1/";

  /** Where the schema files are on the classpath, without a leading slash. */
  public static final String CLASSPATH_DIRECTORY = "schemas/";

  private static final List<String> NAMES = List.of(DECLARATION, CHECK_REQUEST, DECISION);
  private static final String SUFFIX = ".schema.json";

  private JsonSchemas() {}

  /** The names of all schemas, each also a constant of this class. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * Opens the schema of this name for reading; the caller closes the stream.
   *
   * @throws IllegalArgumentException when no schema has this name
   * @throws IllegalStateException when the schema is missing from the classpath
   */
  public static InputStream open(String name) {
    String path = "/" + CLASSPATH_DIRECTORY + fileName(name);
    InputStream in = JsonSchemas.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(
          "The JSON Schema '"
              + name
              + "' is missing from the"
              + " classpath at "
              + path
              + "; the vocabularies jar is incomplete");
    }
    return in;
  }

  /**
   * The {@code $id} of the schema of this name.
   *
   * @throws IllegalArgumentException when no schema has this name
   */
  public static URI id(String name) {
    return URI.create(ID_PREFIX + fileName(name));
  }

  private static String fileName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "No JSON Schema is named '" + name + "'; known names: " + NAMES);
    }
    return name + SUFFIX;
  }
}
