package org.rightsregistry.server.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Accession;
import org.rightsregistry.client.Agreement;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.DecisionEngine;
import org.rightsregistry.client.DecisionRequest;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Evidence;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.PolicyProfile;
import org.rightsregistry.client.RegistryState;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.Statement;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;
import org.rightsregistry.client.wire.DecisionDocuments;
import org.rightsregistry.server.check.CheckService.CheckResult;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The streamed check answer is the document the tree of {@code DecisionDocuments.toJson} decisions
 * was: the same bytes, for every shape a decision, an item and a piece of evidence can take.
 */
class CheckAnswerTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00.123456Z");
  private static final Instant RECORDED = Instant.parse("2025-11-05T08:30:00Z");
  private static final Party TATE = new Party("tate", "Tate");
  private static final Party DACS = new Party("dacs", "DACS \"the society\" ∅");
  private static final Party NAMELESS = new Party("a-holder", null);

  @Test
  void write_handBuiltDecisionsOfEveryShape_sameBytesAsTheDecisionTree() {
    List<Decision> decisions = new ArrayList<>();
    for (Item item : items()) {
      decisions.add(decision(item, Verdict.DENY, "reservation", registryEvidence(), true));
      decisions.add(decision(item, Verdict.UNKNOWN, "no-statement", List.of(), false));
      decisions.add(decision(item, Verdict.ALLOW, "signal-allowed", signalEvidence(), true));
    }

    assertSameAsTree(new CheckResult(Usage.AI_TRAINING, 42, AT, decisions));
  }

  @Test
  void write_engineDecisionsWithStatementsSignalsAndAgreements_sameBytesAsTheDecisionTree() {
    DecisionEngine engine = new DecisionEngine();
    List<Decision> decisions = new ArrayList<>();
    for (Item item : items()) {
      for (Usage usage : Usage.values()) {
        for (PolicyProfile profile : new PolicyProfile[] {null, PolicyProfile.EU_OPT_OUT}) {
          decisions.add(
              engine.decide(
                  DecisionRequest.builder(item, usage, AT)
                      .statements(statements())
                      .agreements(List.of(agreement()))
                      .requester("a-licensee")
                      .profile(profile)
                      .signals(signals())
                      .failClosed(Verdict.UNKNOWN)
                      .registry(RegistryState.live(7))
                      .build()));
          decisions.add(
              engine.decide(
                  DecisionRequest.builder(item, usage, AT)
                      .profile(profile)
                      .registry(RegistryState.live(7))
                      .build()));
        }
      }
    }

    assertSameAsTree(new CheckResult(Usage.GENERATIVE_AI_TRAINING, 7, AT, decisions));
  }

  @Test
  void write_noDecisionDetails_sameBytesAsTheDecisionTree() {
    assertSameAsTree(new CheckResult(Usage.SEARCH_INDEXING, 0, RECORDED, List.of()));
  }

  private static void assertSameAsTree(CheckResult result) {
    String streamed = MAPPER.writeValueAsString(new CheckAnswer(result));

    assertThat(streamed).isEqualTo(MAPPER.writeValueAsString(tree(result)));
  }

  /** The answer as the controller built it before it streamed: one tree of decision trees. */
  private static ObjectNode tree(CheckResult result) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("usage", result.usage().id());
    node.put("registrySequence", result.registrySequence());
    node.put("evaluatedAt", result.evaluatedAt().toString());
    ArrayNode decisions = node.putArray("decisions");
    result.decisions().forEach(decision -> decisions.add(DecisionDocuments.toJson(decision)));
    return node;
  }

  private static List<Item> items() {
    String sha256 = "ab".repeat(32);
    Accession accession = new Accession("tate", "N 05/123 \"é\"");
    return List.of(
        new Item("https://www.tate.org.uk/art/images/work/A/A01/A01029_8.jpg", null, null),
        new Item(null, sha256, null),
        new Item(null, null, accession),
        new Item("http://example.org/a?b=c&d=\u00e9", sha256, accession, Modality.IMAGE),
        new Item(null, sha256, null, Modality.TEXT));
  }

  private static Decision decision(
      Item item, Verdict verdict, String rule, List<Evidence> evidence, boolean sequence) {
    Map<Usage, Effect> categories = new EnumMap<>(Usage.class);
    if (!evidence.isEmpty()) {
      categories.put(Usage.TEXT_AND_DATA_MINING, Effect.ALLOWED);
      categories.put(Usage.AI_TRAINING, Effect.RESERVED);
    }
    return new Decision(
        item,
        Usage.AI_TRAINING,
        verdict,
        rule,
        "An explanation with \"quotes\", a tab\t, a line\nbreak and non-ASCII: ü ✓ 𝄞.",
        evidence.size() > 1,
        sequence ? OptionalLong.of(42) : OptionalLong.empty(),
        categories,
        evidence);
  }

  private static List<Evidence> registryEvidence() {
    return List.of(
        new Evidence(
            Evidence.REGISTRY,
            "7d3c2f4e-0000-4000-8000-000000000001",
            1777,
            RECORDED,
            TATE,
            DACS,
            Selector.url("https://www.tate.org.uk/art/images/work/A/A01/A01029_8.jpg"),
            Usage.AI_TRAINING,
            Effect.RESERVED,
            "http://rightsstatements.org/vocab/InC/1.0/",
            TrustLevel.INSTITUTION_VERIFIED,
            true),
        new Evidence(
            Evidence.REGISTRY,
            "7d3c2f4e-0000-4000-8000-000000000002",
            1778,
            RECORDED.plusNanos(1_000),
            NAMELESS,
            null,
            Selector.urlPrefix("https://www.tate.org.uk/art/"),
            Usage.TEXT_AND_DATA_MINING,
            Effect.ALLOWED,
            null,
            null,
            false),
        new Evidence(
            Evidence.REGISTRY,
            "7d3c2f4e-0000-4000-8000-000000000003",
            1779,
            RECORDED,
            TATE,
            null,
            Selector.accession("tate", "N05/123"),
            Usage.AI_TRAINING,
            Effect.LICENCE_REQUIRED,
            null,
            TrustLevel.SELF_ASSERTED,
            false),
        new Evidence(
            Evidence.REGISTRY,
            "7d3c2f4e-0000-4000-8000-000000000004",
            1780,
            RECORDED,
            NAMELESS,
            null,
            Selector.partyWorks("a-holder"),
            Usage.AI_TRAINING,
            Effect.RESERVED,
            null,
            TrustLevel.OPERATOR_VERIFIED,
            false),
        new Evidence(
            Evidence.REGISTRY,
            "7d3c2f4e-0000-4000-8000-000000000005",
            1781,
            RECORDED,
            TATE,
            null,
            Selector.domain("tate.org.uk"),
            Usage.AI_TRAINING,
            Effect.ALLOWED,
            null,
            null,
            false),
        Evidence.ofAgreement(agreement(), Usage.AI_TRAINING, false));
  }

  private static List<Evidence> signalEvidence() {
    List<Signal> signals = signals();
    return List.of(
        Evidence.ofSignal(signals.get(0), Usage.AI_TRAINING, Effect.ALLOWED, true),
        Evidence.ofSignal(signals.get(1), null, null, false),
        Evidence.ofSignal(signals.get(2), null, null, false));
  }

  private static List<Signal> signals() {
    return List.of(
        new Signal(
            Signal.SOURCE_ROBOTS_TXT,
            "User-agent: *\nAllow: /",
            "https://www.tate.org.uk/robots.txt line 2",
            "robots.txt allows every crawler",
            Map.of(Usage.AI_TRAINING, Effect.ALLOWED),
            SignalOutcome.READ,
            AT.minusSeconds(60)),
        new Signal(
            Signal.SOURCE_TDMREP,
            "",
            "tdm-reservation header",
            "the header could not be read",
            Map.of(),
            SignalOutcome.UNREACHABLE,
            AT.minusSeconds(30)),
        new Signal(
            Signal.SOURCE_ROBOTS_TAG,
            "noai, \u0000-free",
            "X-Robots-Tag",
            "says nothing on this usage",
            Map.of(),
            SignalOutcome.READ,
            AT.minusSeconds(10)));
  }

  private static List<Statement> statements() {
    return List.of(
        new Statement(
            "7d3c2f4e-0000-4000-8000-000000000011",
            11,
            RECORDED,
            TATE,
            DACS,
            Selector.url("https://www.tate.org.uk/art/images/work/A/A01/A01029_8.jpg"),
            Map.of(Usage.AI_TRAINING, Effect.RESERVED),
            "http://rightsstatements.org/vocab/InC/1.0/",
            null,
            null,
            TrustLevel.INSTITUTION_VERIFIED,
            Set.of(),
            null),
        new Statement(
            "7d3c2f4e-0000-4000-8000-000000000012",
            12,
            RECORDED,
            NAMELESS,
            null,
            Selector.sha256("ab".repeat(32)),
            Map.of(
                Usage.TEXT_AND_DATA_MINING, Effect.ALLOWED, Usage.SEARCH_INDEXING, Effect.ALLOWED),
            null,
            RECORDED,
            AT.plusSeconds(3_600),
            TrustLevel.SELF_ASSERTED,
            Set.of(Modality.IMAGE),
            null),
        new Statement(
            "7d3c2f4e-0000-4000-8000-000000000013",
            13,
            RECORDED,
            TATE,
            null,
            Selector.accession("tate", "N 05/123 \"é\""),
            Map.of(Usage.AI_TRAINING, Effect.LICENCE_REQUIRED),
            null,
            null,
            null,
            TrustLevel.INSTITUTION_VERIFIED,
            Set.of(),
            null));
  }

  private static Agreement agreement() {
    return new Agreement(
        "7d3c2f4e-0000-4000-8000-000000000021",
        21,
        RECORDED,
        TATE,
        new Party("a-licensee", "A licensee"),
        Selector.partyWorks("tate"),
        Set.of(Usage.AI_TRAINING),
        null,
        null,
        null);
  }
}
