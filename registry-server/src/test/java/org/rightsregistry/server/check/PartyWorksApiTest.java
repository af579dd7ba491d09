package org.rightsregistry.server.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.offline.Snapshot;
import org.rightsregistry.client.offline.SnapshotDeclaration;
import org.rightsregistry.client.offline.SnapshotFormat;
import org.rightsregistry.server.DecisionSchema;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryHttp.Response;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestParties;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** Declarations and agreements on all works of a party, from the request to the decision. */
@RegistryTest
class PartyWorksApiTest {

  @Value("${local.server.port}")
  int port;

  @Autowired DeclarationStore store;

  String holder;
  RegistryHttp asHolder;
  String host;

  @BeforeEach
  void setUp() {
    holder = TestParties.newParty(port, "creator");
    asHolder = new RegistryHttp(port).as(TestParties.token(port, holder));
    host = "w" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
  }

  @Test
  void declare_allWorksOfAnotherParty_isRefusedNamingThePartyField() {
    String other = TestParties.newParty(port, "creator");
    long before = store.headSequence();

    Response refused =
        asHolder.postJson(
            "/v1/declarations", declaration(holder, null, url("a.jpg") + "," + works(other)));

    assertRefused(refused, "/subjects/1/party", before);
    assertThat(refused.json().get("detail").asString()).contains(other).contains(holder);
  }

  @Test
  void declare_forAHolder_coversOnlyThatHoldersWorks() {
    long before = store.headSequence();

    Response refused =
        asHolder.postJson(
            "/v1/declarations",
            declaration(holder, TestParties.newParty(port, "rights-holder"), works(holder)));

    assertRefused(refused, "/subjects/0/party", before);
  }

  @Test
  void declare_allWorksOfAnUnknownHolder_isRefused() {
    String unknown = "unknown-" + UUID.randomUUID().toString().substring(0, 8);
    long before = store.headSequence();

    Response refused =
        asHolder.postJson("/v1/declarations", declaration(holder, unknown, works(unknown)));

    // Refused before the registry looks the party up: only the party itself speaks for its works.
    assertRefused(refused, "/subjects/0/party", before);
    assertThat(refused.json().get("detail").asString()).contains(unknown).contains(holder);
  }

  @Test
  void declare_allWorksOfAnotherPartyNamedAsRightsHolder_isRefusedAndStoresNothing() {
    String bob = TestParties.newParty(port, "creator");
    long before = store.headSequence();

    Response refused =
        asHolder.postJson(
            "/v1/declarations",
            declaration(holder, bob, works(bob), "{\"generative-ai-training\": \"allowed\"}", ""));

    assertRefused(refused, "/subjects/0/party", before);
    assertThat(refused.json().get("detail").asString()).contains(bob).contains(holder);
  }

  @Test
  void batchLine_allWorksOfAnotherPartyNamedAsRightsHolder_namesTheLineAndTheField() {
    String bob = TestParties.newParty(port, "creator");
    long before = store.headSequence();
    String good = declaration(holder, null, url("a.jpg"));
    String bad = declaration(holder, bob, url("b.jpg") + "," + works(bob));

    Response refused = batchOf(good, bad);

    assertRefused(refused, "/subjects/1/party", before);
    assertThat(refused.json().get("line").asInt()).isEqualTo(2);
  }

  @Test
  void declare_verifiedInstitutionOnAnotherPartysWorks_isRefused() {
    String institution = TestParties.newParty(port, "institution");
    Response verified =
        TestParties.operator(port)
            .postJson(
                "/v1/parties/" + institution + "/verification",
                "{\"level\": \"institution-verified\"}");
    assertThat(verified.status()).as(verified.body()).isLessThan(300);
    RegistryHttp asInstitution = new RegistryHttp(port).as(TestParties.token(port, institution));
    long before = store.headSequence();

    Response namingHolder =
        asInstitution.postJson("/v1/declarations", declaration(institution, holder, works(holder)));
    Response withoutHolder =
        asInstitution.postJson("/v1/declarations", declaration(institution, null, works(holder)));

    assertRefused(namingHolder, "/subjects/0/party", before);
    assertRefused(withoutHolder, "/subjects/0/party", before);
  }

  @Test
  void declare_authorisedAgentOnAllWorksOfItsPrincipal_isRecordedAsThePrincipals() {
    String agent = TestParties.newParty(port, "agent");
    authoriseAgent(agent, "declare");
    RegistryHttp asAgent = new RegistryHttp(port).as(TestParties.token(port, agent));

    Response declared =
        asAgent.postJson("/v1/declarations", declaration(holder, null, works(holder)));
    Response namingHolder =
        asAgent.postJson("/v1/declarations", declaration(holder, holder, works(holder)));

    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    assertThat(declared.json().get("declarant").get("id").asString()).isEqualTo(holder);
    assertThat(declared.json().get("recordedBy").get("id").asString()).isEqualTo(agent);
    assertThat(namingHolder.status()).as(namingHolder.body()).isEqualTo(201);
  }

