package org.rightsregistry.client.wire;

import static org.rightsregistry.client.wire.NodeReader.array;
import static org.rightsregistry.client.wire.NodeReader.bool;
import static org.rightsregistry.client.wire.NodeReader.id;
import static org.rightsregistry.client.wire.NodeReader.instant;
import static org.rightsregistry.client.wire.NodeReader.number;
import static org.rightsregistry.client.wire.NodeReader.object;
import static org.rightsregistry.client.wire.NodeReader.optionalText;
import static org.rightsregistry.client.wire.NodeReader.parse;
import static org.rightsregistry.client.wire.NodeReader.text;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.rightsregistry.client.Accession;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Evidence;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON codec of decisions and items as API v1 writes them ({@code docs/wire-format.md}). It is
 * meant for hosts of {@link org.rightsregistry.client.DecisionEngine}, such as the registry server,
 * so that the server writes and the client reads through one codec. Absent optional values are
 * omitted, never written as {@code null}.
 */
public final class DecisionDocuments {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DecisionDocuments() {}

  /**
   * Writes a decision as one element of a check response's {@code decisions}.
   *
   * @param decision the decision
   * @return a new JSON object
   */
  public static ObjectNode toJson(Decision decision) {
    ObjectNode json = NODES.objectNode();
    json.set("item", itemToJson(decision.item()));
    json.put("usage", decision.usage().id());
    json.put("verdict", decision.verdict().name());
    json.put("rule", decision.rule());
    json.put("explanation", decision.explanation());
    json.put("conflict", decision.conflict());
    decision.registrySequence().ifPresent(sequence -> json.put("registrySequence", sequence));
    ObjectNode categories = json.putObject("categories");
    decision.categories().forEach((usage, effect) -> categories.put(usage.id(), effect.id()));
    ArrayNode evidence = json.putArray("evidence");
    decision.evidence().forEach(entry -> evidence.add(evidenceToJson(entry)));
    return json;
  }

  /**
   * Reads a decision written by {@link #toJson(Decision)}.
   *
   * @param json one element of a check response's {@code decisions}
   * @return the decision
   * @throws MalformedDocumentException if the JSON does not have the shape of a decision
   */
  public static Decision fromJson(JsonNode json) {
    object(json, "");
    Item item = itemFromJson(object(json, "item", ""), "/item");
    OptionalLong registrySequence =
        NodeReader.isAbsent(json.get("registrySequence"))
            ? OptionalLong.empty()
            : OptionalLong.of(number(json, "registrySequence", ""));

    return construct(
        "",
        () ->
            new Decision(
                item,
                id(json, "usage", "", Usage::fromId),
                id(json, "verdict", "", DecisionDocuments::verdict),
                text(json, "rule", ""),
                text(json, "explanation", ""),
                bool(json, "conflict", ""),
                registrySequence,
                categoriesFromJson(object(json, "categories", "")),
                evidenceFromJson(json)));
  }

  /**
   * Writes an item as in a check request or a decision.
   *
   * @param item the item
   * @return a new JSON object with {@code url}, {@code sha256}, {@code accession} and {@code
   *     modality} where set
   */
  public static ObjectNode itemToJson(Item item) {
    ObjectNode json = NODES.objectNode();
    if (item.url() != null) {
      json.put("url", item.url());
    }
    if (item.sha256() != null) {
      json.put("sha256", item.sha256());
    }
    if (item.accession() != null) {
      json.putObject("accession")
          .put("institution", item.accession().institution())
          .put("number", item.accession().number());
    }
    if (item.modality() != null) {
      json.put("modality", item.modality().id());
    }
    return json;
  }

  /**
   * Reads an item as in a check request or a decision. Values are kept as written; validating them
   * against the schema is the caller's task.
   *
   * @param json the item object
   * @return the item
   * @throws MalformedDocumentException if the JSON is not an object with at least one of {@code
   *     url}, {@code sha256} and {@code accession}
   */
  public static Item itemFromJson(JsonNode json) {
    return itemFromJson(object(json, ""), "");
  }

  private static Item itemFromJson(JsonNode json, String pointer) {
    String url = optionalText(json, "url", pointer);
    String sha256 = optionalText(json, "sha256", pointer);
    Accession accession =
        NodeReader.isAbsent(json.get("accession"))
            ? null
            : accessionFromJson(object(json, "accession", pointer), pointer + "/accession");
    Modality modality =
        NodeReader.isAbsent(json.get("modality"))
            ? null
            : id(json, "modality", pointer, Modality::fromId);
    return construct(pointer, () -> new Item(url, sha256, accession, modality));
  }

