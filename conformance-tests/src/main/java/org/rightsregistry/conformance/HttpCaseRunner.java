package org.rightsregistry.conformance;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.UrlIdentity;
import org.rightsregistry.client.wire.DecisionDocuments;
import org.rightsregistry.conformance.RegistryConnection.LoadFailure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a case against a registry through its public HTTP API only, as the case's parties would: the
 * operator registers and verifies the parties, each party records its declarations, agreements and
 * revocations with its own credential, and the requester asks {@code POST /v1/checks}. The decision
 * is compared by {@link Expectations}, with the case's ids and registry sequence replaced by the
 * registry's.
 *
 * <p>The registry stamps every record with its own clock, so the case's timeline is moved onto it:
 * what the case recorded up to {@code at} is recorded first, the evaluation time is then an instant
 * of the registry's clock after those records, what the case recorded after {@code at} follows, and
 * every validity bound moves by the same offset as {@code at}. The trust level of a declaration is
 * the registry's to grade: the runner gives the declarant the verification and the domains the
 * case's level needs, and a case whose level the registry does not grade as asked is skipped where
 * the level could change the outcome.
 *
 * <p>A case's in-band signals go with the item in the check request. What the client library
 * decides on its own is put to it after the case is loaded ({@link ClientSideCases}): an
 * unreachable registry through {@code RightsChecker} aimed at a loopback port that refuses
 * connections, a snapshot through {@code OfflineChecker} built from the registry's {@code GET
 * /v1/snapshot}.
 */
public final class HttpCaseRunner {

  private static final Set<String> OPERATOR_LEVELS =
      Set.of("institution-verified", "operator-verified");
  private static final Set<String> COUNTING_PROFILES = Set.of("licence-required", "consent-only");
  private static final Duration TIME_BUDGET = Duration.ofSeconds(2);
  private static final Duration TIME_BUDGET_PER_RECORD = Duration.ofMillis(300);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  private final RegistryConnection registry;
  private final RegistryConnection operator;
  private final ChallengeAnswerer answerer;
  private final String run;
  private final AtomicInteger cases = new AtomicInteger();
  private final Function<JsonNode, List<String>> answerCheck;

  /**
   * A runner against one registry.
   *
   * @param registry the registry's root URI
   * @param operatorToken an operator credential of that registry
   * @param answerer answers the registry's DNS domain challenges, or null when the runner cannot
   */
  public HttpCaseRunner(URI registry, String operatorToken, ChallengeAnswerer answerer) {
    this(registry, operatorToken, answerer, answer -> List.of());
  }

  /**
   * A runner against one registry that also checks every check response the case is decided by.
   *
   * @param registry the registry's root URI
   * @param operatorToken an operator credential of that registry
   * @param answerer answers the registry's DNS domain challenges, or null when the runner cannot
   * @param answerCheck lists what is wrong with a whole {@code POST /v1/checks} response (such as
   *     its violations of the published schema); each line fails the case
   */
  public HttpCaseRunner(
      URI registry,
      String operatorToken,
      ChallengeAnswerer answerer,
      Function<JsonNode, List<String>> answerCheck) {
    this.registry = new RegistryConnection(registry);
    this.operator = this.registry.as(operatorToken);
    this.answerer = answerer;
    this.run = runId();
    this.answerCheck = answerCheck;
  }

  /**
   * Loads the case into the registry, asks it, and compares its decision with the case's.
   *
   * @param vector the case
   * @return passed, failed (with the differences, or what the registry refused while loading) or
   *     skipped (with the reason)
   */
  public CaseOutcome run(VectorCase vector) {
    String notRunnable = notRunnableReason(vector);
    if (notRunnable != null) {
      return CaseOutcome.of(vector, CaseOutcome.Status.SKIP, notRunnable);
    }
    CaseIdentities identities = new CaseIdentities(run + "c" + cases.incrementAndGet());
    try {
      List<String> differences = new CaseRun(vector.json(), identities).run();
      return differences.isEmpty()
          ? CaseOutcome.of(vector, CaseOutcome.Status.PASS, "")
          : CaseOutcome.of(vector, CaseOutcome.Status.FAIL, String.join("; ", differences));
    } catch (NotExpressible e) {
      return CaseOutcome.of(vector, CaseOutcome.Status.SKIP, e.getMessage());
    } catch (LoadFailure e) {
      return CaseOutcome.of(
          vector, CaseOutcome.Status.FAIL, "the case could not be loaded: " + e.getMessage());
    }
  }

