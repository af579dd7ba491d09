package org.rightsregistry.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.rightsregistry.server.NotFoundException;
import org.rightsregistry.vocabulary.JsonSchemas;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the JSON Schemas the server validates with, at the paths of their ids, so that the OpenAPI
 * document's references resolve against the registry itself.
 */
@RestController
class SchemaController {

  private static final String SUFFIX = ".schema.json";
  private static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

  @GetMapping("/schemas/v1/{name}")
  ResponseEntity<byte[]> schema(@PathVariable String name) {
    String schema = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : "";
    if (!JsonSchemas.names().contains(schema)) {
      throw new NotFoundException(
          "There is no schema " + name + "; the schemas are " + JsonSchemas.names());
    }
    try (InputStream in = JsonSchemas.open(schema)) {
      return ResponseEntity.ok().contentType(SCHEMA_JSON).body(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the schema " + name, e);
    }
  }
}
