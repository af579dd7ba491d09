package org.rightsregistry.server.check;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.rightsregistry.client.Accession;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.PolicyProfile;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.UrlIdentity;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.access.Caller;
import org.rightsregistry.server.check.CheckService.CheckQuestion;
import org.rightsregistry.server.check.CheckService.CheckResult;
import org.rightsregistry.server.declaration.DeclarationDocuments;
import org.rightsregistry.server.web.JsonDocuments;
import org.rightsregistry.server.web.RequestBodies;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/checks}: a verdict with its evidence for each of up to 10,000 items, each with
 * the in-band signals the caller read for it, if any.
 */
@RestController
class CheckController {

  static final int MAX_BODY_BYTES = 16 << 20;

  private final CheckService checks;
  private final JsonDocuments documents;
  private final Clock clock;

  CheckController(CheckService checks, JsonDocuments documents, Clock clock) {
    this.checks = checks;
    this.documents = documents;
    this.clock = clock;
  }

  @PostMapping(
      path = "/v1/checks",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  CheckAnswer check(Caller caller, InputStream body) {
    JsonNode request = documents.checkRequest(RequestBodies.read(body, MAX_BODY_BYTES));
    Usage usage = Usage.fromId(request.get("usage").asString());
    JsonNode items = request.get("items");
    List<Item> read = readItems(items);
    CheckResult result =
        checks.check(
            new CheckQuestion(
                read,
                usage,
                caller.isAnonymous() ? null : caller.partyId(),
                readProfile(request.get("profile")),
                readAt(request),
                readSignals(items, clock.instant()),
                readOnUnreadableSignal(request.get("onUnreadableSignal"))));
    return new CheckAnswer(result);
  }

  private static List<List<Signal>> readSignals(JsonNode items, Instant now) {
    List<List<Signal>> signals = new ArrayList<>(items.size());
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String pointer = "/items/" + i + "/signals";
      signals.add(SignalDocuments.read(items.get(i).get("signals"), pointer, now, violations));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return signals;
  }

  /** The schema allows only DENY and UNKNOWN: what could not be checked is never allowed. */
  private static Verdict readOnUnreadableSignal(JsonNode verdict) {
    return verdict == null ? Verdict.DENY : Verdict.valueOf(verdict.asString());
  }

  private static PolicyProfile readProfile(JsonNode profile) {
    if (profile == null) {
      return null;
    }
    try {
      return PolicyProfile.fromId(profile.asString());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(new Violation("/profile", e.getMessage()));
    }
  }

  private static Instant readAt(JsonNode request) {
    List<Violation> violations = new ArrayList<>();
    Instant at = DeclarationDocuments.readInstant(request, "at", violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return at;
  }

  private static List<Item> readItems(JsonNode items) {
    List<Item> result = new ArrayList<>(items.size());
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String pointer = "/items/" + i;
      JsonNode item = items.get(i);
      int problemsBefore = violations.size();
      String url = field(item, "url", pointer, UrlIdentity::normalise, violations);
      String sha256 = field(item, "sha256", pointer, UrlIdentity::normaliseSha256, violations);
      Accession accession = accession(item.get("accession"), pointer, violations);
      JsonNode modality = item.get("modality");
      if (violations.size() == problemsBefore) {
        result.add(
            new Item(
                url,
                sha256,
                accession,
                modality == null ? null : Modality.fromId(modality.asString())));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return result;
  }

  private static String field(
      JsonNode item,
      String name,
      String pointer,
      UnaryOperator<String> normalise,
      List<Violation> violations) {
    JsonNode value = item.get(name);
    if (value == null) {
      return null;
    }
    try {
      return normalise.apply(value.asString());
    } catch (IllegalArgumentException e) {
      violations.add(new Violation(pointer + "/" + name, e.getMessage()));
      return null;
    }
  }

  private static Accession accession(JsonNode node, String pointer, List<Violation> violations) {
    if (node == null) {
      return null;
    }
    String number = node.get("number").asString().strip();
    if (number.isEmpty()) {
      violations.add(new Violation(pointer + "/accession/number", "the accession number is blank"));
      return null;
    }
    return new Accession(node.get("institution").asString(), number);
  }
}
