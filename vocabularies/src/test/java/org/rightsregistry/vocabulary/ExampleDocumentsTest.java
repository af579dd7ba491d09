package org.rightsregistry.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code examples/manifest.json}: every example document is validated against its schema, and
 * an invalid one must fail with exactly the one error the manifest names.
 */
class ExampleDocumentsTest {

  private static final Path EXAMPLES = classpathDirectory("/examples");

  record Example(
      String description,
      String schema,
      String file,
      boolean valid,
      String errorAt,
      String keyword) {

    String expectedError() {
      return "'" + errorAt + "' " + keyword;
    }
  }

  @TestFactory
  Stream<DynamicTest> eachExampleValidatesAsTheManifestSays() {
    return examples().stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    example.schema() + ": " + example.description(), () -> check(example)));
  }

  @Test
  void everyExampleDocumentIsInTheManifest() throws IOException {
    List<String> listed = examples().stream().map(Example::file).sorted().toList();
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      List<String> present =
          files
              .filter(Files::isRegularFile)
              .map(file -> EXAMPLES.relativize(file).toString().replace('\\', '/'))
              .filter(file -> !file.equals("manifest.json"))
              .sorted()
              .toList();
      assertThat(present).isEqualTo(listed);
    }
  }

  @Test
  void theManifestHasValidAndInvalidExamplesOfEverySchema() {
    for (String schema : JsonSchemas.names()) {
      assertThat(examples())
          .as(schema)
          .anyMatch(example -> example.schema().equals(schema) && example.valid())
          .anyMatch(example -> example.schema().equals(schema) && !example.valid());
    }
  }

  private static void check(Example example) throws IOException {
    String document = Files.readString(EXAMPLES.resolve(example.file()));

    List<String> errors =
        ApiSchemas.validate(example.schema(), document).stream().map(ApiSchemas::describe).toList();

    if (example.valid()) {
      assertThat(errors).as(example.file()).isEmpty();
    } else {
      assertThat(errors).as(example.file()).hasSize(1);
      assertThat(errors.get(0)).as(example.file()).startsWith(example.expectedError() + ":");
    }
  }

  private static List<Example> examples() {
    try {
      String manifest = Files.readString(EXAMPLES.resolve("manifest.json"), StandardCharsets.UTF_8);
      return JsonMapper.shared()
          .readTree(manifest)
          .get("examples")
          .valueStream()
          .map(ExampleDocumentsTest::example)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Example example(JsonNode node) {
    return new Example(
        node.get("description").asString(),
        node.get("schema").asString(),
        node.get("file").asString(),
        node.get("valid").booleanValue(),
        node.path("errorAt").asString(null),
        node.path("keyword").asString(null));
  }

  static Path classpathDirectory(String name) {
    try {
      return Path.of(ExampleDocumentsTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
