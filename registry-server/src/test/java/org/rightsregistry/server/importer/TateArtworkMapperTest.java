package org.rightsregistry.server.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.Usage;
import org.rightsregistry.server.declaration.NewDeclaration;
import org.rightsregistry.server.importer.TateArtworkMapper.Mapped;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The mapping file applied to Tate's own sample objects, one per rights case. */
class TateArtworkMapperTest {

  static final Path TATE =
      Path.of(System.getProperty("rightsregistry.shared-data", "../../shared/data"))
          .resolve("real/museum-collections/tate");
  private static final String INC = "http://rightsstatements.org/vocab/InC/1.0/";

  static TateArtworkMapper mapper;

  @BeforeAll
  static void readMapping() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("import/tate-mapping.yaml"))) {
      mapper =
          new TateArtworkMapper(
              TateMapping.read(in), ArtistDeathYears.read(TATE.resolve("artist_data.csv")), 2026);
    }
  }

  private static Mapped map(String sample) throws IOException {
    JsonNode artwork =
        JsonMapper.builder()
            .build()
            .readTree(TATE.resolve("sample-objects").resolve(sample + ".json").toFile());
    return mapper.map(artwork);
  }

  @Test
  void thirdPartyCopyrightReservesAiTrainingForTheNamedHolder() throws IOException {
    Mapped mapped = map("ar00086-93050");

    assertThat(mapped.declarations()).hasSize(1);
    NewDeclaration declaration = mapped.declarations().get(0);
    assertThat(declaration.declarant()).isEqualTo(new Party("tate", "Tate"));
    assertThat(declaration.rightsHolder()).isEqualTo(new Party("dacs", "DACS"));
    assertThat(declaration.usages()).isEqualTo(Map.of(Usage.AI_TRAINING, Effect.RESERVED));
    assertThat(declaration.rightsStatement()).isEqualTo(INC);
    assertThat(declaration.subjects())
        .contains(
            new Selector(
                SelectorType.URL, "http://www.tate.org.uk/art/images/work/AR/AR00086_8.jpg", null),
            new Selector(
                SelectorType.URL,
                "http://www.tate.org.uk/art/images/work/AR/AR00086_294232_10.jpg",
                null),
            new Selector(SelectorType.ACCESSION, "AR00086", "tate"));
    assertThat(declaration.subjects()).hasSize(1 + 8 + 1);
  }

  @Test
  void holderNameIsTakenFromTheCopyrightLine() throws IOException {
    assertThat(map("n05208-9660").declarations().get(0).rightsHolder())
        .isEqualTo(new Party("the-henry-moore-foundation", "The Henry Moore Foundation"));
    assertThat(map("ar00001-98171").declarations().get(0).rightsHolder())
        .isEqualTo(new Party("alex-katz", "Alex Katz"));
  }

  @Test
  void tateCopyrightNeedsALicenceFromTate() throws IOException {
    NewDeclaration declaration = map("a01029-550").declarations().get(0);

    assertThat(declaration.rightsHolder()).isNull();
    assertThat(declaration.usages())
        .isEqualTo(Map.of(Usage.TEXT_AND_DATA_MINING, Effect.LICENCE_REQUIRED));
    assertThat(declaration.rightsStatement()).isEqualTo(INC);
  }

  @Test
  void artistDeadForOverSeventyYearsWithoutCopyrightLineHasNoKnownRestrictions()
      throws IOException {
    for (String sample : new String[] {"d00001-27417", "n00079-12387"}) {
      NewDeclaration declaration = map(sample).declarations().get(0);
      assertThat(declaration.rightsStatement())
          .isEqualTo("http://rightsstatements.org/vocab/NKC/1.0/");
      assertThat(declaration.usages())
          .isEqualTo(Map.of(Usage.TEXT_AND_DATA_MINING, Effect.ALLOWED));
    }
  }

  @Test
  void imageSizesNotClearedAreReserved() throws IOException {
    Mapped mapped = map("n02267-5863");

    assertThat(mapped.declarations()).hasSize(1);
    assertThat(mapped.declarations().get(0).usages())
        .isEqualTo(Map.of(Usage.TEXT_AND_DATA_MINING, Effect.RESERVED));
    assertThat(mapped.declarations().get(0).subjects()).hasSize(4);
  }

  @Test
  void artworkWithoutImagesGetsNoDeclaration() throws IOException {
    Mapped mapped = map("a00030-1064");

    assertThat(mapped.declarations()).isEmpty();
    assertThat(mapped.images()).isZero();
  }

  @Test
  void livingArtistWithoutCopyrightLineIsLeftUnknown() {
    JsonNode artwork =
        JsonMapper.builder()
            .build()
            .readTree(
                """
        {"acno": "T99999", "thumbnailUrl": "http://www.tate.org.uk/art/images/work/T/T99999_8.jpg",
         "thumbnailCopyright": null, "contributors": [{"id": 1386, "role": "artist"}]}""");

    Mapped mapped = mapper.map(artwork);

    assertThat(mapped.declarations()).isEmpty();
    assertThat(mapped.unmatched()).isEqualTo(1);
  }

  @Test
  void brokenMappingFileIsRefusedNamingTheKey() {
    String broken =
        """
        steward: {id: tate, name: Tate}
        image-base-url: http://www.tate.org.uk/art/images/work/
        holder-pattern: '^©\\s*(?<holder>.+)$'
        rules:
          - name: typo
            when: {cleared: false}
            usages: {ai-trainng: reserved}
        """;

    assertThatThrownBy(
            () ->
                TateMapping.read(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("rules[0].usages")
        .hasMessageContaining("ai-trainng");
  }

  @Test
  void slugsAreStablePartyIds() {
    assertThat(TateArtworkMapper.slug("ADAGP, Paris and DACS, London"))
        .isEqualTo("adagp-paris-and-dacs-london");
    assertThat(TateArtworkMapper.slug("Fundación / Galería Ejemplo"))
        .isEqualTo("fundacion-galeria-ejemplo");
  }
}
