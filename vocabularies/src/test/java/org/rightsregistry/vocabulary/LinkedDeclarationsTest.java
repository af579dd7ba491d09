package org.rightsregistry.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rightsregistry.vocabulary.RightsRegistryVocab.Properties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * With {@code vocab/context.jsonld} every declaration document is RDF that conforms to the shapes,
 * and reading the RDF back gives the same document.
 */
class LinkedDeclarationsTest {

  private static final JsonMapper json = JsonMapper.shared();
  private static final UsageVocabulary VOCABULARY = UsageVocabulary.loadDefault();

  @TestFactory
  Stream<DynamicTest> eachValidDeclarationSurvivesJsonToRdfToJson() throws IOException {
    return declarations()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      JsonNode document = json.readTree(file.toFile());

                      Model rdf = toRdf(document);

                      assertThat(VOCABULARY.validate(rdf)).as(file.toString()).isEmpty();
                      assertThat(json.readTree(toJson(rdf).toString()))
                          .as(file.toString())
                          .isEqualTo(document);
                    }));
  }

  @Test
  void aDeclarationWithoutUsagesBreaksTheDeclarationShape() throws IOException {
    ObjectNode document = (ObjectNode) json.readTree(example("photographer-reserves-ai-training"));
    document.remove("usages");

    assertThat(VOCABULARY.validate(toRdf(document)))
        .anyMatch(
            problem ->
                problem.contains("breaks rule 'declaration'")
                    && problem.contains("at least one usage category"));
  }

  @Test
  void aSubjectWithoutItsValueBreaksTheDeclarationShape() throws IOException {
    ObjectNode document = (ObjectNode) json.readTree(example("photographer-reserves-ai-training"));
    ((ObjectNode) document.get("subjects").get(0)).remove("value");

    assertThat(VOCABULARY.validate(toRdf(document)))
        .anyMatch(
            problem ->
                problem.contains("breaks rule 'declaration'")
                    && problem.contains("each a valid subject"));
  }

  @Test
  void aSubjectOnAllWorksWithoutItsPartyBreaksTheDeclarationShape() throws IOException {
    ObjectNode document =
        (ObjectNode) json.readTree(example("photographer-reserves-all-her-works"));
    ((ObjectNode) document.get("subjects").get(0)).remove("party");

    assertThat(VOCABULARY.validate(toRdf(document)))
        .anyMatch(
            problem ->
                problem.contains("breaks rule 'declaration'")
                    && problem.contains("each a valid subject"));
  }

  @Test
  void theContextNamesEveryCategoryAndEffectOfTheVocabulary() throws IOException {
    UsageVocabulary vocabulary = UsageVocabulary.loadDefault();
    JsonNode context = context();
    Set<String> expected = new TreeSet<>(vocabulary.categoryIds());
    expected.addAll(vocabulary.effectIds());

    Set<String> named = new TreeSet<>();
    context
        .propertyNames()
        .forEach(
            term -> {
              String id =
                  context.get(term).isString()
                      ? context.get(term).asString()
                      : context.get(term).path("@id").asString("");
              if (id.startsWith("usage:") || id.startsWith("effect:")) {
                named.add(term);
                assertThat(id).as(term).endsWith(":" + term);
              }
            });

    assertThat(named).isEqualTo(expected);
  }

  static Model toRdf(JsonNode document) throws IOException {
    ObjectNode withContext = ((ObjectNode) document).deepCopy();
    withContext.set("@context", context());
    return RDFParser.fromString(withContext.toString(), Lang.JSONLD).toModel();
  }

  private static JsonNode context() throws IOException {
    try (InputStream in = UsageVocabulary.openResource(UsageVocabulary.CONTEXT_RESOURCE)) {
      return json.readTree(in).get("@context");
    }
  }

  /** Reads a declaration back from its RDF form, the inverse of the context. */
  static ObjectNode toJson(Model rdf) {
    Resource declaration = rdf.listSubjectsWithProperty(Properties.DECLARANT).next();
    ObjectNode node = json.createObjectNode();
    putText(node, "id", declaration, Properties.DECLARATION_ID);
    if (declaration.hasProperty(Properties.SEQUENCE)) {
      node.put("sequence", declaration.getProperty(Properties.SEQUENCE).getLong());
    }
    putText(node, "recordedAt", declaration, Properties.RECORDED_AT);
    putText(node, "status", declaration, Properties.STATUS);
    node.set("declarant", party(declaration.getPropertyResourceValue(Properties.DECLARANT)));
    if (declaration.hasProperty(Properties.RIGHTS_HOLDER)) {
      node.set(
          "rightsHolder", party(declaration.getPropertyResourceValue(Properties.RIGHTS_HOLDER)));
    }
    ArrayNode subjects = node.putArray("subjects");
    for (RDFNode subject :
        declaration.getPropertyResourceValue(Properties.SUBJECTS).as(RDFList.class).asJavaList()) {
      subjects.add(subject(subject.asResource()));
    }
    ObjectNode usages = node.putObject("usages");
    for (Statement statement : declaration.listProperties().toList()) {
      String predicate = statement.getPredicate().getURI();
      if (predicate.startsWith(RightsRegistryVocab.Usage.NS)) {
        usages.put(
            predicate.substring(RightsRegistryVocab.Usage.NS.length()),
            statement.getResource().getURI().substring(RightsRegistryVocab.Effect.NS.length()));
      }
    }
    if (declaration.hasProperty(Properties.RIGHTS_STATEMENT)) {
      node.put(
          "rightsStatement",
          declaration.getPropertyResourceValue(Properties.RIGHTS_STATEMENT).getURI());
    }
    putText(node, "validFrom", declaration, Properties.VALID_FROM);
    putText(node, "validUntil", declaration, Properties.VALID_UNTIL);
    putText(node, "supersedes", declaration, Properties.SUPERSEDES);
    putText(node, "note", declaration, Properties.NOTE);
    if (declaration.hasProperty(Properties.REVOCATION)) {
      Resource revocation = declaration.getPropertyResourceValue(Properties.REVOCATION);
      ObjectNode revoked = node.putObject("revocation");
      revoked.put("sequence", revocation.getProperty(Properties.SEQUENCE).getLong());
      putText(revoked, "recordedAt", revocation, Properties.RECORDED_AT);
      putText(revoked, "reason", revocation, Properties.REASON);
    }
    putText(node, "supersededBy", declaration, Properties.SUPERSEDED_BY);
    return node;
  }

  private static ObjectNode party(Resource party) {
    ObjectNode node = json.createObjectNode();
    putText(node, "id", party, Properties.PARTY_ID);
    putText(node, "name", party, Properties.PARTY_NAME);
    return node;
  }

  private static ObjectNode subject(Resource subject) {
    ObjectNode node = json.createObjectNode();
    putText(node, "type", subject, Properties.SUBJECT_TYPE);
    putText(node, "value", subject, Properties.SUBJECT_VALUE);
    putText(node, "institution", subject, Properties.INSTITUTION);
    putText(node, "number", subject, Properties.ACCESSION_NUMBER);
    putText(node, "party", subject, Properties.WORKS_OF);
    return node;
  }

  private static void putText(
      ObjectNode node,
      String field,
      Resource subject,
      org.apache.jena.rdf.model.Property property) {
    Statement statement = subject.getProperty(property);
    if (statement != null) {
      node.put(field, statement.getLiteral().getLexicalForm());
    }
  }

  private static Stream<Path> declarations() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> valid =
        Files.list(ExampleDocumentsTest.classpathDirectory("/examples/declaration/valid"))) {
      valid.sorted().forEach(files::add);
    }
    try (Stream<Path> stored =
        Files.list(ExampleDocumentsTest.classpathDirectory("/linked-data"))) {
      stored.sorted().forEach(files::add);
    }
    return files.stream();
  }

  private static Path example(String name) {
    return ExampleDocumentsTest.classpathDirectory("/examples/declaration/valid/" + name + ".json");
  }
}
