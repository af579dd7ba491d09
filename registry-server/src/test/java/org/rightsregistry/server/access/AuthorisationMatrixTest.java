package org.rightsregistry.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryHttp.Response;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestDomains;
import org.rightsregistry.server.TestParties;
import org.rightsregistry.server.persistence.AuditStore;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The authorisation matrix: every endpoint, called by every relation, is allowed or refused exactly
 * as {@link Operation} says, and a refusal stores nothing and audits nothing.
 */
@RegistryTest
class AuthorisationMatrixTest {

  @Value("${local.server.port}")
  int port;

  @Autowired DeclarationStore declarations;

  @Autowired AuditStore audit;

  @Autowired TestDomains web;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      for (Relation relation : Relation.values()) {
        if (operation.applies(relation)) {
          cells.add(Arguments.of(operation, relation));
        }
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} by {1}")
  @MethodSource("cells")
  void everyEndpointEnforcesTheMatrix(Operation operation, Relation relation) {
    Scene scene = new Scene(operation);
    long head = declarations.headSequence();
    int events = audit.count();

    Response response = scene.call(operation, relation);

    if (operation.allows(relation)) {
      assertThat(response.status()).as(response.body()).isBetween(200, 201);
    } else {
      assertThat(response.status())
          .as(response.body())
          .isEqualTo(relation == Relation.ANONYMOUS ? 401 : 403);
      assertThat(response.isProblem()).isTrue();
      assertThat(declarations.headSequence()).isEqualTo(head);
      assertThat(audit.count()).isEqualTo(events);
    }
  }

