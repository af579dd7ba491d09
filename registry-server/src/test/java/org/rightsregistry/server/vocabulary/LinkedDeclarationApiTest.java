package org.rightsregistry.server.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestDeclarations;
import org.rightsregistry.server.TestParties;
import org.rightsregistry.vocabulary.RightsRegistryVocab;
import org.rightsregistry.vocabulary.UsageVocabulary;
import org.springframework.beans.factory.annotation.Value;

/** A stored declaration is also served as JSON-LD and Turtle that conform to the shapes. */
@RegistryTest
class LinkedDeclarationApiTest {

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Value("${local.server.port}")
  int port;

  @Test
  void servesADeclarationAsJsonLdAndTurtleThatConformToTheShapes() throws Exception {
    String id = create();
    UsageVocabulary vocabulary = UsageVocabulary.loadDefault();

    for (Lang lang : new Lang[] {Lang.JSONLD, Lang.TURTLE}) {
      HttpResponse<String> response = get(id, lang.getContentType().getContentTypeStr());
      Model rdf = RDFParser.fromString(response.body(), lang).toModel();

      assertThat(response.statusCode()).as(lang.getLabel()).isEqualTo(200);
      assertThat(vocabulary.validate(rdf)).as(lang.getLabel()).isEmpty();
      assertThat(
              rdf.contains(
                  null,
                  rdf.createProperty(RightsRegistryVocab.Usage.AI_TRAINING.getURI()),
                  RightsRegistryVocab.Effect.RESERVED))
          .as(lang.getLabel())
          .isTrue();
    }
  }

  @Test
  void stillServesPlainJsonByDefault() throws Exception {
    HttpResponse<String> response = get(create(), "*/*");

    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
  }

  private String create() {
    RegistryHttp registry =
        new RegistryHttp(port).as(TestParties.token(port, "example-photographer"));
    return registry
        .postJson("/v1/declarations", TestDeclarations.declaration(TestDeclarations.uniqueUrl()))
        .json()
        .get("id")
        .asString();
  }

  private HttpResponse<String> get(String id, String accept) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/declarations/" + id))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
