package org.rightsregistry.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The light JSON form of the mappings and the documentation's mapping table are generated from the
 * Turtle; the committed copies must equal what the Turtle generates now. To refresh them after
 * editing the Turtle, run {@code ./mvnw -pl vocabularies test -Dregenerate=true}.
 */
class GeneratedFilesTest {

  private static final Path LIGHT_MAPPINGS =
      Path.of("src/main/resources/" + UsageVocabulary.LIGHT_MAPPINGS_RESOURCE);
  private static final Path MAPPING_TABLE = Path.of("MAPPINGS.md");

  private final UsageVocabulary vocabulary = UsageVocabulary.loadDefault();

  @Test
  void theLightMappingsEqualWhatTheTurtleGenerates() throws IOException {
    assertUpToDate(LIGHT_MAPPINGS, GeneratedFiles.lightMappings(vocabulary));
  }

  @Test
  void theMappingTableEqualsWhatTheTurtleGenerates() throws IOException {
    assertUpToDate(MAPPING_TABLE, GeneratedFiles.mappingTable(vocabulary));
  }

  private static void assertUpToDate(Path file, String generated) throws IOException {
    if (Boolean.getBoolean("regenerate")) {
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertThat(committed)
        .as(
            "%s is generated from the Turtle; run ./mvnw -pl vocabularies test -Dregenerate=true"
                + " and commit the result",
            file)
        .isEqualTo(generated);
  }
}
