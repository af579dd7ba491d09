package org.rightsregistry.client.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Evidence;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class DecisionDocumentsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The decision of the check response in docs/wire-format.md, with its placeholders filled. */
  private static final String WIRE_FORMAT_EXAMPLE =
      """
      {
        "item": {"url": "http://www.tate.org.uk/art/images/work/AR/AR00086_8.jpg"},
        "usage": "generative-ai-training",
        "verdict": "DENY",
        "rule": "reservation",
        "explanation": "DACS reserved ai-training for this item (declaration d-1, exact URL).",
        "conflict": false,
        "registrySequence": 69210,
        "categories": {"ai-training": "reserved"},
        "evidence": [
          {"source": "registry", "declarationId": "d-1", "sequence": 12,
           "recordedAt": "2026-03-01T10:15:30Z", "declarant": {"id": "tate", "name": "Tate"},
           "rightsHolder": {"id": "dacs", "name": "DACS"},
           "matched": {"type": "url",
                       "value": "http://www.tate.org.uk/art/images/work/AR/AR00086_8.jpg"},
           "category": "ai-training", "effect": "reserved",
           "rightsStatement": "http://rightsstatements.org/vocab/InC/1.0/",
           "trustLevel": "domain-verified",
           "decisive": true}
        ]
      }
      """;

  private static final String TATE_IMAGE =
      "http://www.tate.org.uk/art/images/work/AR/AR00086_8.jpg";

  private static Decision wireFormatExample() {
    Evidence evidence =
        new Evidence(
            "registry",
            "d-1",
            12,
            Instant.parse("2026-03-01T10:15:30Z"),
            new Party("tate", "Tate"),
            new Party("dacs", "DACS"),
            Selector.url(TATE_IMAGE),
            Usage.AI_TRAINING,
            Effect.RESERVED,
            "http://rightsstatements.org/vocab/InC/1.0/",
            TrustLevel.DOMAIN_VERIFIED,
            true);
    return new Decision(
        Item.url(TATE_IMAGE),
        Usage.GENERATIVE_AI_TRAINING,
        Verdict.DENY,
        "reservation",
        "DACS reserved ai-training for this item (declaration d-1, exact URL).",
        false,
        OptionalLong.of(69210),
        Map.of(Usage.AI_TRAINING, Effect.RESERVED),
        List.of(evidence));
  }

  @Test
  void toJson_writesTheShapeOfTheWireFormat() {
    String written = JSON.writeValueAsString(DecisionDocuments.toJson(wireFormatExample()));

    assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(WIRE_FORMAT_EXAMPLE));
  }

  @Test
  void fromJson_readsTheShapeOfTheWireFormat() {
    assertThat(DecisionDocuments.fromJson(JSON.readTree(WIRE_FORMAT_EXAMPLE)))
        .isEqualTo(wireFormatExample());
  }

  static Stream<Decision> decisions() {
    Evidence sparse =
        new Evidence(
            "registry",
            "d-2",
            3,
            Instant.parse("2026-01-02T00:00:00Z"),
            new Party("photographer", null),
            null,
            Selector.accession("tate", "N00079"),
            Usage.TEXT_AND_DATA_MINING,
            Effect.LICENCE_REQUIRED,
            null,
            null,
            false);
    return Stream.of(
        wireFormatExample(),
        new Decision(
            new Item(
                "https://example.org/a.jpg",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                null),
            Usage.AI_INFERENCE,
            Verdict.LICENCE_REQUIRED,
            "licence-required",
            "Some sentence.",
            false,
            OptionalLong.of(0),
            Map.of(Usage.TEXT_AND_DATA_MINING, Effect.LICENCE_REQUIRED),
            List.of(sparse)),
        new Decision(
            Item.accession("tate", "N00079"),
            Usage.SEARCH_INDEXING,
            Verdict.DENY,
            "registry-unreachable",
            "The registry could not be checked.",
            false,
            OptionalLong.empty(),
            Map.of(),
            List.of()),
        new Decision(
            Item.sha256("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"),
            Usage.AI_TRAINING,
            Verdict.ALLOW,
            "allowed",
            "Allowed.",
            true,
            OptionalLong.of(5),
            Map.of(Usage.AI_TRAINING, Effect.ALLOWED, Usage.TEXT_AND_DATA_MINING, Effect.RESERVED),
            List.of(sparse, wireFormatExample().evidence().get(0))),
        new Decision(
            Item.url("https://example.org/a.jpg"),
            Usage.AI_TRAINING,
            Verdict.DENY,
            "reservation",
            "Reserved.",
            false,
            OptionalLong.of(7),
            Map.of(Usage.AI_TRAINING, Effect.RESERVED),
            List.of(
                new Evidence(
                    "registry",
                    "d-3",
                    6,
                    Instant.parse("2026-01-03T00:00:00Z"),
                    new Party("photographer", null),
                    null,
                    Selector.partyWorks("photographer"),
                    Usage.AI_TRAINING,
                    Effect.RESERVED,
                    null,
                    TrustLevel.SELF_ASSERTED,
                    true))));
  }

  @Test
  void toJson_writesAllWorksOfAPartyWithThePartyField() {
    JsonNode json = DecisionDocuments.toJson(decisions().reduce((a, b) -> b).orElseThrow());

    assertThat(json.get("evidence").get(0).get("matched"))
        .isEqualTo(
            JSON.readTree(
                """
            {"type": "party-works", "party": "photographer"}"""));
  }

  @ParameterizedTest
  @MethodSource("decisions")
  void decision_survivesARoundTripThroughJsonText(Decision decision) {
    String text = JSON.writeValueAsString(DecisionDocuments.toJson(decision));

    assertThat(DecisionDocuments.fromJson(JSON.readTree(text))).isEqualTo(decision);
  }

  @ParameterizedTest
  @MethodSource("decisions")
  void toJson_neverWritesNull(Decision decision) {
    assertThat(JSON.writeValueAsString(DecisionDocuments.toJson(decision))).doesNotContain("null");
  }

  @Test
  void toJson_omitsAbsentOptionalValues() {
    JsonNode json = DecisionDocuments.toJson(decisions().skip(1).findFirst().orElseThrow());

    assertThat(json.get("evidence").get(0).has("rightsHolder")).isFalse();
    assertThat(json.get("evidence").get(0).has("rightsStatement")).isFalse();
    assertThat(json.get("evidence").get(0).get("matched"))
        .isEqualTo(
            JSON.readTree(
                """
            {"type": "accession", "institution": "tate", "number": "N00079"}"""));
    assertThat(json.get("item"))
        .isEqualTo(
            JSON.readTree(
                """
        {"url": "https://example.org/a.jpg",
         "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}"""));
  }

  @Test
  void toJson_unreachableDecision_hasNoRegistrySequence() {
    JsonNode json = DecisionDocuments.toJson(decisions().skip(2).findFirst().orElseThrow());

    assertThat(json.has("registrySequence")).isFalse();
    assertThat(json.get("categories").isEmpty()).isTrue();
    assertThat(json.get("evidence").isEmpty()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"url\": \"https://example.org/a.jpg\"}",
        "{\"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}",
        "{\"accession\": {\"institution\": \"tate\", \"number\": \"N00079\"}}",
        "{\"url\": \"https://example.org/a.jpg\", "
            + "\"accession\": {\"institution\": \"tate\", \"number\": \"N00079\"}}",
      })
  void item_survivesARoundTrip(String itemJson) {
    JsonNode json = JSON.readTree(itemJson);

    assertThat(DecisionDocuments.itemToJson(DecisionDocuments.itemFromJson(json))).isEqualTo(json);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/verdict|/verdict is required but missing",
        "/item|/item is required but missing",
        "/evidence/0/sequence|/evidence/0/sequence is required but missing",
        "/evidence/0/declarant/id|/evidence/0/declarant/id is required but missing",
      })
  void fromJson_missingField_namesItsPointer(String pointer, String message) {
    JsonNode json = JSON.readTree(WIRE_FORMAT_EXAMPLE);
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    String field = pointer.substring(pointer.lastIndexOf('/') + 1);
    ((ObjectNode) json.at(parent)).remove(field);

    assertThatThrownBy(() -> DecisionDocuments.fromJson(json))
        .isInstanceOf(MalformedDocumentException.class)
        .hasMessage(message)
        .extracting(e -> ((MalformedDocumentException) e).pointer())
        .isEqualTo(pointer);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/verdict|\"MAYBE\"|unknown verdict 'MAYBE'",
        "/usage|\"ai_training\"|Unknown usage category 'ai_training'",
        "/evidence/0/effect|\"forbidden\"|Unknown effect 'forbidden'",
        "/evidence/0/recordedAt|\"yesterday\"|must be an RFC 3339 date-time",
        "/evidence/0/sequence|\"12\"|must be a whole number",
        "/conflict|\"no\"|must be true or false",
        "/categories/ai-training|\"maybe\"|Unknown effect 'maybe'",
        "/item|{}|An item needs at least one of url, sha256 or accession",
        "/evidence/0/matched/type|\"glob\"|Unknown selector type 'glob'",
      })
  void fromJson_badValue_namesItsPointerAndWhatIsValid(
      String pointer, String value, String message) {
    JsonNode json = JSON.readTree(WIRE_FORMAT_EXAMPLE);
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    String field = pointer.substring(pointer.lastIndexOf('/') + 1);
    ((ObjectNode) json.at(parent)).set(field, JSON.readTree(value));

    assertThatThrownBy(() -> DecisionDocuments.fromJson(json))
        .isInstanceOf(MalformedDocumentException.class)
        .hasMessageStartingWith(pointer + " ")
        .hasMessageContaining(message);
  }

  @Test
  void fromJson_notAnObject_isMalformed() {
    assertThatThrownBy(() -> DecisionDocuments.fromJson(JSON.readTree("[]")))
        .isInstanceOf(MalformedDocumentException.class)
        .hasMessage("The document must be a JSON object");
  }

  @Test
  void signal_survivesARoundTripThroughTheRequestShape() {
    Signal signal =
        new Signal(
            Signal.SOURCE_TDMREP,
            "tdm-reservation: 1",
            "https://example.org/a.html meta",
            "tdm-reservation 1",
            Map.of(Usage.TEXT_AND_DATA_MINING, Effect.RESERVED),
            SignalOutcome.READ,
            Instant.parse("2026-12-04T12:00:00Z"));

    JsonNode json = DecisionDocuments.signalToJson(signal);

    assertThat(json.get("usages").get("text-and-data-mining").asString()).isEqualTo("reserved");
    assertThat(DecisionDocuments.signalFromJson(json)).isEqualTo(signal);
  }

  @Test
  void signalFromJson_withoutUsagesOrWithABadOne_readsNoneOrNamesIt() {
    ObjectNode json =
        DecisionDocuments.signalToJson(
            new Signal(
                Signal.SOURCE_ROBOTS_TXT,
                "",
                "https://example.org/robots.txt",
                "answered 503",
                Map.of(),
                SignalOutcome.UNREACHABLE,
                Instant.parse("2026-12-04T12:00:00Z")));
    json.remove("usages");

    assertThat(DecisionDocuments.signalFromJson(json).usages()).isEmpty();
    json.putObject("usages").put("training", "reserved");
    assertThatThrownBy(() -> DecisionDocuments.signalFromJson(json))
        .isInstanceOf(MalformedDocumentException.class)
        .hasMessageContaining("/usages/training");
  }
}