  /**
   * Writes an in-band signal as one element of an item's {@code signals} in a check request.
   *
   * @param signal the signal
   * @return a new JSON object with {@code source}, {@code raw}, {@code location}, {@code meaning},
   *     {@code usages}, {@code outcome} and {@code readAt}
   */
  public static ObjectNode signalToJson(Signal signal) {
    ObjectNode json = NODES.objectNode();
    json.put("source", signal.source());
    json.put("raw", signal.raw());
    json.put("location", signal.location());
    json.put("meaning", signal.meaning());
    ObjectNode usages = json.putObject("usages");
    signal.usages().forEach((usage, effect) -> usages.put(usage.id(), effect.id()));
    json.put("outcome", signal.outcome().id());
    json.put("readAt", signal.readAt().toString());
    return json;
  }

  /**
   * Reads an in-band signal as {@link #signalToJson(Signal)} writes it; {@code usages} may be
   * absent (none).
   *
   * @param json one element of an item's {@code signals}
   * @return the signal
   * @throws MalformedDocumentException if the JSON does not have the shape of a signal
   */
  public static Signal signalFromJson(JsonNode json) {
    object(json, "");
    Map<Usage, Effect> usages =
        NodeReader.isAbsent(json.get("usages"))
            ? Map.of()
            : effectsFromJson(object(json, "usages", ""), "/usages");
    return construct(
        "",
        () ->
            new Signal(
                text(json, "source", ""),
                text(json, "raw", ""),
                text(json, "location", ""),
                text(json, "meaning", ""),
                usages,
                id(json, "outcome", "", SignalOutcome::fromId),
                instant(json, "readAt", "")));
  }

  private static Accession accessionFromJson(JsonNode json, String pointer) {
    return construct(
        pointer,
        () -> new Accession(text(json, "institution", pointer), text(json, "number", pointer)));
  }

  private static ObjectNode evidenceToJson(Evidence evidence) {
    if (evidence.isSignal()) {
      return signalEvidenceToJson(evidence);
    }
    ObjectNode json = NODES.objectNode();
    json.put("source", evidence.source());
    json.put("declarationId", evidence.declarationId());
    json.put("sequence", evidence.sequence());
    json.put("recordedAt", evidence.recordedAt().toString());
    json.set("declarant", partyToJson(evidence.declarant()));
    if (evidence.rightsHolder() != null) {
      json.set("rightsHolder", partyToJson(evidence.rightsHolder()));
    }
    json.set("matched", selectorToJson(evidence.matched()));
    json.put("category", evidence.category().id());
    json.put("effect", evidence.effect().id());
    if (evidence.rightsStatement() != null) {
      json.put("rightsStatement", evidence.rightsStatement());
    }
    if (evidence.trustLevel() != null) {
      json.put("trustLevel", evidence.trustLevel().id());
    }
    json.put("decisive", evidence.decisive());
    return json;
  }

