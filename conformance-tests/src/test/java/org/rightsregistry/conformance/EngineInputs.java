package org.rightsregistry.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsregistry.client.Agreement;
import org.rightsregistry.client.DecisionRequest;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.PolicyProfile;
import org.rightsregistry.client.RegistryState;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.Statement;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;
import org.rightsregistry.client.wire.DecisionDocuments;
import tools.jackson.databind.JsonNode;

/**
 * Turns a case into the engine's request, as a host of the engine would: it matches every
 * declaration's and agreement's subjects against the item (the most specific matching subject is
 * the matched selector), and dates each declaration's end from its revocation or its successor. The
 * item is a work of the declarant of every declaration recorded by the evaluation time, not ended
 * by then, naming no other rights holder, that matched it; a declaration or agreement that matched
 * through nothing else matches through a subject on all works of one of those declarants (for a
 * declaration, only when it is that party's own).
 */
final class EngineInputs {

  private final JsonNode state;
  private final Item item;
  private final Instant at;
  private final Map<String, Party> parties = new HashMap<>();
  private final Map<String, TrustLevel> trust = new HashMap<>();
  private final Map<String, Instant> ended = new HashMap<>();

  private EngineInputs(JsonNode json) {
    this.state = json.get("state");
    this.item = DecisionDocuments.itemFromJson(json.get("item"));
    this.at = instant(json.get("at"));
    for (JsonNode party : state.path("parties")) {
      String id = party.get("id").stringValue();
      parties.put(id, new Party(id, party.path("name").stringValue(null)));
      trust.put(id, TrustLevel.fromId(party.path("trustLevel").stringValue("self-asserted")));
    }
    for (JsonNode revocation : state.path("revocations")) {
      end(revocation.get("id").stringValue(), instant(revocation.get("recordedAt")));
    }
    for (JsonNode declaration : state.path("declarations")) {
      if (declaration.has("supersedes")) {
        end(declaration.get("supersedes").stringValue(), instant(declaration.get("recordedAt")));
      }
    }
  }

  static DecisionRequest request(JsonNode json) {
    return new EngineInputs(json).build(json);
  }

  private DecisionRequest build(JsonNode json) {
    DecisionRequest.Builder request =
        DecisionRequest.builder(
                item, Usage.fromId(json.get("usage").stringValue()), instant(json.get("at")))
            .statements(statements())
            .agreements(agreements())
            .signals(signals(json.path("signals")))
            .requester(json.path("requester").stringValue(null))
            .registry(registry());
    if (json.has("profile")) {
      request.profile(PolicyProfile.fromId(json.get("profile").stringValue()));
    }
    if (json.has("failClosed")) {
      request.failClosed(Verdict.valueOf(json.get("failClosed").stringValue()));
    }
    return request.build();
  }

  private RegistryState registry() {
    if (state.has("unreachable")) {
      return RegistryState.unreachable(state.get("unreachable").stringValue());
    }
    long sequence = state.get("sequence").asLong();
    JsonNode snapshot = state.get("snapshot");
    if (snapshot == null) {
      return RegistryState.live(sequence);
    }
    return RegistryState.snapshot(
        sequence,
        instant(snapshot.get("takenAt")),
        Duration.parse(snapshot.get("freshness").stringValue()));
  }

  private List<Statement> statements() {
    List<Statement> statements = new ArrayList<>();
    if (state.has("unreachable")) {
      return statements;
    }
    Set<String> owners = owners();
    for (JsonNode declaration : state.path("declarations")) {
      // Only a party's own declaration speaks for all its works.
      String owner = worksOwner(declaration);
      Set<String> own = owner != null && owners.contains(owner) ? Set.of(owner) : Set.of();
      Selector matched = bestMatch(declaration.get("subjects"), own);
      if (matched != null) {
        statements.add(statement(declaration, matched));
      }
    }
    return statements;
  }

  /**
   * The declarants whose declarations, in force at {@code at} but for their windows, name the item
   * and no other rights holder: a declaration makes the item a work of its declarant, never of
   * another rights holder it names.
   */
  private Set<String> owners() {
    Set<String> owners = new HashSet<>();
    for (JsonNode declaration : state.path("declarations")) {
      String id = declaration.get("id").stringValue();
      boolean recorded = !instant(declaration.get("recordedAt")).isAfter(at);
      boolean notEnded = ended.get(id) == null || at.isBefore(ended.get(id));
      if (recorded && notEnded && bestMatch(declaration.get("subjects"), Set.of()) != null) {
        String owner = worksOwner(declaration);
        if (owner != null) {
          owners.add(owner);
        }
      }
    }
    return owners;
  }

