package org.rightsregistry.server.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestDomains;
import org.rightsregistry.server.TestParties;
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

  @Autowired TestDomains web;

  /** Tate proves control of tate.org.uk with an HTTP challenge served by a local server. */
  private void tateProvesItsDomain() {
    TestParties.register(port, "tate", "institution");
    RegistryHttp tate = new RegistryHttp(port).as(TestParties.issue(port, "tate", "administer"));
    JsonNode challenge =
        tate.postJson(
                "/v1/parties/tate/domain-challenges",
                "{\"domain\": \"tate.org.uk\", \"method\": \"http\"}")
            .json();
    String value = challenge.get("value").asString();
    web.serve("tate.org.uk", "/.well-known/rights-registry-challenge/" + value, value);

    RegistryHttp.Response verified = tate.postJson(challenge.get("verification").asString(), "");

    assertThat(verified.status()).as(verified.body()).isEqualTo(200);
  }

  @Test
  void importsTheWholeCollectionOnceAsADomainVerifiedTateAndAnswersForRealImageUrls() {
    tateProvesItsDomain();
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
    JsonNode evidence = decisions.get(0).get("evidence").get(0);
    assertThat(evidence.get("declarant").get("id").asString()).isEqualTo("tate");
    assertThat(evidence.get("trustLevel").asString()).isEqualTo("domain-verified");
    assertThat(decisions.get(3).get("evidence").get(0).get("trustLevel").asString())
        .isEqualTo("domain-verified");
    assertThat(decisions.get(0).get("evidence").get(0).get("rightsHolder").get("id").asString())
        .isEqualTo("dacs");
    assertThat(decisions.get(1).get("verdict").asString()).isEqualTo("LICENCE_REQUIRED");
    assertThat(decisions.get(2).get("verdict").asString()).isEqualTo("ALLOW");
    assertThat(decisions.get(3).get("verdict").asString()).isEqualTo("DENY");
  }
}