  private static List<Evidence> evidenceFromJson(JsonNode decision) {
    JsonNode entries = array(decision, "evidence", "");
    List<Evidence> evidence = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      String pointer = "/evidence/" + i;
      evidence.add(evidenceFromJson(object(entries.get(i), pointer), pointer));
    }
    return evidence;
  }

  private static ObjectNode signalEvidenceToJson(Evidence evidence) {
    ObjectNode json = NODES.objectNode();
    json.put("source", evidence.source());
    json.put("outcome", evidence.outcome().id());
    json.put("raw", evidence.raw());
    json.put("location", evidence.location());
    json.put("meaning", evidence.meaning());
    json.put("readAt", evidence.recordedAt().toString());
    if (evidence.category() != null) {
      json.put("category", evidence.category().id());
      json.put("effect", evidence.effect().id());
    }
    json.put("decisive", evidence.decisive());
    return json;
  }

  private static Evidence signalEvidenceFromJson(JsonNode json, String pointer) {
    boolean bears = !NodeReader.isAbsent(json.get("category"));
    return construct(
        pointer,
        () ->
            new Evidence(
                text(json, "source", pointer),
                null,
                0,
                instant(json, "readAt", pointer),
                null,
                null,
                null,
                bears ? id(json, "category", pointer, Usage::fromId) : null,
                bears ? id(json, "effect", pointer, Effect::fromId) : null,
                null,
                null,
                bool(json, "decisive", pointer),
                text(json, "raw", pointer),
                text(json, "location", pointer),
                text(json, "meaning", pointer),
                id(json, "outcome", pointer, SignalOutcome::fromId)));
  }

  private static Evidence evidenceFromJson(JsonNode json, String pointer) {
    if (!NodeReader.isAbsent(json.get("outcome"))) {
      return signalEvidenceFromJson(json, pointer);
    }
    Party rightsHolder =
        NodeReader.isAbsent(json.get("rightsHolder"))
            ? null
            : partyFromJson(object(json, "rightsHolder", pointer), pointer + "/rightsHolder");
    return construct(
        pointer,
        () ->
            new Evidence(
                text(json, "source", pointer),
                text(json, "declarationId", pointer),
                number(json, "sequence", pointer),
                instant(json, "recordedAt", pointer),
                partyFromJson(object(json, "declarant", pointer), pointer + "/declarant"),
                rightsHolder,
                selectorFromJson(object(json, "matched", pointer), pointer + "/matched"),
                id(json, "category", pointer, Usage::fromId),
                id(json, "effect", pointer, Effect::fromId),
                optionalText(json, "rightsStatement", pointer),
                NodeReader.isAbsent(json.get("trustLevel"))
                    ? null
                    : id(json, "trustLevel", pointer, TrustLevel::fromId),
                bool(json, "decisive", pointer)));
  }

  private static ObjectNode partyToJson(Party party) {
    ObjectNode json = NODES.objectNode().put("id", party.id());
    if (party.name() != null) {
      json.put("name", party.name());
    }
    return json;
  }

  private static Party partyFromJson(JsonNode json, String pointer) {
    return construct(
        pointer, () -> new Party(text(json, "id", pointer), optionalText(json, "name", pointer)));
  }

  private static ObjectNode selectorToJson(Selector selector) {
    ObjectNode json = NODES.objectNode().put("type", selector.type().id());
    if (selector.type() == SelectorType.ACCESSION) {
      return json.put("institution", selector.institution()).put("number", selector.value());
    }
    if (selector.type() == SelectorType.PARTY_WORKS) {
      return json.put("party", selector.value());
    }
    return json.put("value", selector.value());
  }

  private static Selector selectorFromJson(JsonNode json, String pointer) {
    SelectorType type = id(json, "type", pointer, SelectorType::fromId);
    if (type == SelectorType.ACCESSION) {
      return construct(
          pointer,
          () ->
              Selector.accession(
                  text(json, "institution", pointer), text(json, "number", pointer)));
    }
    if (type == SelectorType.PARTY_WORKS) {
      return construct(pointer, () -> Selector.partyWorks(text(json, "party", pointer)));
    }
    return construct(pointer, () -> new Selector(type, text(json, "value", pointer), null));
  }

  private static Map<Usage, Effect> categoriesFromJson(JsonNode json) {
    return effectsFromJson(json, "/categories");
  }

  private static Map<Usage, Effect> effectsFromJson(JsonNode json, String at) {
    Map<Usage, Effect> categories = new EnumMap<>(Usage.class);
    for (Map.Entry<String, JsonNode> entry : json.properties()) {
      String pointer = at + "/" + escapePointer(entry.getKey());
      Usage usage = parse(entry.getKey(), pointer, Usage::fromId);
      if (!entry.getValue().isString()) {
        throw new MalformedDocumentException(pointer, "must be a string");
      }
      categories.put(usage, parse(entry.getValue().stringValue(), pointer, Effect::fromId));
    }
    return categories;
  }

  private static Verdict verdict(String name) {
    for (Verdict verdict : Verdict.values()) {
      if (verdict.name().equals(name)) {
        return verdict;
      }
    }
    throw new IllegalArgumentException(
        "unknown verdict '"
            + name
            + "'; valid verdicts are ALLOW, DENY, LICENCE_REQUIRED, UNKNOWN");
  }

  private static String escapePointer(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** Builds a value, reporting a broken invariant of the value type at the given pointer. */
  private static <T> T construct(String pointer, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new MalformedDocumentException(pointer, "is not valid: " + e.getMessage());
    }
  }
}