  /** The declarant, when the declaration names no other rights holder; else null. */
  private static String worksOwner(JsonNode declaration) {
    String declarant = declaration.get("declarant").stringValue();
    boolean own =
        !declaration.has("rightsHolder")
            || declaration.get("rightsHolder").stringValue().equals(declarant);
    return own ? declarant : null;
  }

  private Statement statement(JsonNode declaration, Selector matched) {
    String id = declaration.get("id").stringValue();
    String declarant = declaration.get("declarant").stringValue();
    JsonNode level = declaration.get("trustLevel");
    return new Statement(
        id,
        declaration.get("sequence").asLong(),
        instant(declaration.get("recordedAt")),
        parties.get(declarant),
        declaration.has("rightsHolder")
            ? parties.get(declaration.get("rightsHolder").stringValue())
            : null,
        matched,
        effects(declaration.get("usages")),
        declaration.path("rightsStatement").stringValue(null),
        optionalInstant(declaration.get("validFrom")),
        optionalInstant(declaration.get("validUntil")),
        level != null ? TrustLevel.fromId(level.stringValue()) : trust.get(declarant),
        modalities(declaration.path("modalities")),
        ended.get(id));
  }

  private List<Agreement> agreements() {
    List<Agreement> agreements = new ArrayList<>();
    if (state.has("unreachable")) {
      return agreements;
    }
    for (JsonNode agreement : state.path("agreements")) {
      Selector matched = bestMatch(agreement.get("covers"), owners());
      if (matched == null) {
        continue;
      }
      Set<Usage> usages = EnumSet.noneOf(Usage.class);
      agreement.get("usages").forEach(usage -> usages.add(Usage.fromId(usage.stringValue())));
      String id = agreement.get("id").stringValue();
      agreements.add(
          new Agreement(
              id,
              agreement.get("sequence").asLong(),
              instant(agreement.get("recordedAt")),
              parties.get(agreement.get("licensor").stringValue()),
              parties.get(agreement.get("licensee").stringValue()),
              matched,
              usages,
              optionalInstant(agreement.get("validFrom")),
              optionalInstant(agreement.get("validUntil")),
              ended.get(id)));
    }
    return agreements;
  }

  private static List<Signal> signals(JsonNode signals) {
    List<Signal> read = new ArrayList<>();
    for (JsonNode signal : signals) {
      read.add(
          new Signal(
              signal.get("source").stringValue(),
              signal.get("raw").stringValue(),
              signal.get("location").stringValue(),
              signal.get("meaning").stringValue(),
              effects(signal.get("usages")),
              SignalOutcome.fromId(signal.get("outcome").stringValue()),
              instant(signal.get("readAt"))));
    }
    return read;
  }

  /**
   * The matching subject of the highest specificity tier, the longest within a tier; a subject on
   * all works of a party matches when the party is one of the item's owners.
   */
  private Selector bestMatch(JsonNode subjects, Set<String> owners) {
    Selector best = null;
    for (JsonNode subject : subjects) {
      Selector selector = SubjectMatcher.selector(subject);
      boolean matches =
          selector != null
              && (SubjectMatcher.matches(selector, item)
                  || (selector.type() == SelectorType.PARTY_WORKS
                      && owners.contains(selector.value())));
      if (matches && (best == null || SubjectMatcher.narrower(selector, best))) {
        best = selector;
      }
    }
    return best;
  }

  private static Map<Usage, Effect> effects(JsonNode usages) {
    Map<Usage, Effect> effects = new EnumMap<>(Usage.class);
    for (Map.Entry<String, JsonNode> entry : usages.properties()) {
      effects.put(Usage.fromId(entry.getKey()), Effect.fromId(entry.getValue().stringValue()));
    }
    return effects;
  }

  private static Set<Modality> modalities(JsonNode modalities) {
    Set<Modality> set = EnumSet.noneOf(Modality.class);
    modalities.forEach(modality -> set.add(Modality.fromId(modality.stringValue())));
    return set;
  }

  private void end(String id, Instant at) {
    ended.merge(id, at, (a, b) -> a.isBefore(b) ? a : b);
  }

  private static Instant instant(JsonNode value) {
    return Instant.parse(value.stringValue());
  }

  private static Instant optionalInstant(JsonNode value) {
    return value == null ? null : instant(value);
  }

  static SelectorType type(String id) {
    return SelectorType.fromId(id);
  }
}
