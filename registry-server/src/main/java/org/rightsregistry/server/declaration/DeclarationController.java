package org.rightsregistry.server.declaration;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.PayloadTooLargeException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.access.Caller;
import org.rightsregistry.server.web.JsonDocuments;
import org.rightsregistry.server.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v1/declarations}: record, read and revoke declarations. */
@RestController
@RequestMapping("/v1/declarations")
class DeclarationController {

  static final int MAX_DOCUMENT_BYTES = 1 << 20;
  static final int MAX_BATCH_BYTES = 64 << 20;
  static final int MAX_BATCH_LINES = 10_000;
  private static final int MAX_REPORTED_VIOLATIONS = 100;
  private static final int MAX_REASON_LENGTH = 2000;

  private final DeclarationService declarations;
  private final JsonDocuments documents;

  DeclarationController(DeclarationService declarations, JsonDocuments documents) {
    this.declarations = declarations;
    this.documents = documents;
  }

  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectNode> create(Caller caller, InputStream body) {
    JsonNode document = documents.declaration(RequestBodies.read(body, MAX_DOCUMENT_BYTES));
    StoredDeclaration stored = declarations.create(DeclarationDocuments.read(document), caller);
    return ResponseEntity.created(URI.create("/v1/declarations/" + stored.id()))
        .body(DeclarationDocuments.write(stored));
  }

  @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  ObjectNode get(@PathVariable UUID id) {
    return DeclarationDocuments.write(declarations.find(id));
  }

  @PostMapping(path = "/{id}/revocation", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectNode> revoke(@PathVariable UUID id, Caller caller, InputStream body) {
    String reason = readReason(RequestBodies.read(body, MAX_DOCUMENT_BYTES));
    StoredDeclaration revoked = declarations.revoke(id, reason, caller);
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/v1/declarations/" + id))
        .body(DeclarationDocuments.write(revoked));
  }

  @PostMapping(
      path = "/batch",
      consumes = {"application/x-ndjson", "application/jsonl"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectNode> createBatch(
      @RequestHeader("Idempotency-Key") String idempotencyKey, Caller caller, InputStream body) {
    checkIdempotencyKey(idempotencyKey);
    byte[] bytes = RequestBodies.read(body, MAX_BATCH_BYTES);
    List<NewDeclaration> batch = readBatch(bytes);
    BatchReceipt receipt = declarations.createBatch(idempotencyKey, sha256(bytes), batch, caller);
    return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(write(receipt));
  }

  /**
   * Reads an NDJSON batch: one declaration a line, no blank line between them (so that every line
   * number a refusal names is the line as the client counts it), an optional final newline.
   */
  private List<NewDeclaration> readBatch(byte[] bytes) {
    List<String> lines = lines(new String(bytes, StandardCharsets.UTF_8));
    if (lines.isEmpty()) {
      throw new InvalidRequestException(
          new Violation("", "The batch is empty; send one declaration document per line"));
    }
    if (lines.size() > MAX_BATCH_LINES) {
      throw new PayloadTooLargeException(
          "A batch holds at most "
              + MAX_BATCH_LINES
              + " declarations; line "
              + (MAX_BATCH_LINES + 1)
              + " is one too many. Split the upload",
          MAX_BATCH_LINES + 1);
    }
    List<NewDeclaration> batch = new ArrayList<>(lines.size());
    List<Violation> violations = new ArrayList<>();
    String problemType = null;
    for (int i = 0; i < lines.size() && violations.size() < MAX_REPORTED_VIOLATIONS; i++) {
      int lineNumber = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        violations.add(
            new Violation("", "the line is blank; put one declaration on every line", lineNumber));
        continue;
      }
      try {
        JsonNode document =
            documents.declaration(documents.parse(line.getBytes(StandardCharsets.UTF_8)));
        batch.add(DeclarationDocuments.read(document));
      } catch (InvalidRequestException e) {
        problemType = problemType == null ? e.problemType() : problemType;
        e.violations().forEach(violation -> violations.add(violation.onLine(lineNumber)));
      }
    }
    if (!violations.isEmpty()) {
      // The type of the first refused line, so a malformed line is "malformed-json" as alone.
      throw new InvalidRequestException(
          problemType == null ? "invalid-field" : problemType, violations);
    }
    return batch;
  }

  /** The lines of a body, without the empty rest after a final line break. */
  private static List<String> lines(String body) {
    List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).strip().isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private String readReason(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    JsonNode document = documents.parse(body);
    if (!document.isObject()) {
      throw new InvalidRequestException(
          new Violation("", "the body must be a JSON object such as {\"reason\": \"…\"}"));
    }
    for (String name : document.propertyNames()) {
      if (!name.equals("reason")) {
        throw new InvalidRequestException(
            new Violation("/" + name, "unknown field; a revocation takes only \"reason\""));
      }
    }
    JsonNode reason = document.get("reason");
    if (reason == null || reason.isNull()) {
      return null;
    }
    if (!reason.isString() || reason.asString().length() > MAX_REASON_LENGTH) {
      throw new InvalidRequestException(
          new Violation(
              "/reason",
              "reason must be a string of at most " + MAX_REASON_LENGTH + " characters"));
    }
    return reason.asString();
  }

  private static void checkIdempotencyKey(String key) {
    if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new InvalidRequestException(
          new Violation(
              "Idempotency-Key",
              "The Idempotency-Key header must be 1 to 200 visible ASCII characters, "
                  + "such as a UUID"));
    }
  }

  private static ObjectNode write(BatchReceipt receipt) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("idempotencyKey", receipt.idempotencyKey());
    node.put("declared", receipt.declarationIds().size());
    node.put("firstSequence", receipt.firstSequence());
    node.put("lastSequence", receipt.lastSequence());
    node.put("replayed", receipt.replayed());
    ArrayNode ids = node.putArray("declarationIds");
    receipt.declarationIds().forEach(id -> ids.add(id.toString()));
    return node;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
