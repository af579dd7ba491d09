package org.rightsregistry.client;

import java.util.ArrayList;
import java.util.List;
import org.rightsregistry.client.wire.DecisionDocuments;
import org.rightsregistry.client.wire.MalformedDocumentException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The check request and response of {@code POST /v1/checks}. */
final class CheckDocuments {

  private CheckDocuments() {}

  /**
   * The body of a check request. Signals, and the verdict for an unreadable one, are written only
   * when some item carries signals, so that a request without them is what it always was.
   */
  static ObjectNode request(
      Usage usage,
      List<Item> items,
      List<List<Signal>> signals,
      PolicyProfile profile,
      Verdict onUnreadableSignal) {
    ObjectNode request = JsonNodeFactory.instance.objectNode().put("usage", usage.id());
    if (profile != null) {
      request.put("profile", profile.id());
    }
    if (signals.stream().anyMatch(list -> !list.isEmpty())) {
      request.put("onUnreadableSignal", onUnreadableSignal.name());
    }
    ArrayNode array = request.putArray("items");
    for (int i = 0; i < items.size(); i++) {
      ObjectNode item = DecisionDocuments.itemToJson(items.get(i));
      if (!signals.get(i).isEmpty()) {
        ArrayNode sent = item.putArray("signals");
        signals.get(i).forEach(signal -> sent.add(DecisionDocuments.signalToJson(signal)));
      }
      array.add(item);
    }
    return request;
  }

  /** Reads the decisions of a response, which must answer every item asked about in order. */
  static List<Decision> decisions(JsonNode response, Usage usage, int expected)
      throws RegistryUnavailableException {
    JsonNode array = response.isObject() ? response.get("decisions") : null;
    if (array == null || !array.isArray()) {
      throw unreadable("it has no decisions array");
    }
    if (array.size() != expected) {
      throw unreadable("it holds " + array.size() + " decisions for " + expected + " items");
    }
    List<Decision> decisions = new ArrayList<>(expected);
    for (int i = 0; i < expected; i++) {
      decisions.add(decision(array.get(i), i, usage));
    }
    return decisions;
  }

  private static Decision decision(JsonNode json, int index, Usage usage)
      throws RegistryUnavailableException {
    Decision decision;
    try {
      decision = DecisionDocuments.fromJson(json);
    } catch (MalformedDocumentException e) {
      throw unreadable("in decisions[" + index + "], " + e.getMessage());
    }
    if (decision.usage() != usage) {
      throw unreadable(
          "decisions["
              + index
              + "] is about "
              + decision.usage().id()
              + " instead of "
              + usage.id());
    }
    return decision;
  }

  private static RegistryUnavailableException unreadable(String problem) {
    return new RegistryUnavailableException(
        "its answer is not a check response of API v1: " + problem);
  }
}