  /** Why a case cannot be run at all, or null when it can. */
  static String notRunnableReason(VectorCase vector) {
    if (vector.skipReason() != null) {
      return vector.skipReason();
    }
    JsonNode state = vector.json().get("state");
    return state.has("snapshot") ? ClientSideCases.snapshotLimits(vector.json()) : null;
  }

  private static String runId() {
    SecureRandom random = new SecureRandom();
    StringBuilder id = new StringBuilder("r");
    for (int i = 0; i < 6; i++) {
      id.append(Character.forDigit(random.nextInt(36), 36));
    }
    return id.toString();
  }

  /** One record of the case's history, in the order the registry must record it. */
  private record Event(String kind, JsonNode json, Instant recordedAt, long sequence) {}

  /** The instant and head a registry answered a check at. */
  private record Probe(Instant evaluatedAt, long registrySequence) {}

  /** The loading and checking of one case. */
  private final class CaseRun {

    private final JsonNode json;
    private final JsonNode state;
    private final CaseIdentities ids;
    private final Map<String, JsonNode> parties = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> verification = new HashMap<>();
    private final Map<String, Set<String>> domains = new HashMap<>();
    private Duration offset = Duration.ZERO;

    CaseRun(JsonNode json, CaseIdentities ids) {
      this.json = json;
      this.state = json.get("state");
      this.ids = ids;
      state.path("parties").forEach(party -> parties.put(party.get("id").stringValue(), party));
    }

    List<String> run() {
      registerParties();
      Instant at = Instant.parse(json.get("at").stringValue());
      List<Event> events = timeline();
      List<Event> before = events.stream().filter(e -> !e.recordedAt().isAfter(at)).toList();
      List<Event> after = events.stream().filter(e -> e.recordedAt().isAfter(at)).toList();

      Instant evaluatedAt;
      if (events.stream().anyMatch(CaseRun::hasWindow)) {
        evaluatedAt =
            probe()
                .evaluatedAt()
                .plus(TIME_BUDGET)
                .plus(TIME_BUDGET_PER_RECORD.multipliedBy(before.size()));
        offset = Duration.between(at, evaluatedAt);
        recordBefore(before, evaluatedAt);
      } else {
        before.forEach(this::record);
        evaluatedAt = probe().evaluatedAt();
      }
      waitUntilAfter(evaluatedAt);
      after.forEach(this::record);

      long head = probe().registrySequence();
      if (state.has("unreachable")) {
        return Expectations.differences(expected(head), unreachable());
      }
      if (state.has("snapshot")) {
        ClientSideCases.Offline offline =
            ClientSideCases.offline(json, registry.anonymous().getBytes("/v1/snapshot"), item());
        List<String> differences =
            new ArrayList<>(
                Expectations.differences(expected(offline.sequence()), offline.decision()));
        differences.addAll(offline.verdictDifferences());
        return differences;
      }
      JsonNode answer = check(evaluatedAt);
      List<String> differences = new ArrayList<>(answerCheck.apply(answer));
      differences.addAll(Expectations.differences(expected(head), answer.get("decisions").get(0)));
      return differences;
    }

    private JsonNode unreachable() {
      String requester = json.path("requester").stringValue(null);
      return ClientSideCases.unreachable(
          json,
          item(),
          ClientSideCases.signals(json),
          requester == null ? null : tokens.get(requester));
    }

    private Item item() {
      return DecisionDocuments.itemFromJson(ids.item(json.get("item")));
    }

    private void registerParties() {
      for (JsonNode party : state.path("parties")) {
        register(party.get("id").stringValue(), party);
      }
      String requester = json.path("requester").stringValue(null);
      if (requester != null && !parties.containsKey(requester)) {
        register(requester, RegistryConnection.object().put("role", "licensee"));
      }
    }

    private void register(String caseId, JsonNode party) {
      String id = ids.party(caseId);
      ObjectNode body = RegistryConnection.object();
      body.put("id", id);
      body.put("name", party.path("name").stringValue(caseId));
      body.put("role", party.path("role").stringValue("creator"));
      operator.post("/v1/parties", body).expectSuccess("registering party " + caseId);
      ObjectNode scopes = RegistryConnection.object();
      ArrayNode list = scopes.putArray("scopes");
      List.of("read", "declare", "revoke", "administer").forEach(list::add);
      JsonNode issued =
          operator
              .post("/v1/parties/" + id + "/tokens", scopes)
              .expectSuccess("issuing a credential to " + caseId);
      tokens.put(caseId, issued.get("token").stringValue());
    }

