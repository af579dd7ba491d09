package org.rightsregistry.client.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.DecisionEngine;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;
import tools.jackson.databind.json.JsonMapper;

class InBandSignalsTest {

  private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");
  private static final String ITEM = "https://example.org/blog/post";
  private static final InBandSignals SIGNALS =
      InBandSignals.builder().clock(java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC)).build();

  static Fetched ok(String url, Map<String, List<String>> headers, String body) {
    return Fetched.of(url, 200, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  static Decision decide(String url, Usage usage, List<Signal> signals) {
    return new DecisionEngine()
        .decide(Item.url(url), usage, List.of(), signals, 0, AT, Verdict.DENY);
  }

  @Test
  void xRobotsTag_twoFields_noimageaiOnImage_reservesGenerativeTraining() {
    Fetched image =
        Fetched.of(
            "https://example.org/a.jpg",
            200,
            Map.of(
                "Content-Type", List.of("image/jpeg"),
                "X-Robots-Tag", List.of("noimageai", "googlebot: nosnippet")),
            new byte[0]);
    List<Signal> signals = SIGNALS.read(image.url(), null, null, image);
    Decision decision = decide(image.url(), Usage.GENERATIVE_AI_TRAINING, signals);
    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.rule()).isEqualTo(Decision.RULE_SIGNAL_RESERVATION);
    assertThat(decision.evidence().get(0).raw()).contains("noimageai", "googlebot: nosnippet");
  }

  @Test
  void xRobotsTag_noimageaiOnHtml_doesNotApply() {
    Fetched page =
        Fetched.of(
            ITEM,
            200,
            Map.of("Content-Type", List.of("text/html"), "X-Robots-Tag", List.of("NoImageAI")),
            new byte[0]);
    Decision decision =
        decide(ITEM, Usage.GENERATIVE_AI_TRAINING, SIGNALS.read(ITEM, null, null, page));
    assertThat(decision.verdict()).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void xRobotsTag_scopedToAnAiAgentOrUnscoped_applies_caseInsensitive() {
    Fetched page =
        Fetched.of(ITEM, 200, Map.of("x-robots-tag", List.of("GPTBot: NOAI")), new byte[0]);
    Decision decision = decide(ITEM, Usage.AI_TRAINING, SIGNALS.read(ITEM, null, null, page));
    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
  }

  @Test
  void metaRobots_noai_reservesAiTraining() {
    Fetched page =
        ok(
            ITEM,
            Map.of("Content-Type", List.of("text/html; charset=utf-8")),
            "<html><head><META NAME=\"Robots\" CONTENT=\"NoAI, noimageai\"></head></html>");
    Decision decision =
        decide(ITEM, Usage.GENERATIVE_AI_TRAINING, SIGNALS.read(ITEM, null, null, page));
    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
  }

  @Test
  void tdmrepWellKnown_firstMatchInArrayOrderWins() {
    Fetched wellKnown =
        ok(
            "https://example.org/.well-known/tdmrep.json",
            Map.of(),
            "[{\"location\":\"/\",\"tdm-reservation\":1},"
                + "{\"location\":\"/blog/\",\"tdm-reservation\":0}]");
    Decision decision = decide(ITEM, Usage.AI_TRAINING, SIGNALS.read(ITEM, null, wellKnown, null));
    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.categories()).containsEntry(Usage.TEXT_AND_DATA_MINING, Effect.RESERVED);
  }

  @Test
  void tdmrepWellKnown_isCaseSensitive_andStringValuesAreMalformed() {
    Fetched upper =
        ok(
            "https://example.org/.well-known/tdmrep.json",
            Map.of(),
            "[{\"location\":\"/BLOG/\",\"tdm-reservation\":1}]");
    assertThat(decide(ITEM, Usage.AI_TRAINING, SIGNALS.read(ITEM, null, upper, null)).verdict())
        .isEqualTo(Verdict.UNKNOWN);
    Fetched text =
        ok(
            "https://example.org/.well-known/tdmrep.json",
            Map.of(),
            "[{\"location\":\"/\",\"tdm-reservation\":\"1\"}]");
    List<Signal> signals = SIGNALS.read(ITEM, null, text, null);
    assertThat(signals)
        .singleElement()
        .extracting(Signal::outcome)
        .isEqualTo(SignalOutcome.MALFORMED);
  }

  @Test
  void tdmHeader_yes_isUnsetAndMalformed_butOneReserves() {
    Fetched yes = Fetched.of(ITEM, 200, Map.of("tdm-reservation", List.of("yes")), new byte[0]);
    List<Signal> malformed = SIGNALS.read(ITEM, null, null, yes);
    assertThat(malformed)
        .singleElement()
        .extracting(Signal::outcome)
        .isEqualTo(SignalOutcome.MALFORMED);
    // A malformed signal fails closed (PRODUCT.md principle 6); it was UNKNOWN before.
    assertThat(decide(ITEM, Usage.AI_TRAINING, malformed).verdict()).isEqualTo(Verdict.DENY);

    Fetched one = Fetched.of(ITEM, 200, Map.of("TDM-Reservation", List.of("1")), new byte[0]);
    assertThat(decide(ITEM, Usage.AI_TRAINING, SIGNALS.read(ITEM, null, null, one)).verdict())
        .isEqualTo(Verdict.DENY);
  }

  @Test
  void tdmLayers_headerSupersedesWellKnown_andAbsenceNeverResets() {
    Fetched wellKnown =
        ok(
            "https://example.org/.well-known/tdmrep.json",
            Map.of(),
            "[{\"location\":\"/\",\"tdm-reservation\":1}]");
    Fetched headerZero =
        Fetched.of(ITEM, 200, Map.of("tdm-reservation", List.of("0")), new byte[0]);
    assertThat(
            decide(ITEM, Usage.AI_TRAINING, SIGNALS.read(ITEM, null, wellKnown, headerZero))
                .verdict())
        .isEqualTo(Verdict.ALLOW);
    Fetched html = ok(ITEM, Map.of("Content-Type", List.of("text/html")), "<p>no meta here</p>");
    assertThat(decide(ITEM, Usage.AI_TRAINING, SIGNALS.read(ITEM, null, wellKnown, html)).verdict())
        .isEqualTo(Verdict.DENY);
    Fetched htmlZero =
        ok(
            ITEM,
            Map.of("Content-Type", List.of("text/html"), "tdm-reservation", List.of("1")),
            "<meta name=\"tdm-reservation\" content=\"0\">");
    assertThat(
            decide(ITEM, Usage.AI_TRAINING, SIGNALS.read(ITEM, null, wellKnown, htmlZero))
                .verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void contentUsageHeader_lastDuplicateWins_andParseFailureMakesAllUnknown() {
    Fetched dup =
        Fetched.of(
            ITEM, 200, Map.of("Content-Usage", List.of("train-ai=y", "train-ai=n")), new byte[0]);
    assertThat(
            decide(ITEM, Usage.GENERATIVE_AI_TRAINING, SIGNALS.read(ITEM, null, null, dup))
                .verdict())
        .isEqualTo(Verdict.DENY);
    Fetched upper =
        Fetched.of(ITEM, 200, Map.of("Content-Usage", List.of("Train-AI=n")), new byte[0]);
    List<Signal> signals = SIGNALS.read(ITEM, null, null, upper);
    assertThat(signals.get(0).outcome()).isEqualTo(SignalOutcome.MALFORMED);
    // A malformed signal fails closed (PRODUCT.md principle 6); it was UNKNOWN before.
    assertThat(decide(ITEM, Usage.GENERATIVE_AI_TRAINING, signals).verdict())
        .isEqualTo(Verdict.DENY);
    Fetched other =
        Fetched.of(
            ITEM,
            200,
            Map.of("Content-Usage", List.of("train-ai=\"n\", search=maybe")),
            new byte[0]);
    assertThat(SIGNALS.read(ITEM, null, null, other).get(0).usages()).isEmpty();
  }

  @Test
  void robots_disallowedTokenReservesItsUsage_unreachableFailsClosed_404Restricts_nothing() {
    Fetched robots =
        ok("https://example.org/robots.txt", Map.of(), "User-agent: GPTBot\nDisallow: /\n");
    assertThat(
            decide(ITEM, Usage.GENERATIVE_AI_TRAINING, SIGNALS.read(ITEM, robots, null, null))
                .verdict())
        .isEqualTo(Verdict.DENY);
    assertThat(
            decide(ITEM, Usage.SEARCH_INDEXING, SIGNALS.read(ITEM, robots, null, null)).verdict())
        .isEqualTo(Verdict.UNKNOWN);

    Fetched unavailable = Fetched.of("https://example.org/robots.txt", 503, Map.of(), new byte[0]);
    Decision closed =
        decide(ITEM, Usage.SEARCH_INDEXING, SIGNALS.read(ITEM, unavailable, null, null));
    assertThat(closed.verdict()).isEqualTo(Verdict.DENY);
    assertThat(closed.rule()).isEqualTo(Decision.RULE_SIGNAL_UNREADABLE);

    Fetched missing = Fetched.of("https://example.org/robots.txt", 404, Map.of(), new byte[0]);
    assertThat(decide(ITEM, Usage.AI_TRAINING, SIGNALS.read(ITEM, missing, null, null)).verdict())
        .isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void robotsContentUsageRule_reservesGenerativeTraining() {
    Fetched robots =
        ok(
            "https://example.org/robots.txt",
            Map.of(),
            "User-agent: *\nAllow: /\nContent-Usage: train-ai=n\n");
    assertThat(
            decide(ITEM, Usage.GENERATIVE_AI_TRAINING, SIGNALS.read(ITEM, robots, null, null))
                .verdict())
        .isEqualTo(Verdict.DENY);
  }

  /**
   * vocab-08 section 4.3: Search "overrides any usage that falls into other categories, including
   * AI Training and AI Use". For a search-indexing use only the search preference counts; it says
   * nothing about training or AI use outside search. Header and robots.txt rule alike.
   */
  @ParameterizedTest(name = "{0} for {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "search=y, train-ai=n, ai-use=n|search-indexing|ALLOW",
        "search=y, train-ai=n, ai-use=n|generative-ai-training|DENY",
        "search=y, train-ai=n, ai-use=n|ai-inference|DENY",
        "search=y|generative-ai-training|UNKNOWN",
        "search=y|ai-training|UNKNOWN",
        "search=y|text-and-data-mining|UNKNOWN",
        "search=n, train-ai=y, ai-use=y|search-indexing|DENY",
        "search=n, train-ai=y, ai-use=y|generative-ai-training|ALLOW",
        "search=n, train-ai=y, ai-use=y|ai-inference|ALLOW",
        "train-ai=n, ai-use=n|search-indexing|UNKNOWN",
      })
  void contentUsage_searchOverridesTrainAiAndAiUse_forASearchUseOnly(
      String preferences, String usage, Verdict expected) {
    Fetched header =
        Fetched.of(ITEM, 200, Map.of("Content-Usage", List.of(preferences)), new byte[0]);
    Fetched robots =
        ok(
            "https://example.org/robots.txt",
            Map.of(),
            "User-agent: *\nAllow: /\nContent-Usage: " + preferences + "\n");
    Usage asked = Usage.fromId(usage);
    assertThat(decide(ITEM, asked, SIGNALS.read(ITEM, null, null, header)).verdict())
        .as("header")
        .isEqualTo(expected);
    assertThat(decide(ITEM, asked, SIGNALS.read(ITEM, robots, null, null)).verdict())
        .as("robots.txt")
        .isEqualTo(expected);
  }

  /**
   * What makes the override hold: search-indexing and the other two labels' categories are apart.
   */
  @Test
  void aiprefCategories_searchLiesOutsideTrainingAndUse() {
    for (Usage other : List.of(Usage.GENERATIVE_AI_TRAINING, Usage.AI_INFERENCE)) {
      assertThat(Usage.SEARCH_INDEXING.isWithin(other)).as(other.id()).isFalse();
      assertThat(other.isWithin(Usage.SEARCH_INDEXING)).as(other.id()).isFalse();
    }
  }

  @Test
  void cawgAndC2paTrainingMining_notAllowedReservesGenerativeTraining() {
    JsonMapper json = JsonMapper.builder().build();
    for (String prefix : List.of("cawg", "c2pa")) {
      String assertion =
          "{\"label\":\""
              + prefix
              + ".training-mining\",\"data\":{\"entries\":{\""
              + prefix
              + ".ai_generative_training\":{\"use\":\"notAllowed\"}}}}";
      List<Signal> signals =
          Embedded.manifestJson(assertion.getBytes(StandardCharsets.UTF_8), "manifest", AT);
      assertThat(decide(ITEM, Usage.GENERATIVE_AI_TRAINING, signals).verdict())
          .as(prefix)
          .isEqualTo(Verdict.DENY);
      assertThat(json).isNotNull();
    }
  }

  @Test
  void trainingMining_layoutWithoutEntries_andConstrainedCountsAsNotAllowed() {
    String assertion =
        "{\"label\":\"cawg.training-mining\",\"data\":{\"cawg.ai_training\":"
            + "{\"use\":\"constrained\",\"constraints_info\":\"ask us\"}}}";
    List<Signal> signals =
        Embedded.manifestJson(assertion.getBytes(StandardCharsets.UTF_8), "manifest", AT);
    assertThat(decide(ITEM, Usage.NON_GENERATIVE_AI_TRAINING, signals).verdict())
        .isEqualTo(Verdict.DENY);
    assertThat(signals.get(0).meaning()).contains("ask us");
  }

  @Test
  void dmiValues_allNineAndTheirWrittenVariants() {
    assertThat(Embedded.dmiUsages("http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-GENAIMLTRAINING"))
        .containsEntry(Usage.GENERATIVE_AI_TRAINING, Effect.RESERVED);
    assertThat(Embedded.dmiUsages("DMI-PROHIBITED-AIMLTRAINING"))
        .containsEntry(Usage.AI_TRAINING, Effect.RESERVED);
    assertThat(Embedded.dmiUsages("plus:DMI-ALLOWED"))
        .containsEntry(Usage.TEXT_AND_DATA_MINING, Effect.ALLOWED);
    assertThat(Embedded.dmiUsages("DMI-UNSPECIFIED")).isEmpty();
    assertThat(Embedded.dmiUsages("DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING"))
        .containsEntry(Usage.TEXT_AND_DATA_MINING, Effect.RESERVED)
        .containsEntry(Usage.SEARCH_INDEXING, Effect.ALLOWED);
    for (String token :
        List.of(
            "DMI-PROHIBITED",
            "DMI-PROHIBITED-SEECONSTRAINT",
            "DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR",
            "DMI-PROHIBITED-SEELINKEDRIGHTSEXPR")) {
      assertThat(Embedded.dmiUsages(token))
          .containsEntry(Usage.TEXT_AND_DATA_MINING, Effect.RESERVED);
    }
    assertThat(Embedded.dmiUsages("DMI-ALLOWED-noncommercial")).isNull();
    assertThat(Embedded.dmiUsages("https://other.example/DMI-ALLOWED")).isNull();
  }

  @Test
  void xmpDataMining_elementAndAttributeForms() {
    String element =
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
            + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description"
            + " xmlns:plus=\"http://ns.useplus.org/ldf/xmp/1.0/\"><plus:DataMining"
            + " rdf:resource=\"http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED\"/>"
            + "</rdf:Description></rdf:RDF></x:xmpmeta>";
    String attribute =
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
            + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description"
            + " xmlns:plus=\"http://ns.useplus.org/ldf/xmp/1.0/\""
            + " plus:DataMining=\"DMI-PROHIBITED-GENAIMLTRAINING\"/></rdf:RDF></x:xmpmeta>";
    for (String xmp : List.of(element, attribute)) {
      Embedded.Reading reading =
          Embedded.read(xmp.getBytes(StandardCharsets.UTF_8), "file.xmp", AT);
      assertThat(decide(ITEM, Usage.GENERATIVE_AI_TRAINING, reading.signals()).verdict())
          .as(xmp)
          .isEqualTo(Verdict.DENY);
    }
  }
}
