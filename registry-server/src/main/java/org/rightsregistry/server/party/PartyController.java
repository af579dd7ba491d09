package org.rightsregistry.server.party;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.access.Caller;
import org.rightsregistry.server.access.Credential;
import org.rightsregistry.server.audit.AuditEvent;
import org.rightsregistry.server.party.PartyService.Identifier;
import org.rightsregistry.server.party.RegisteredParty.VerifiedIdentifier;
import org.rightsregistry.server.web.JsonDocuments;
import org.rightsregistry.server.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/parties}: party profiles (public), and what a party or an operator administers:
 * credentials, domain proofs, agents, verification, suspension and the audit trail.
 */
@RestController
@RequestMapping(path = "/v1/parties", produces = MediaType.APPLICATION_JSON_VALUE)
class PartyController {

  static final int MAX_BODY_BYTES = 64 << 10;
  private static final int MAX_AUDIT_PAGE = 1000;
  private static final JsonNodeFactory json = JsonNodeFactory.instance;

  private final PartyService parties;
  private final DomainVerificationService domains;
  private final JsonDocuments documents;

  PartyController(
      PartyService parties, DomainVerificationService domains, JsonDocuments documents) {
    this.parties = parties;
    this.domains = domains;
    this.documents = documents;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectNode> create(Caller caller, InputStream body) {
    RequestFields fields = fields(body, "id", "name", "role");
    String id = fields.partyId("id");
    String name = fields.text("name", true, 300);
    PartyRole role = fields.oneOf("role", true, PartyRole::fromId);
    fields.check();
    RegisteredParty party = parties.create(id, name, role, caller);
    return ResponseEntity.created(URI.create("/v1/parties/" + id)).body(write(party));
  }

  @GetMapping("/{id}")
  ObjectNode get(@PathVariable String id) {
    return write(parties.find(id));
  }

  @PostMapping(path = "/{id}/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectNode> issueToken(@PathVariable String id, Caller caller, InputStream body) {
    RequestFields fields = fields(body, "scopes", "expiresAt", "label", "requestsPerMinute");
    var scopes = fields.scopes("scopes");
    var expiresAt = fields.instant("expiresAt");
    String label = fields.text("label", false, 200);
    Integer perMinute = fields.positiveInt("requestsPerMinute");
    fields.check();
    IssuedToken issued = parties.issueToken(id, scopes, expiresAt, label, perMinute, caller);
    ObjectNode node = write(issued.credential());
    node.put("token", issued.token());
    return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store").body(node);
  }

  @PostMapping("/{id}/tokens/{tokenId}/revocation")
  ObjectNode revokeToken(@PathVariable String id, @PathVariable String tokenId, Caller caller) {
    parties.revokeToken(id, tokenId, caller);
    ObjectNode node = json.objectNode();
    node.put("id", tokenId);
    node.put("revoked", true);
    return node;
  }

  @PostMapping(path = "/{id}/domain-challenges", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectNode> startChallenge(
      @PathVariable String id, Caller caller, InputStream body) {
    RequestFields fields = fields(body, "domain", "method");
    String domain = fields.text("domain", true, 253);
    String method = fields.text("method", true, 8);
    if (method != null && !method.equals("http") && !method.equals("dns")) {
      fields.add(new Violation("/method", "method must be http or dns, not '" + method + "'"));
    }
    fields.check();
    DomainChallenge challenge = domains.start(id, domain, method, caller);
    return ResponseEntity.created(
            URI.create("/v1/parties/" + id + "/domain-challenges/" + challenge.id()))
        .body(write(challenge));
  }

  @PostMapping("/{id}/domain-challenges/{challengeId}/verification")
  ObjectNode verifyChallenge(
      @PathVariable String id, @PathVariable UUID challengeId, Caller caller) {
    return write(domains.verify(id, challengeId, caller));
  }

  @PostMapping(path = "/{id}/agents", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectNode> authoriseAgent(
      @PathVariable String id, Caller caller, InputStream body) {
    RequestFields fields = fields(body, "agent", "scopes");
    String agent = fields.partyId("agent");
    var scopes = fields.scopes("scopes");
    fields.check();
    AgentAuthorisation authorisation = parties.authoriseAgent(id, agent, scopes, caller);
    return ResponseEntity.status(HttpStatus.CREATED).body(write(authorisation));
  }

  @PostMapping("/{id}/agents/{authorisationId}/revocation")
  ObjectNode revokeAgent(
      @PathVariable String id, @PathVariable UUID authorisationId, Caller caller) {
    return write(parties.revokeAgent(id, authorisationId, caller));
  }

  @PostMapping(path = "/{id}/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
  ObjectNode verify(@PathVariable String id, Caller caller, InputStream body) {
    RequestFields fields = fields(body, "level", "identifiers");
    TrustLevel level = fields.oneOf("level", true, TrustLevel::fromId);
    List<Identifier> identifiers = identifiers(fields);
    fields.check();
    return write(parties.verify(id, level, identifiers, caller));
  }

  @PostMapping("/{id}/suspension")
  ObjectNode suspend(@PathVariable String id, Caller caller, InputStream body) {
    byte[] bytes = RequestBodies.read(body, MAX_BODY_BYTES);
    String reason = null;
    if (bytes.length > 0) {
      RequestFields fields = new RequestFields(documents.parse(bytes), "reason");
      reason = fields.text("reason", false, 2000);
      fields.check();
    }
    return write(parties.suspend(id, reason, caller));
  }

  @GetMapping("/{id}/audit")
  ObjectNode audit(
      @PathVariable String id,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit,
      Caller caller) {
    if (limit < 1 || limit > MAX_AUDIT_PAGE || after < 0) {
      throw new InvalidRequestException(
          new Violation("limit", "limit must be 1 to " + MAX_AUDIT_PAGE + " and after at least 0"));
    }
    List<AuditEvent> events = parties.auditTrail(id, after, limit, caller);
    ObjectNode node = json.objectNode();
    ArrayNode array = node.putArray("events");
    events.forEach(event -> array.add(write(event)));
    if (events.size() == limit) {
      node.put("next", "/v1/parties/" + id + "/audit?after=" + events.get(limit - 1).id());
    }
    return node;
  }

  private RequestFields fields(InputStream body, String... allowed) {
    return new RequestFields(documents.parse(RequestBodies.read(body, MAX_BODY_BYTES)), allowed);
  }

  private static List<Identifier> identifiers(RequestFields fields) {
    JsonNode node = fields.node("identifiers");
    List<Identifier> identifiers = new ArrayList<>();
    if (node == null) {
      return identifiers;
    }
    if (!node.isArray() || node.size() > 20) {
      fields.add(new Violation("/identifiers", "identifiers must be an array of at most 20"));
      return identifiers;
    }
    for (int i = 0; i < node.size(); i++) {
      try {
        identifiers.add(Identifiers.read(node.get(i)));
      } catch (IllegalArgumentException e) {
        fields.add(new Violation("/identifiers/" + i, e.getMessage()));
      }
    }
    return identifiers;
  }

  private static ObjectNode write(RegisteredParty party) {
    ObjectNode node = json.objectNode();
    node.put("id", party.id());
    node.put("name", party.name());
    node.put("role", party.role().id());
    if (party.verification() != null) {
      node.put("verification", party.verification().id());
    }
    node.put("createdAt", party.createdAt().toString());
    ArrayNode identifiers = node.putArray("identifiers");
    for (VerifiedIdentifier identifier : party.identifiers()) {
      ObjectNode entry = identifiers.addObject();
      entry.put("scheme", identifier.scheme());
      entry.put("value", identifier.value());
      entry.put("method", identifier.method());
      entry.put("verifiedAt", identifier.at().toString());
    }
    if (party.suspension() != null) {
      ObjectNode suspension = node.putObject("suspension");
      suspension.put("at", party.suspension().at().toString());
      suspension.put("by", party.suspension().by());
      if (party.suspension().reason() != null) {
        suspension.put("reason", party.suspension().reason());
      }
    }
    return node;
  }

  private static ObjectNode write(Credential credential) {
    ObjectNode node = json.objectNode();
    node.put("id", credential.id());
    node.put("party", credential.partyId());
    ArrayNode scopes = node.putArray("scopes");
    credential.scopes().stream().sorted().forEach(scope -> scopes.add(scope.id()));
    if (credential.label() != null) {
      node.put("label", credential.label());
    }
    node.put("requestsPerMinute", credential.requestsPerMinute());
    node.put("createdAt", credential.createdAt().toString());
    if (credential.expiresAt() != null) {
      node.put("expiresAt", credential.expiresAt().toString());
    }
    return node;
  }

  private static ObjectNode write(DomainChallenge challenge) {
    ObjectNode node = json.objectNode();
    node.put("id", challenge.id().toString());
    node.put("party", challenge.partyId());
    node.put("domain", challenge.domain());
    node.put("method", challenge.method());
    node.put("value", challenge.token());
    node.put("createdAt", challenge.createdAt().toString());
    node.put("expiresAt", challenge.expiresAt().toString());
    if (challenge.method().equals("http")) {
      node.put(
          "instructions",
          "Serve the value as the whole body of http://"
              + challenge.domain()
              + DomainVerificationService.WELL_KNOWN
              + challenge.token()
              + ", then POST to the verification link");
    } else {
      node.put(
          "instructions",
          "Add a TXT record at "
              + DomainVerificationService.TXT_NAME
              + challenge.domain()
              + " holding "
              + DomainVerificationService.TXT_PREFIX
              + challenge.token()
              + ", then POST to the verification link");
    }
    node.put(
        "verification",
        "/v1/parties/"
            + challenge.partyId()
            + "/domain-challenges/"
            + challenge.id()
            + "/verification");
    if (challenge.verifiedAt() != null) {
      node.put("verifiedAt", challenge.verifiedAt().toString());
    }
    return node;
  }

  private static ObjectNode write(AgentAuthorisation authorisation) {
    ObjectNode node = json.objectNode();
    node.put("id", authorisation.id().toString());
    node.put("principal", authorisation.principalId());
    node.put("agent", authorisation.agentId());
    ArrayNode scopes = node.putArray("scopes");
    authorisation.scopes().stream().sorted().forEach(scope -> scopes.add(scope.id()));
    node.put("createdAt", authorisation.createdAt().toString());
    if (authorisation.revokedAt() != null) {
      node.put("revokedAt", authorisation.revokedAt().toString());
    }
    return node;
  }

  private static ObjectNode write(AuditEvent event) {
    ObjectNode node = json.objectNode();
    node.put("id", event.id());
    node.put("recordedAt", event.recordedAt().toString());
    node.put("party", event.partyId());
    putIfPresent(node, "onBehalfOf", event.onBehalfOf());
    putIfPresent(node, "credential", event.tokenId());
    putIfPresent(node, "address", event.remoteAddress());
    node.put("action", event.action());
    putIfPresent(node, "target", event.target());
    putIfPresent(node, "detail", event.detail());
    return node;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