    /** Declarations, agreements and revocations by recording time, then sequence. */
    private List<Event> timeline() {
      List<Event> events = new ArrayList<>();
      addEvents(events, "declaration", state.path("declarations"));
      addEvents(events, "agreement", state.path("agreements"));
      addEvents(events, "revocation", state.path("revocations"));
      events.sort(Comparator.comparing(Event::recordedAt).thenComparingLong(Event::sequence));
      return events;
    }

    private static void addEvents(List<Event> events, String kind, JsonNode records) {
      for (JsonNode record : records) {
        events.add(
            new Event(
                kind,
                record,
                Instant.parse(record.get("recordedAt").stringValue()),
                record.path("sequence").asLong(Long.MAX_VALUE)));
      }
    }

    private static boolean hasWindow(Event event) {
      return event.json().has("validFrom") || event.json().has("validUntil");
    }

    /** Records what precedes {@code at}; each must be recorded by the shifted evaluation time. */
    private void recordBefore(List<Event> before, Instant evaluatedAt) {
      for (Event event : before) {
        Instant recordedAt = record(event);
        if (recordedAt.isAfter(evaluatedAt)) {
          throw new LoadFailure(
              "recording took longer than the runner's time budget: "
                  + event.json().get("id").stringValue()
                  + " was recorded at "
                  + recordedAt
                  + ", after the evaluation time "
                  + evaluatedAt);
        }
      }
    }

    private Instant record(Event event) {
      JsonNode stored =
          switch (event.kind()) {
            case "declaration" -> declare(event.json());
            case "agreement" -> agree(event.json());
            default -> revoke(event.json());
          };
      JsonNode revocation = stored.get("revocation");
      JsonNode recordedAt =
          event.kind().equals("revocation") && revocation != null
              ? revocation.get("recordedAt")
              : stored.get("recordedAt");
      return Instant.parse(recordedAt.stringValue());
    }

    private JsonNode declare(JsonNode declaration) {
      String id = declaration.get("id").stringValue();
      String declarant = declaration.get("declarant").stringValue();
      String level = requiredLevel(declaration);
      ArrayNode subjects = subjects(declaration.get("subjects"));
      prepare(declarant, level, subjects);

      ObjectNode body = RegistryConnection.object();
      body.set("declarant", party(declarant));
      if (declaration.has("rightsHolder")) {
        body.set("rightsHolder", party(declaration.get("rightsHolder").stringValue()));
      }
      body.set("subjects", subjects);
      body.set("usages", declaration.get("usages"));
      // The API says "every modality" by leaving the list out; the case may say it with [].
      if (!declaration.path("modalities").isEmpty()) {
        body.set("modalities", declaration.get("modalities"));
      }
      window(declaration, body);
      if (declaration.has("supersedes")) {
        body.put("supersedes", registryId(declaration.get("supersedes").stringValue()));
      }
      JsonNode stored =
          as(declarant).post("/v1/declarations", body).expectSuccess("recording declaration " + id);
      ids.assigned(id, stored.get("id").stringValue());
      checkLevel(declaration, level, stored.path("trustLevel").stringValue("(none)"));
      return stored;
    }

    private JsonNode agree(JsonNode agreement) {
      String id = agreement.get("id").stringValue();
      String licensor = agreement.get("licensor").stringValue();
      ObjectNode body = RegistryConnection.object();
      body.set("licensor", RegistryConnection.object().put("id", ids.party(licensor)));
      body.set(
          "licensee",
          RegistryConnection.object()
              .put("id", ids.party(agreement.get("licensee").stringValue())));
      body.set("covers", subjects(agreement.get("covers")));
      body.set("usages", agreement.get("usages"));
      window(agreement, body);
      JsonNode stored =
          as(licensor).post("/v1/agreements", body).expectSuccess("recording agreement " + id);
      ids.assigned(id, stored.get("id").stringValue());
      return stored;
    }

