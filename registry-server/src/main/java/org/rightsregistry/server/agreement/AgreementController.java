package org.rightsregistry.server.agreement;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.access.Caller;
import org.rightsregistry.server.web.JsonDocuments;
import org.rightsregistry.server.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v1/agreements}: a licensor grants a licensee a licence, and revokes it. */
@RestController
@RequestMapping("/v1/agreements")
class AgreementController {

  static final int MAX_DOCUMENT_BYTES = 1 << 20;
  private static final int MAX_REASON_LENGTH = 2000;

  private final AgreementService agreements;
  private final JsonDocuments documents;

  AgreementController(AgreementService agreements, JsonDocuments documents) {
    this.agreements = agreements;
    this.documents = documents;
  }

  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectNode> create(Caller caller, InputStream body) {
    JsonNode document = documents.agreement(RequestBodies.read(body, MAX_DOCUMENT_BYTES));
    StoredAgreement stored = agreements.create(AgreementDocuments.read(document), caller);
    return ResponseEntity.created(URI.create("/v1/agreements/" + stored.id()))
        .body(AgreementDocuments.write(stored));
  }

  @PostMapping(path = "/{id}/revocation", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectNode> revoke(@PathVariable UUID id, Caller caller, InputStream body) {
    String reason = readReason(RequestBodies.read(body, MAX_DOCUMENT_BYTES));
    StoredAgreement revoked = agreements.revoke(id, reason, caller);
    return ResponseEntity.status(HttpStatus.CREATED).body(AgreementDocuments.write(revoked));
  }

  private String readReason(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    JsonNode document = documents.parse(body);
    JsonNode reason = document.get("reason");
    if (!document.isObject()
        || document.size() != (reason == null ? 0 : 1)
        || (reason != null && !reason.isString())
        || (reason != null && reason.asString().length() > MAX_REASON_LENGTH)) {
      throw new InvalidRequestException(
          new Violation(
              "",
              "a revocation takes an empty body or {\"reason\": \"…\"} with at most "
                  + MAX_REASON_LENGTH
                  + " characters"));
    }
    return reason == null ? null : reason.asString();
  }
}
