package org.rightsregistry.server.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.vocabulary.RightsRegistryVocab;
import org.rightsregistry.vocabulary.UsageVocabulary;
import org.springframework.beans.factory.annotation.Value;

/** The vocabulary is served at its IRIs' paths in every format the Accept header asks for. */
@RegistryTest
class VocabularyApiTest {

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Value("${local.server.port}")
  int port;

  static List<Lang> rdfFormats() {
    return List.of(Lang.TURTLE, Lang.JSONLD, Lang.RDFXML, Lang.NTRIPLES);
  }

  @ParameterizedTest
  @MethodSource("rdfFormats")
  void servesTheWholeVocabularyInEachRdfFormat(Lang lang) throws Exception {
    HttpResponse<String> response = get("/vocab", lang.getContentType().getContentTypeStr());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith(lang.getContentType().getContentTypeStr());
    assertThat(parse(response.body(), lang).isIsomorphicWith(UsageVocabulary.loadDefault().model()))
        .isTrue();
  }

  @Test
  void servesACategoryAtItsIriPathWithTheMappingsToIt() throws Exception {
    HttpResponse<String> response = get("/vocab/usage/ai-training", "text/turtle");
    Model term = parse(response.body(), Lang.TURTLE);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(term.contains(RightsRegistryVocab.Usage.AI_TRAINING, null)).isTrue();
    assertThat(
            term.listSubjectsWithProperty(
                    RightsRegistryVocab.Properties.CATEGORY, RightsRegistryVocab.Usage.AI_TRAINING)
                .toList())
        .isNotEmpty();
  }

  @Test
  void servesAMappingAtItsIriPath() throws Exception {
    HttpResponse<String> response =
        get("/vocab/mapping/aipref-vocab/train-ai/generative-ai-training", "application/n-triples");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"train-ai\"");
  }

  @Test
  void servesTurtleToAClientThatAcceptsAnything() throws Exception {
    HttpResponse<String> response = get("/vocab", "*/*");

    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
  }

  @Test
  void servesABrowserAPageWithEveryTermItsDefinitionAndItsMappings() throws Exception {
    HttpResponse<String> response =
        get("/vocab", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    UsageVocabulary vocabulary = UsageVocabulary.loadDefault();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    for (String id : vocabulary.categoryIds()) {
      assertThat(response.body())
          .contains("id=\"usage/" + id + "\"")
          .contains(VocabularyPage.esc(vocabulary.definition(id)));
    }
    assertThat(response.body())
        .contains("Google-Extended", "DMI-PROHIBITED-AIMLTRAINING", "InC-NC");
  }

  @Test
  void sendsABrowserAskingForATermToItsPlaceOnThePage() throws Exception {
    HttpResponse<String> response = get("/vocab/usage/ai-inference", "text/html");

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).contains("/vocab#usage/ai-inference");
  }

  @Test
  void servesTheJsonLdContext() throws Exception {
    HttpResponse<String> response = get("/vocab/context.jsonld", "application/ld+json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"usages\": \"@nest\"");
  }

  @Test
  void answersNotFoundForATermTheVocabularyDoesNotHave() throws Exception {
    HttpResponse<String> response = get("/vocab/usage/mind-reading", "application/n-triples");

    assertThat(response.statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path, String accept)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static Model parse(String body, Lang lang) {
    Model model = ModelFactory.createDefaultModel();
    RDFParser.fromString(body, lang).parse(model);
    return model;
  }
}