    private JsonNode revoke(JsonNode revocation) {
      String target = revocation.get("id").stringValue();
      String registryId = registryId(target);
      for (JsonNode declaration : state.path("declarations")) {
        if (declaration.get("id").stringValue().equals(target)) {
          return as(declaration.get("declarant").stringValue())
              .post("/v1/declarations/" + registryId + "/revocation", RegistryConnection.object())
              .expectSuccess("revoking declaration " + target);
        }
      }
      for (JsonNode agreement : state.path("agreements")) {
        if (agreement.get("id").stringValue().equals(target)) {
          return as(agreement.get("licensor").stringValue())
              .post("/v1/agreements/" + registryId + "/revocation", RegistryConnection.object())
              .expectSuccess("revoking agreement " + target);
        }
      }
      throw new LoadFailure("the case revokes " + target + ", which it does not record");
    }

    private String registryId(String caseId) {
      String id = ids.registryId(caseId);
      if (id == null) {
        throw new LoadFailure(caseId + " is referred to before it is recorded");
      }
      return id;
    }

    private ObjectNode party(String caseId) {
      ObjectNode party = RegistryConnection.object().put("id", ids.party(caseId));
      JsonNode known = parties.get(caseId);
      if (known != null && known.has("name")) {
        party.put("name", known.get("name").stringValue());
      }
      return party;
    }

    private ArrayNode subjects(JsonNode subjects) {
      ArrayNode mapped = RegistryConnection.JSON.createArrayNode();
      subjects.forEach(subject -> mapped.add(ids.subject(subject)));
      return mapped;
    }

    private void window(JsonNode record, ObjectNode body) {
      for (String bound : List.of("validFrom", "validUntil")) {
        if (record.has(bound)) {
          Instant shifted = Instant.parse(record.get(bound).stringValue()).plus(offset);
          body.put(bound, shifted.toString());
        }
      }
    }

    private String requiredLevel(JsonNode declaration) {
      if (declaration.has("trustLevel")) {
        return declaration.get("trustLevel").stringValue();
      }
      JsonNode declarant = parties.get(declaration.get("declarant").stringValue());
      return declarant == null
          ? "self-asserted"
          : declarant.path("trustLevel").stringValue("self-asserted");
    }

    /**
     * Gives the declarant what the registry grades the level from: an operator's verification for
     * the institution and operator levels (vouching for the subjects' domains), proved domains for
     * domain-verified, nothing for self-asserted.
     */
    private void prepare(String declarant, String level, ArrayNode subjects) {
      Set<String> missing = new HashSet<>();
      for (String host : webHosts(subjects)) {
        if (!controls(declarant, host)) {
          missing.add(host);
        }
      }
      if (OPERATOR_LEVELS.contains(level)) {
        if (!level.equals(verification.get(declarant)) || !missing.isEmpty()) {
          verify(declarant, level, missing);
        }
      } else if (level.equals("domain-verified")
          && !verification.containsKey(declarant)
          && answerer != null) {
        missing.forEach(host -> prove(declarant, host));
      }
    }

    private void verify(String party, String level, Set<String> hosts) {
      ObjectNode body = RegistryConnection.object().put("level", level);
      ArrayNode identifiers = body.putArray("identifiers");
      hosts.forEach(
          host ->
              identifiers.add(
                  RegistryConnection.object().put("scheme", "domain").put("value", host)));
      operator
          .post("/v1/parties/" + ids.party(party) + "/verification", body)
          .expectSuccess("verifying " + party + " as " + level);
      verification.put(party, level);
      domains.computeIfAbsent(party, p -> new HashSet<>()).addAll(hosts);
    }

    private void prove(String party, String host) {
      String path = "/v1/parties/" + ids.party(party) + "/domain-challenges";
      ObjectNode body = RegistryConnection.object().put("domain", host).put("method", "dns");
      JsonNode challenge =
          as(party).post(path, body).expectSuccess("starting a challenge for " + host);
      answerer.answer(challenge.get("domain").stringValue(), challenge.get("value").stringValue());
      as(party)
          .post(
              path + "/" + challenge.get("id").stringValue() + "/verification",
              RegistryConnection.object())
          .expectSuccess("proving " + host + " for " + party);
      domains.computeIfAbsent(party, p -> new HashSet<>()).add(host);
    }

    private boolean controls(String party, String host) {
      Set<String> proved = domains.getOrDefault(party, Set.of());
      for (String candidate = host; ; candidate = candidate.substring(candidate.indexOf('.') + 1)) {
        if (proved.contains(candidate)) {
          return true;
        }
        if (candidate.indexOf('.') < 0) {
          return false;
        }
      }
    }

