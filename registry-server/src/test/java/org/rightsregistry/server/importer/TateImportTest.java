package org.rightsregistry.server.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.importer.TateCollectionImporter.ImportSummary;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** The whole real Tate export, imported through the mapping file into PostgreSQL. */
@RegistryTest
class TateImportTest {

  @Value("${local.server.port}")
  int port;

  @Autowired TateCollectionImporter importer;

  @Autowired DeclarationStore store;

  @Test
  void importsTheWholeCollectionOnceAndAnswersForRealImageUrls() {
    long before = store.headSequence();

    ImportSummary first =
        importer.importOnce(TateArtworkMapperTest.TATE, Path.of("import/tate-mapping.yaml"));
    ImportSummary second =
        importer.importOnce(TateArtworkMapperTest.TATE, Path.of("import/tate-mapping.yaml"));

    assertThat(first.reused()).isFalse();
    assertThat(first.artworks()).isEqualTo(69_202);
    assertThat(first.declarations()).isGreaterThan(50_000);
    assertThat(first.lastSequence() - first.firstSequence() + 1).isEqualTo(first.declarations());
    assertThat(store.headSequence()).isEqualTo(before + first.declarations());
    assertThat(second.reused()).isTrue();
    assertThat(second.declarations()).isEqualTo(first.declarations());
    assertThat(store.headSequence()).isEqualTo(before + first.declarations());

    JsonNode decisions =
        new RegistryHttp(port)
            .postJson(
                "/v1/checks",
                """
        {"usage": "generative-ai-training", "items": [
          {"url": "http://www.tate.org.uk/art/images/work/AR/AR00086_8.jpg"},
          {"url": "http://www.tate.org.uk/art/images/work/A/A01/A01029_8.jpg"},
          {"url": "http://www.tate.org.uk/art/images/work/D/D00/D00001_8.jpg"},
          {"accession": {"institution": "tate", "number": "N05208"}}]}
        """)
            .json()
            .get("decisions");
    assertThat(decisions.get(0).get("verdict").asString()).isEqualTo("DENY");
    assertThat(decisions.get(0).get("evidence").get(0).get("rightsHolder").get("id").asString())
        .isEqualTo("dacs");
    assertThat(decisions.get(1).get("verdict").asString()).isEqualTo("LICENCE_REQUIRED");
    assertThat(decisions.get(2).get("verdict").asString()).isEqualTo("ALLOW");
    assertThat(decisions.get(3).get("verdict").asString()).isEqualTo("DENY");
  }
}