  @Test
  void declare_agentInItsOwnNameForItsPrincipal_isRefused() {
    String agent = TestParties.newParty(port, "agent");
    authoriseAgent(agent, "declare");
    RegistryHttp asAgent = new RegistryHttp(port).as(TestParties.token(port, agent));
    long before = store.headSequence();

    Response refused =
        asAgent.postJson("/v1/declarations", declaration(agent, holder, works(holder)));

    assertRefused(refused, "/subjects/0/party", before);
  }

  @Test
  void agreement_byAnotherPartyAsLicensorOfTheHoldersWorks_isRefused() {
    String alice = TestParties.newParty(port, "creator");
    String licensee = TestParties.newParty(port, "licensee");
    RegistryHttp asAlice = new RegistryHttp(port).as(TestParties.token(port, alice));
    long before = store.headSequence();

    Response refused =
        asAlice.postJson(
            "/v1/agreements",
            """
            {"licensor": {"id": "%s"}, "licensee": {"id": "%s"},
             "covers": [{"type": "party-works", "party": "%s"}], "usages": ["ai-training"]}"""
                .formatted(holder, licensee, holder));

    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("field").asString()).isEqualTo("/licensor/id");
    assertThat(store.headSequence()).isEqualTo(before);
  }

  @Test
  void agreement_authorisedAgentOnAllWorksOfItsPrincipal_isRecorded() {
    String agent = TestParties.newParty(port, "agent");
    String licensee = TestParties.newParty(port, "licensee");
    authoriseAgent(agent, "declare");
    RegistryHttp asAgent = new RegistryHttp(port).as(TestParties.token(port, agent));

    Response created =
        asAgent.postJson(
            "/v1/agreements",
            """
            {"licensor": {"id": "%s"}, "licensee": {"id": "%s"},
             "covers": [{"type": "party-works", "party": "%s"}], "usages": ["ai-training"]}"""
                .formatted(holder, licensee, holder));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("licensor").get("id").asString()).isEqualTo(holder);
  }

  @Test
  void declare_allWorksWithoutTheParty_isRefusedByTheSchema() {
    long before = store.headSequence();

    Response refused =
        asHolder.postJson(
            "/v1/declarations", declaration(holder, null, "{\"type\": \"party-works\"}"));

    assertRefused(refused, "/subjects/0/party", before);
  }

  @Test
  void batchLine_allWorksOfAnotherParty_namesTheLineAndTheField() {
    long before = store.headSequence();
    String good = declaration(holder, null, url("a.jpg"));
    String bad = declaration(holder, null, works("someone-else"));

    Response refused = batchOf(good, bad);

    assertRefused(refused, "/subjects/0/party", before);
    assertThat(refused.json().get("line").asInt()).isEqualTo(2);
  }

  @Test
  void agreement_coveringAnotherPartysWorks_isRefused() {
    String licensee = TestParties.newParty(port, "licensee");
    long before = store.headSequence();

    Response refused =
        asHolder.postJson(
            "/v1/agreements",
            """
            {"licensor": {"id": "%s"}, "licensee": {"id": "%s"},
             "covers": [{"type": "party-works", "party": "%s"}], "usages": ["ai-training"]}"""
                .formatted(holder, licensee, licensee));

    assertRefused(refused, "/covers/0/party", before);
  }

  @Test
  void declaration_onAllWorks_isStoredAndReadBack() throws Exception {
    String id = declare(declaration(holder, null, works(holder)));

    JsonNode read = asHolder.get("/v1/declarations/" + id).json();
    HttpResponse<String> turtle = linked(id, "text/turtle");

    JsonNode subject = read.get("subjects").get(0);
    assertThat(subject.size()).isEqualTo(2);
    assertThat(subject.get("type").asString()).isEqualTo("party-works");
    assertThat(subject.get("party").asString()).isEqualTo(holder);
    assertThat(read.get("trustLevel").asString()).isEqualTo("self-asserted");
    assertThat(turtle.statusCode()).isEqualTo(200);
    assertThat(turtle.body()).contains("worksOf").contains("\"" + holder + "\"");
  }

  @Test
  void check_itemTheHolderDeclaredOn_bringsInItsStatementsOnAllWorks() {
    declare(declaration(holder, null, url("a.jpg"), "{\"search-indexing\": \"allowed\"}", ""));
    declare(declaration(holder, null, works(holder)));

    JsonNode result =
        check(
            "generative-ai-training",
            "{\"url\": \"https://" + host + "/a.jpg\"}",
            "{\"url\": \"https://" + host + "/b.jpg\"}");

    JsonNode declared = result.get("decisions").get(0);
    assertThat(declared.get("verdict").asString()).isEqualTo("DENY");
    assertThat(declared.get("explanation").asString()).contains("all works of " + holder);
    JsonNode evidence = declared.get("evidence").get(0);
    assertThat(evidence.get("matched").get("type").asString()).isEqualTo("party-works");
    assertThat(evidence.get("matched").get("party").asString()).isEqualTo(holder);
    assertThat(evidence.get("decisive").asBoolean()).isTrue();
    assertThat(result.get("decisions").get(1).get("verdict").asString()).isEqualTo("UNKNOWN");
  }

  @Test
  void check_holdersDomainStatement_outranksItsStatementOnAllWorks() {
    declare(
        declaration(
            holder,
            null,
            "{\"type\": \"domain\", \"value\": \"" + host + "\"}",
            "{\"ai-training\": \"allowed\"}",
            ""));
    declare(declaration(holder, null, works(holder)));

    JsonNode decision =
        check("ai-training", "{\"url\": \"https://" + host + "/a.jpg\"}").get("decisions").get(0);

    assertThat(decision.get("verdict").asString()).isEqualTo("ALLOW");
    assertThat(decision.get("evidence")).hasSize(2);
  }

  @Test
  void check_licenceOnAllWorksOfTheLicensor_allowsItsWorksToTheLicensee() {
    String licensee = TestParties.newParty(port, "licensee");
    declare(declaration(holder, null, url("a.jpg"), "{\"ai-training\": \"reserved\"}", ""));
    licenseAllWorksTo(licensee);

    JsonNode decision = checkAs(licensee, "a.jpg", "b.jpg");

    assertThat(decision.get(0).get("verdict").asString()).isEqualTo("ALLOW");
    assertThat(decision.get(0).get("rule").asString()).isEqualTo("licensed");
    assertThat(decision.get(1).get("verdict").asString()).isEqualTo("UNKNOWN");
  }

  @Test
  void check_itemAnotherDeclarantNamedTheHolderOn_isNotTheHoldersWork() {
    String alice = TestParties.newParty(port, "creator");
    RegistryHttp asAlice = new RegistryHttp(port).as(TestParties.token(port, alice));
    declare(declaration(holder, null, works(holder)));
    Response byAlice =
        asAlice.postJson(
            "/v1/declarations",
            declaration(alice, holder, url("a.jpg"), "{\"ai-training\": \"allowed\"}", ""));
    assertThat(byAlice.status()).as(byAlice.body()).isEqualTo(201);
    String aliceId = byAlice.json().get("id").asString();

    JsonNode decision =
        check("ai-training", "{\"url\": \"https://" + host + "/a.jpg\"}").get("decisions").get(0);

    // Alice's statement is the evidence; the holder's reservation on all its works does not bear.
    assertThat(decision.get("verdict").asString()).isEqualTo("ALLOW");
    assertThat(decision.get("evidence")).hasSize(1);
    JsonNode evidence = decision.get("evidence").get(0);
    assertThat(evidence.get("declarationId").asString()).isEqualTo(aliceId);
    assertThat(evidence.get("matched").get("type").asString()).isEqualTo("url");
    assertThat(evidence.get("declarant").get("id").asString()).isEqualTo(alice);
  }

  @Test
  void check_itemTheHoldersAgentDeclaredOn_isTheHoldersWork() {
    String agent = TestParties.newParty(port, "agent");
    authoriseAgent(agent, "declare");
    RegistryHttp asAgent = new RegistryHttp(port).as(TestParties.token(port, agent));
    declare(declaration(holder, null, works(holder)));
    Response byAgent =
        asAgent.postJson(
            "/v1/declarations",
            declaration(holder, null, url("a.jpg"), "{\"search-indexing\": \"allowed\"}", ""));
    assertThat(byAgent.status()).as(byAgent.body()).isEqualTo(201);

    JsonNode decision =
        check("ai-training", "{\"url\": \"https://" + host + "/a.jpg\"}").get("decisions").get(0);

    assertThat(decision.get("verdict").asString()).isEqualTo("DENY");
    assertThat(decision.get("evidence").get(0).get("matched").get("party").asString())
        .isEqualTo(holder);
  }

  @Test
  void check_licenceOnAllWorks_doesNotCoverAnItemAnotherDeclarantNamedTheLicensorOn() {
    String alice = TestParties.newParty(port, "creator");
    String licensee = TestParties.newParty(port, "licensee");
    RegistryHttp asAlice = new RegistryHttp(port).as(TestParties.token(port, alice));
    Response byAlice =
        asAlice.postJson("/v1/declarations", declaration(alice, holder, url("a.jpg")));
    assertThat(byAlice.status()).as(byAlice.body()).isEqualTo(201);
    licenseAllWorksTo(licensee);

    JsonNode decision = checkAs(licensee, "a.jpg").get(0);

    assertThat(decision.get("verdict").asString()).isEqualTo("DENY");
    assertThat(decision.get("rule").asString()).isEqualTo("reservation");
  }

  @Test
  void snapshot_carriesStatementsOnAllWorks() {
    String id = declare(declaration(holder, null, works(holder)));

    HttpResponse<byte[]> response = snapshot();
    Snapshot snapshot = SnapshotFormat.read(new ByteArrayInputStream(response.body()));

    SnapshotDeclaration offline =
        snapshot.declarations().stream()
            .filter(declaration -> declaration.id().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(offline.subjects()).containsExactly(Selector.partyWorks(holder));
  }

  private void authoriseAgent(String agent, String scope) {
    Response authorised =
        asHolder.postJson(
            "/v1/parties/" + holder + "/agents",
            "{\"agent\": \"%s\", \"scopes\": [\"%s\"]}".formatted(agent, scope));
    assertThat(authorised.status()).as(authorised.body()).isEqualTo(201);
  }

  private void assertRefused(Response refused, String field, long sequenceBefore) {
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("field").asString()).isEqualTo(field);
    assertThat(store.headSequence()).isEqualTo(sequenceBefore);
  }

  private String declare(String body) {
    Response created = asHolder.postJson("/v1/declarations", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private JsonNode check(String usage, String... items) {
    Response response =
        new RegistryHttp(port)
            .postJson(
                "/v1/checks",
                "{\"usage\": \"%s\", \"items\": [%s]}".formatted(usage, String.join(",", items)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return DecisionSchema.assertValid(response.json());
  }

  private String url(String path) {
    return "{\"type\": \"url\", \"value\": \"https://" + host + "/" + path + "\"}";
  }

  private static String works(String party) {
    return "{\"type\": \"party-works\", \"party\": \"" + party + "\"}";
  }

  private static String declaration(String declarant, String rightsHolder, String subjects) {
    return declaration(declarant, rightsHolder, subjects, "{\"ai-training\": \"reserved\"}", "");
  }

  private static String declaration(
      String declarant, String rightsHolder, String subjects, String usages, String more) {
    String holderField =
        rightsHolder == null ? "" : ", \"rightsHolder\": {\"id\": \"" + rightsHolder + "\"}";
    return """
        {"declarant": {"id": "%s"}%s, "subjects": [%s], "usages": %s%s}"""
        .formatted(declarant, holderField, subjects, usages, more);
  }

  private HttpResponse<String> linked(String id, String accept) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/declarations/" + id))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> snapshot() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/snapshot"))
            .timeout(Duration.ofSeconds(120))
            .GET()
            .build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The holder licenses all its works, for ai-training, to the licensee. */
  private void licenseAllWorksTo(String licensee) {
    Response agreement =
        asHolder.postJson(
            "/v1/agreements",
            """
            {"licensor": {"id": "%s"}, "licensee": {"id": "%s"},
             "covers": [{"type": "party-works", "party": "%s"}], "usages": ["ai-training"]}"""
                .formatted(holder, licensee, holder));
    assertThat(agreement.status()).as(agreement.body()).isEqualTo(201);
  }

  /** The party's decisions for ai-training of paths on the holder's host, schema-checked. */
  private JsonNode checkAs(String party, String... paths) {
    StringBuilder items = new StringBuilder();
    for (String path : paths) {
      items.append(items.isEmpty() ? "" : ", ");
      items.append("{\"url\": \"https://").append(host).append('/').append(path).append("\"}");
    }
    RegistryHttp asParty = new RegistryHttp(port).as(TestParties.token(port, party));
    return DecisionSchema.assertValid(
            asParty
                .postJson("/v1/checks", "{\"usage\": \"ai-training\", \"items\": [" + items + "]}")
                .json())
        .get("decisions");
  }

  /** The holder's batch of the given declarations, one a line, under a new idempotency key. */
  private Response batchOf(String... declarations) {
    StringBuilder lines = new StringBuilder();
    for (String declaration : declarations) {
      lines.append(declaration.replace("\n", " ")).append('\n');
    }
    return asHolder.post(
        "/v1/declarations/batch",
        "application/x-ndjson",
        lines.toString(),
        "Idempotency-Key",
        UUID.randomUUID().toString());
  }
}
