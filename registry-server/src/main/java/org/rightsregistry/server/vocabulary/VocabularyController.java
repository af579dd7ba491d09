package org.rightsregistry.server.vocabulary;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.rightsregistry.server.NotFoundException;
import org.rightsregistry.vocabulary.RightsRegistryVocab;
import org.rightsregistry.vocabulary.RightsRegistryVocab.Properties;
import org.rightsregistry.vocabulary.UsageVocabulary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the vocabulary at the paths of its IRIs ({@code https://w3id.org/rights-registry/vocab/…}
 * redirects to {@code /vocab/…}): Turtle, JSON-LD, RDF/XML, N-Triples or an HTML page, chosen by
 * the Accept header. A term's IRI answers with the term's own description and, for a category, the
 * mappings to it; a person asking for HTML is sent to the term's place on the page.
 */
@RestController
class VocabularyController {

  static final String CONTEXT_PATH = "/vocab/context.jsonld";

  private final UsageVocabulary vocabulary;
  private final Model model;
  private final byte[] page;
  private final byte[] context;

  VocabularyController(UsageVocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.model = vocabulary.model();
    this.page = VocabularyPage.render(vocabulary).getBytes(StandardCharsets.UTF_8);
    this.context = readContext();
  }

  @GetMapping({
    "/vocab",
    "/vocab/{term}",
    "/vocab/{group}/{term}",
    "/vocab/{group}/{standard}/{term}",
    "/vocab/{group}/{standard}/{token}/{category}"
  })
  ResponseEntity<byte[]> get(
      HttpServletRequest request,
      @RequestHeader(value = "Accept", required = false) String accept) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(CONTEXT_PATH)) {
      return ResponseEntity.ok().contentType(RdfFormat.JSON_LD.mediaType).body(context);
    }
    String local = path.equals("/vocab") ? "" : path.substring("/vocab/".length());
    RdfFormat format =
        RdfFormat.negotiate(accept)
            .orElseThrow(() -> new NotAcceptableException(RdfFormat.names()));

    if (format == RdfFormat.HTML) {
      return local.isEmpty() ? html() : seeOnPage(local);
    }
    Model description = local.isEmpty() ? model : describe(RightsRegistryVocab.NS + local);
    return ResponseEntity.ok().contentType(format.mediaType).body(write(description, format));
  }

  private ResponseEntity<byte[]> html() {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(page);
  }

  private ResponseEntity<byte[]> seeOnPage(String local) {
    describe(RightsRegistryVocab.NS + local);
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create("/vocab#" + local))
        .build();
  }

  /** The term's statements (with its blank nodes) and the mappings that point at it. */
  private Model describe(String iri) {
    Resource term = model.getResource(iri);
    if (!model.contains(term, null)) {
      throw new NotFoundException(
          "The vocabulary has no term <"
              + iri
              + ">; GET /vocab lists every term, its definition and its mappings");
    }
    Model description = ModelFactory.createDefaultModel();
    description.setNsPrefixes(model.getNsPrefixMap());
    addClosure(description, term);
    for (Resource mapping : model.listSubjectsWithProperty(Properties.CATEGORY, term).toList()) {
      addClosure(description, mapping);
    }
    return description;
  }

  private void addClosure(Model target, Resource subject) {
    for (Statement statement : model.listStatements(subject, null, (Resource) null).toList()) {
      target.add(statement);
      if (statement.getObject().isAnon()) {
        addClosure(target, statement.getResource());
      }
    }
  }

  private static byte[] write(Model description, RdfFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, description, format.lang);
    return out.toByteArray();
  }

  private static byte[] readContext() {
    try (InputStream in = UsageVocabulary.openResource(UsageVocabulary.CONTEXT_RESOURCE)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the JSON-LD context", e);
    }
  }
}