  @Test
  void readmeHoldsTheMatrixGeneratedFromTheTable() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(readme).contains(AccessMatrix.markdown());
  }

  @Test
  void everyEndpointThatWritesIsInTheMatrix() {
    List<String> missing = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues()
                    .forEach(
                        pattern ->
                            info.getMethodsCondition()
                                .getMethods()
                                .forEach(
                                    method -> {
                                      if (pattern.startsWith("/v1/")
                                          && !method.name().equals("GET")
                                          && Operation.of(method.name(), pattern).isEmpty()) {
                                        missing.add(method.name() + " " + pattern);
                                      }
                                    })));

    assertThat(missing).isEmpty();
  }

  /**
   * A fresh party with a declaration naming a rights holder, an authorised agent, another party and
   * the operator, each with a credential holding every scope.
   */
  private final class Scene {

    final String target = TestParties.newParty(port, "creator");
    final String holder = TestParties.newParty(port, "rights-holder");
    final String agent = TestParties.newParty(port, "agent");
    final String other = TestParties.newParty(port, "creator");
    final RegistryHttp asTarget = as(target);
    final RegistryHttp asHolder = as(holder);
    final RegistryHttp asAgent = as(agent);
    final RegistryHttp asOther = as(other);
    final String declaration;
    final String agentAuthorisation;
    final String agreement;

    /** What the operation acts on beyond the scene, made before anything is counted. */
    final String spareToken;

    final String placedChallenge;

    Scene(Operation operation) {
      spareToken = operation == Operation.REVOKE_TOKEN ? spareToken() : null;
      placedChallenge = operation == Operation.VERIFY_DOMAIN_CHALLENGE ? placedChallenge() : null;
      agentAuthorisation =
          created(
                  asTarget.postJson(
                      "/v1/parties/" + target + "/agents",
                      "{\"agent\": \"%s\", \"scopes\": [\"declare\", \"revoke\"]}"
                          .formatted(agent)))
              .get("id")
              .asString();
      declaration =
          created(asTarget.postJson("/v1/declarations", declarationBy(target, null, holder)))
              .get("id")
              .asString();
      agreement =
          created(asTarget.postJson("/v1/agreements", agreementBy(target, holder)))
              .get("id")
              .asString();
    }

    Response call(Operation operation, Relation relation) {
      RegistryHttp actor = actor(relation);
      String self = actingParty(relation);
      String base = "/v1/parties/" + target;
      return switch (operation) {
        case CHECK_ITEMS ->
            actor.postJson(
                "/v1/checks",
                "{\"usage\": \"ai-training\", \"items\": [{\"url\": \"https://a.example/\"}]}");
        case READ_DECLARATION -> actor.get("/v1/declarations/" + declaration);
        case READ_SNAPSHOT -> actor.get("/v1/snapshot");
        case READ_CHANGES -> actor.get("/v1/changes");
        case DECLARE -> actor.postJson("/v1/declarations", declarationBy(target, null, null));
        case SUPERSEDE ->
            actor.postJson("/v1/declarations", declarationBy(self, declaration, null));
        case DECLARE_BATCH ->
            actor.post(
                "/v1/declarations/batch",
                "application/x-ndjson",
                declarationBy(target, null, null).replace("\n", "") + "\n",
                "Idempotency-Key",
                UUID.randomUUID().toString());
        case REVOKE_DECLARATION ->
            actor.postJson("/v1/declarations/" + declaration + "/revocation", "");
        case CREATE_AGREEMENT -> actor.postJson("/v1/agreements", agreementBy(target, other));
        case REVOKE_AGREEMENT -> actor.postJson("/v1/agreements/" + agreement + "/revocation", "");
        case CREATE_PARTY ->
            actor.postJson(
                "/v1/parties",
                "{\"id\": \"p-%s\", \"name\": \"New\", \"role\": \"creator\"}"
                    .formatted(UUID.randomUUID()));
        case READ_PARTY -> actor.get(base);
        case ISSUE_TOKEN -> actor.postJson(base + "/tokens", "{\"scopes\": [\"read\"]}");
        case REVOKE_TOKEN -> actor.postJson(base + "/tokens/" + spareToken + "/revocation", "");
        case START_DOMAIN_CHALLENGE ->
            actor.postJson(
                base + "/domain-challenges",
                "{\"domain\": \"%s.example\", \"method\": \"http\"}".formatted(target));
        case VERIFY_DOMAIN_CHALLENGE -> actor.postJson(placedChallenge, "");
        case AUTHORISE_AGENT ->
            actor.postJson(
                base + "/agents",
                "{\"agent\": \"%s\", \"scopes\": [\"declare\"]}".formatted(other));
        case REVOKE_AGENT ->
            actor.postJson(base + "/agents/" + agentAuthorisation + "/revocation", "");
        case VERIFY_PARTY ->
            actor.postJson(base + "/verification", "{\"level\": \"institution-verified\"}");
        case SUSPEND_PARTY -> actor.postJson(base + "/suspension", "{\"reason\": \"test\"}");
        case READ_AUDIT_TRAIL -> actor.get(base + "/audit");
      };
    }

    private RegistryHttp actor(Relation relation) {
      return switch (relation) {
        case ANONYMOUS -> new RegistryHttp(port);
        case SELF -> asTarget;
        case RIGHTS_HOLDER -> asHolder;
        case AGENT -> asAgent;
        case OTHER_PARTY -> asOther;
        case OPERATOR -> TestParties.operator(port);
      };
    }

    /** Whom the actor declares as when it supersedes: itself, or its principal. */
    private String actingParty(Relation relation) {
      return switch (relation) {
        case ANONYMOUS, SELF, AGENT -> target;
        case RIGHTS_HOLDER -> holder;
        case OTHER_PARTY -> other;
        case OPERATOR -> "operator";
      };
    }

    private String spareToken() {
      return created(
              asTarget.postJson("/v1/parties/" + target + "/tokens", "{\"scopes\": [\"read\"]}"))
          .get("id")
          .asString();
    }

    private String placedChallenge() {
      JsonNode challenge =
          created(
              asTarget.postJson(
                  "/v1/parties/" + target + "/domain-challenges",
                  "{\"domain\": \"%s.example\", \"method\": \"http\"}".formatted(target)));
      String value = challenge.get("value").asString();
      web.serve(target + ".example", "/.well-known/rights-registry-challenge/" + value, value);
      return challenge.get("verification").asString();
    }

    private RegistryHttp as(String party) {
      return new RegistryHttp(port).as(TestParties.token(port, party));
    }
  }

  private static JsonNode created(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  private static String declarationBy(String declarant, String supersedes, String holder) {
    return """
        {"declarant": {"id": "%s"}, %s %s
         "subjects": [{"type": "url", "value": "https://%s.example/a.jpg"}],
         "usages": {"ai-training": "reserved"}}
        """
        .formatted(
            declarant,
            supersedes == null ? "" : "\"supersedes\": \"" + supersedes + "\",",
            holder == null ? "" : "\"rightsHolder\": {\"id\": \"" + holder + "\"},",
            UUID.randomUUID());
  }

  private static String agreementBy(String licensor, String licensee) {
    return """
        {"licensor": {"id": "%s"}, "licensee": {"id": "%s"},
         "covers": [{"type": "url", "value": "https://%s.example/a.jpg"}],
         "usages": ["ai-training"]}
        """
        .formatted(licensor, licensee, UUID.randomUUID());
  }
}
