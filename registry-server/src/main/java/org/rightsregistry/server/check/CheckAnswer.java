package org.rightsregistry.server.check;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Evidence;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.Usage;
import org.rightsregistry.server.check.CheckService.CheckResult;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * The answer to {@code POST /v1/checks}, written straight to the response as it is serialised: the
 * same document as a tree of {@code DecisionDocuments.toJson} decisions, property for property and
 * in the same order, without building 10,000 trees first (which cost a third of a request's CPU).
 * {@code CheckAnswerTest} holds the two to the same bytes.
 */
final class CheckAnswer extends JacksonSerializable.Base {

  private static final SerializableString USAGE = name("usage");
  private static final SerializableString REGISTRY_SEQUENCE = name("registrySequence");
  private static final SerializableString EVALUATED_AT = name("evaluatedAt");
  private static final SerializableString DECISIONS = name("decisions");
  private static final SerializableString ITEM = name("item");
  private static final SerializableString URL = name("url");
  private static final SerializableString SHA256 = name("sha256");
  private static final SerializableString ACCESSION = name("accession");
  private static final SerializableString INSTITUTION = name("institution");
  private static final SerializableString NUMBER = name("number");
  private static final SerializableString MODALITY = name("modality");
  private static final SerializableString VERDICT = name("verdict");
  private static final SerializableString RULE = name("rule");
  private static final SerializableString EXPLANATION = name("explanation");
  private static final SerializableString CONFLICT = name("conflict");
  private static final SerializableString CATEGORIES = name("categories");
  private static final SerializableString EVIDENCE = name("evidence");
  private static final SerializableString SOURCE = name("source");
  private static final SerializableString DECLARATION_ID = name("declarationId");
  private static final SerializableString SEQUENCE = name("sequence");
  private static final SerializableString RECORDED_AT = name("recordedAt");
  private static final SerializableString DECLARANT = name("declarant");
  private static final SerializableString RIGHTS_HOLDER = name("rightsHolder");
  private static final SerializableString MATCHED = name("matched");
  private static final SerializableString CATEGORY = name("category");
  private static final SerializableString EFFECT = name("effect");
  private static final SerializableString RIGHTS_STATEMENT = name("rightsStatement");
  private static final SerializableString TRUST_LEVEL = name("trustLevel");
  private static final SerializableString DECISIVE = name("decisive");
  private static final SerializableString OUTCOME = name("outcome");
  private static final SerializableString RAW = name("raw");
  private static final SerializableString LOCATION = name("location");
  private static final SerializableString MEANING = name("meaning");
  private static final SerializableString READ_AT = name("readAt");
  private static final SerializableString ID = name("id");
  private static final SerializableString NAME = name("name");
  private static final SerializableString TYPE = name("type");
  private static final SerializableString VALUE = name("value");
  private static final SerializableString PARTY = name("party");

  private final CheckResult result;

  /**
   * Each instant written as text once per answer: the declarations of one batch share their time of
   * recording, and formatting it was a third of the time spent writing evidence.
   */
  private final Map<Instant, String> times = new HashMap<>();

  CheckAnswer(CheckResult result) {
    this.result = result;
  }

  @Override
  public void serialize(JsonGenerator json, SerializationContext context) {
    json.writeStartObject();
    json.writeName(USAGE);
    json.writeString(result.usage().id());
    json.writeName(REGISTRY_SEQUENCE);
    json.writeNumber(result.registrySequence());
    json.writeName(EVALUATED_AT);
    json.writeString(result.evaluatedAt().toString());
    json.writeName(DECISIONS);
    json.writeStartArray();
    for (Decision decision : result.decisions()) {
      writeDecision(decision, json);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** The answer has no polymorphic type to announce; it is written as itself. */
  @Override
  public void serializeWithType(
      JsonGenerator json, SerializationContext context, TypeSerializer types) {
    serialize(json, context);
  }

  /** One decision, as {@code DecisionDocuments.toJson} shapes it. */
  private void writeDecision(Decision decision, JsonGenerator json) {
    json.writeStartObject();
    json.writeName(ITEM);
    writeItem(decision.item(), json);
    json.writeName(USAGE);
    json.writeString(decision.usage().id());
    json.writeName(VERDICT);
    json.writeString(decision.verdict().name());
    json.writeName(RULE);
    json.writeString(decision.rule());
    json.writeName(EXPLANATION);
    json.writeString(decision.explanation());
    json.writeName(CONFLICT);
    json.writeBoolean(decision.conflict());
    if (decision.registrySequence().isPresent()) {
      json.writeName(REGISTRY_SEQUENCE);
      json.writeNumber(decision.registrySequence().getAsLong());
    }
    json.writeName(CATEGORIES);
    json.writeStartObject();
    for (Map.Entry<Usage, Effect> category : decision.categories().entrySet()) {
      json.writeName(category.getKey().id());
      json.writeString(category.getValue().id());
    }
    json.writeEndObject();
    json.writeName(EVIDENCE);
    json.writeStartArray();
    for (Evidence evidence : decision.evidence()) {
      if (evidence.isSignal()) {
        writeSignalEvidence(evidence, json);
      } else {
        writeRegistryEvidence(evidence, json);
      }
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeItem(Item item, JsonGenerator json) {
    json.writeStartObject();
    if (item.url() != null) {
      json.writeName(URL);
      json.writeString(item.url());
    }
    if (item.sha256() != null) {
      json.writeName(SHA256);
      json.writeString(item.sha256());
    }
    if (item.accession() != null) {
      json.writeName(ACCESSION);
      json.writeStartObject();
      json.writeName(INSTITUTION);
      json.writeString(item.accession().institution());
      json.writeName(NUMBER);
      json.writeString(item.accession().number());
      json.writeEndObject();
    }
    if (item.modality() != null) {
      json.writeName(MODALITY);
      json.writeString(item.modality().id());
    }
    json.writeEndObject();
  }

  private void writeRegistryEvidence(Evidence evidence, JsonGenerator json) {
    json.writeStartObject();
    json.writeName(SOURCE);
    json.writeString(evidence.source());
    json.writeName(DECLARATION_ID);
    json.writeString(evidence.declarationId());
    json.writeName(SEQUENCE);
    json.writeNumber(evidence.sequence());
    json.writeName(RECORDED_AT);
    json.writeString(text(evidence.recordedAt()));
    json.writeName(DECLARANT);
    writeParty(evidence.declarant(), json);
    if (evidence.rightsHolder() != null) {
      json.writeName(RIGHTS_HOLDER);
      writeParty(evidence.rightsHolder(), json);
    }
    json.writeName(MATCHED);
    writeSelector(evidence.matched(), json);
    json.writeName(CATEGORY);
    json.writeString(evidence.category().id());
    json.writeName(EFFECT);
    json.writeString(evidence.effect().id());
    if (evidence.rightsStatement() != null) {
      json.writeName(RIGHTS_STATEMENT);
      json.writeString(evidence.rightsStatement());
    }
    if (evidence.trustLevel() != null) {
      json.writeName(TRUST_LEVEL);
      json.writeString(evidence.trustLevel().id());
    }
    json.writeName(DECISIVE);
    json.writeBoolean(evidence.decisive());
    json.writeEndObject();
  }

  private void writeSignalEvidence(Evidence evidence, JsonGenerator json) {
    json.writeStartObject();
    json.writeName(SOURCE);
    json.writeString(evidence.source());
    json.writeName(OUTCOME);
    json.writeString(evidence.outcome().id());
    json.writeName(RAW);
    json.writeString(evidence.raw());
    json.writeName(LOCATION);
    json.writeString(evidence.location());
    json.writeName(MEANING);
    json.writeString(evidence.meaning());
    json.writeName(READ_AT);
    json.writeString(text(evidence.recordedAt()));
    if (evidence.category() != null) {
      json.writeName(CATEGORY);
      json.writeString(evidence.category().id());
      json.writeName(EFFECT);
      json.writeString(evidence.effect().id());
    }
    json.writeName(DECISIVE);
    json.writeBoolean(evidence.decisive());
    json.writeEndObject();
  }

  private static void writeParty(Party party, JsonGenerator json) {
    json.writeStartObject();
    json.writeName(ID);
    json.writeString(party.id());
    if (party.name() != null) {
      json.writeName(NAME);
      json.writeString(party.name());
    }
    json.writeEndObject();
  }

  private static void writeSelector(Selector selector, JsonGenerator json) {
    json.writeStartObject();
    json.writeName(TYPE);
    json.writeString(selector.type().id());
    if (selector.type() == SelectorType.ACCESSION) {
      json.writeName(INSTITUTION);
      json.writeString(selector.institution());
      json.writeName(NUMBER);
      json.writeString(selector.value());
    } else if (selector.type() == SelectorType.PARTY_WORKS) {
      json.writeName(PARTY);
      json.writeString(selector.value());
    } else {
      json.writeName(VALUE);
      json.writeString(selector.value());
    }
    json.writeEndObject();
  }

  private String text(Instant instant) {
    return times.computeIfAbsent(instant, Instant::toString);
  }

  private static SerializableString name(String name) {
    return new SerializedString(name);
  }
}
