package org.rightsregistry.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonSchemasTest {

  static List<String> names() {
    return JsonSchemas.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  void eachSchemaDeclaresTheIdItIsKnownBy(String name) {
    JsonNode schema = read(name);

    assertThat(schema.get("$id").asString()).isEqualTo(JsonSchemas.id(name).toString());
    assertThat(JsonSchemas.id(name).toString()).startsWith(JsonSchemas.ID_PREFIX);
    assertThat(schema.get("$schema").asString())
        .isEqualTo(SpecificationVersion.DRAFT_2020_12.getDialectId());
  }

  @ParameterizedTest
  @MethodSource("names")
  void eachSchemaIsValidAgainstTheDraft202012MetaSchema(String name) {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema metaSchema =
        registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    assertThat(metaSchema.validate(read(name).toString(), InputFormat.JSON)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyReferenceInEachSchemaPointsAtAnExistingPart(String name) {
    URI base = JsonSchemas.id(name);

    for (String ref : references(read(name))) {
      URI target = base.resolve(ref);
      String targetName = target.getPath().replaceFirst(".*/", "").replace(".schema.json", "");
      JsonNode document = read(targetName);

      assertThat(target.toString()).as(ref).startsWith(JsonSchemas.ID_PREFIX);
      assertThat(document.at(JsonPointer.compile(target.getFragment())).isMissingNode())
          .as("%s in %s", ref, name)
          .isFalse();
    }
  }

  @Test
  void shipsExactlyTheNamedSchemas() throws IOException {
    Path directory = ExampleDocumentsTest.classpathDirectory("/" + JsonSchemas.CLASSPATH_DIRECTORY);
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              JsonSchemas.names().stream().map(name -> name + ".schema.json").toList());
    }
  }

  @Test
  void refusesAnUnknownSchemaNameAndListsTheKnownOnes() {
    assertThatThrownBy(() -> JsonSchemas.open("licence"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'licence'")
        .hasMessageContaining("declaration, check-request, decision");
    assertThatThrownBy(() -> JsonSchemas.id("declaration.schema.json"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static JsonNode read(String name) {
    try (InputStream in = JsonSchemas.open(name)) {
      return JsonMapper.shared().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> references(JsonNode node) {
    List<String> found = new ArrayList<>();
    if (node.isObject()) {
      node.properties()
          .forEach(
              property -> {
                if (property.getKey().equals("$ref")) {
                  found.add(property.getValue().asString());
                } else {
                  found.addAll(references(property.getValue()));
                }
              });
    } else if (node.isArray()) {
      node.values().forEach(element -> found.addAll(references(element)));
    }
    return found;
  }
}
