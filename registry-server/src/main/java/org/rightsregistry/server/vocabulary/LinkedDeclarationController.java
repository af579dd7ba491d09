package org.rightsregistry.server.vocabulary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.rightsregistry.server.declaration.DeclarationDocuments;
import org.rightsregistry.server.declaration.DeclarationService;
import org.rightsregistry.vocabulary.UsageVocabulary;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/declarations/{id}} as linked data: the same document as the JSON answer with the
 * vocabulary's JSON-LD context inlined ({@code application/ld+json}), or that document read as RDF
 * and written as Turtle ({@code text/turtle}). Plain JSON stays with the declaration controller.
 */
@RestController
class LinkedDeclarationController {

  static final String JSON_LD = "application/ld+json";
  static final String TURTLE = "text/turtle";

  private final DeclarationService declarations;
  private final JsonNode context;

  LinkedDeclarationController(DeclarationService declarations) {
    this.declarations = declarations;
    this.context = readContext();
  }

  @GetMapping(path = "/v1/declarations/{id}", produces = JSON_LD)
  ResponseEntity<String> jsonLd(@PathVariable UUID id) {
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf(JSON_LD))
        .body(document(id).toString());
  }

  @GetMapping(path = "/v1/declarations/{id}", produces = TURTLE)
  ResponseEntity<String> turtle(@PathVariable UUID id) {
    Model rdf = RDFParser.fromString(document(id).toString(), Lang.JSONLD).toModel();
    rdf.setNsPrefix("rrv", org.rightsregistry.vocabulary.RightsRegistryVocab.NS);
    rdf.setNsPrefix("usage", org.rightsregistry.vocabulary.RightsRegistryVocab.Usage.NS);
    rdf.setNsPrefix("effect", org.rightsregistry.vocabulary.RightsRegistryVocab.Effect.NS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, rdf, Lang.TURTLE);
    return ResponseEntity.ok().contentType(MediaType.valueOf(TURTLE)).body(out.toString());
  }

  private ObjectNode document(UUID id) {
    ObjectNode document = JsonMapper.shared().createObjectNode();
    document.set("@context", context);
    document.setAll(DeclarationDocuments.write(declarations.find(id)));
    return document;
  }

  private static JsonNode readContext() {
    try (InputStream in = UsageVocabulary.openResource(UsageVocabulary.CONTEXT_RESOURCE)) {
      return JsonMapper.shared().readTree(in).get("@context");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the JSON-LD context", e);
    }
  }
}