    private static Set<String> webHosts(ArrayNode subjects) {
      Set<String> hosts = new HashSet<>();
      for (JsonNode subject : subjects) {
        String type = subject.get("type").stringValue();
        String value = subject.path("value").stringValue(null);
        if (type.equals("url") || type.equals("url-prefix")) {
          hosts.add(URI.create(UrlIdentity.normalise(value)).getHost());
        } else if (type.equals("domain")) {
          hosts.add(UrlIdentity.normaliseHost(value));
        }
      }
      return hosts;
    }

    /**
     * A declaration graded otherwise than the case says is fine where the level cannot matter: the
     * case names no trust level for it in its evidence, and no counting profile tells an allowance
     * at one level from one at the other.
     */
    private void checkLevel(JsonNode declaration, String required, String graded) {
      if (graded.equals(required)) {
        return;
      }
      String id = declaration.get("id").stringValue();
      boolean named = false;
      for (JsonNode evidence : json.get("expected").path("evidence")) {
        named |= id.equals(evidence.path("id").stringValue(null)) && evidence.has("trustLevel");
      }
      boolean counted =
          COUNTING_PROFILES.contains(json.path("profile").stringValue(""))
              && required.equals("self-asserted") != graded.equals("self-asserted")
              && declaration.get("usages").toString().contains("\"allowed\"");
      if (named || counted) {
        throw new NotExpressible(
            "not expressible over the API: declaration "
                + id
                + " must be "
                + required
                + ", but the registry grades it "
                + graded
                + (required.equals("domain-verified") && answerer == null
                    ? " (domain-verified needs a domain challenge, which this runner cannot"
                        + " answer for this registry)"
                    : " (the registry grades from the declarant's verification and proved"
                        + " domains, and this case's levels cannot all be reached that way)"));
      }
    }

    private RegistryConnection as(String caseParty) {
      String token = tokens.get(caseParty);
      if (token == null) {
        throw new LoadFailure(
            "the case acts as " + caseParty + ", which is not one of its parties");
      }
      return registry.as(token);
    }

    private ObjectNode question() {
      ObjectNode body = RegistryConnection.object();
      body.put("usage", json.get("usage").stringValue());
      body.putArray("items").add(ids.item(json.get("item")));
      return body;
    }

    private Probe probe() {
      JsonNode answer =
          registry.anonymous().post("/v1/checks", question()).expectSuccess("reading the clock");
      return new Probe(
          Instant.parse(answer.get("evaluatedAt").stringValue()),
          answer.get("registrySequence").asLong());
    }

    private void waitUntilAfter(Instant instant) {
      Instant giveUp = Instant.now().plus(LONGEST_WAIT);
      while (!probe().evaluatedAt().isAfter(instant)) {
        if (Instant.now().isAfter(giveUp)) {
          throw new LoadFailure("the registry's clock did not pass " + instant);
        }
        sleep(Duration.ofMillis(20));
      }
    }

    /** Asks the registry, with the case's signals sent with the item; the whole answer. */
    private JsonNode check(Instant evaluatedAt) {
      ObjectNode body = question();
      if (json.has("profile")) {
        body.put("profile", json.get("profile").stringValue());
      }
      if (!json.path("signals").isEmpty()) {
        ((ObjectNode) body.get("items").get(0)).set("signals", json.get("signals").deepCopy());
        if (json.has("failClosed")) {
          body.put("onUnreadableSignal", json.get("failClosed").stringValue());
        }
      }
      body.put("at", evaluatedAt.toString());
      String requester = json.path("requester").stringValue(null);
      RegistryConnection asker = requester == null ? registry.anonymous() : as(requester);
      return asker.post("/v1/checks", body).expectSuccess("checking the item");
    }

    /** The case's expectation in the registry's terms: its ids and its head sequence. */
    private JsonNode expected(long head) {
      ObjectNode expected = (ObjectNode) json.get("expected").deepCopy();
      if (expected.path("registrySequence").asLong(-1) == state.path("sequence").asLong(-2)) {
        expected.put("registrySequence", head);
      }
      for (JsonNode evidence : expected.path("evidence")) {
        String id = evidence.path("id").stringValue(null);
        if (id != null && ids.registryId(id) != null) {
          ((ObjectNode) evidence).put("id", ids.registryId(id));
        }
      }
      return expected;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the registry's clock", e);
    }
  }
}
