package org.rightsregistry.server.sync;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.access.Caller;
import org.rightsregistry.server.agreement.AgreementDocuments;
import org.rightsregistry.server.agreement.StoredAgreement;
import org.rightsregistry.server.declaration.DeclarationDocuments;
import org.rightsregistry.server.sync.SyncService.ChangePage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/snapshot} and {@code GET /v1/changes}: what a client needs to keep its own copy of
 * the registry and bring it up to date. Both are public, name the registry sequence number they
 * show in the {@value #SEQUENCE_HEADER} header and an {@code ETag}, and answer 304 to an {@code
 * If-None-Match} naming it.
 */
@RestController
class SyncController {

  /** The media type of a snapshot: the client library's snapshot format. */
  static final String SNAPSHOT_TYPE = "application/vnd.rights-registry.snapshot";

  static final String SEQUENCE_HEADER = "Registry-Sequence";
  static final String CONTENT_DIGEST = "Content-Digest";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final int DEFAULT_PAGE = 1_000;
  static final int MAX_PAGE = 10_000;

  private final SyncService sync;

  SyncController(SyncService sync) {
    this.sync = sync;
  }

  /**
   * Streams the snapshot. Its ETag is weak: two snapshots at one sequence hold the same
   * declarations but differ in the instant they were exported at.
   */
  @GetMapping("/v1/snapshot")
  void snapshot(Caller caller, ServletWebRequest web, HttpServletResponse response) {
    sync.exportSnapshot(
        requester(caller),
        head -> {
          response.setHeader(SEQUENCE_HEADER, Long.toString(head));
          response.setHeader(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
          if (notModified(web, "W/\"" + head + "\"")) {
            return null;
          }
          response.setContentType(SNAPSHOT_TYPE);
          try {
            return new BufferedOutputStream(response.getOutputStream(), 1 << 16);
          } catch (IOException e) {
            throw new UncheckedIOException("Could not open the response for the snapshot", e);
          }
        });
  }

  /**
   * A page of the change feed. Its body is protected end to end by an RFC 9530 {@code
   * Content-Digest: sha-256=:…:} header, which a client verifies before it applies anything.
   */
  @GetMapping(path = "/v1/changes", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> changes(
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "" + DEFAULT_PAGE) int limit,
      Caller caller,
      ServletWebRequest web) {
    requireValid(after, limit);

    ChangePage page = sync.changesAfter(after, limit, requester(caller));

    web.getResponse().setHeader(SEQUENCE_HEADER, Long.toString(page.head()));
    web.getResponse().setHeader(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
    if (notModified(web, "W/\"" + page.head() + "\"")) {
      return null;
    }
    byte[] body = JSON.writeValueAsBytes(write(page, limit));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(CONTENT_DIGEST, contentDigest(body))
        .body(body);
  }

  /**
   * Whether the client's copy is current, answering 304 if so: {@code If-None-Match} names the
   * ETag, or is {@code *}, which matches any current representation (RFC 9110 §13.1.2).
   */
  private static boolean notModified(ServletWebRequest web, String etag) {
    String ifNoneMatch = web.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
      HttpServletResponse response = web.getResponse();
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      response.setHeader(HttpHeaders.ETAG, etag);
      return true;
    }
    return web.checkNotModified(etag);
  }

  /** The RFC 9530 {@code Content-Digest} field value of a body: its SHA-256 as a byte sequence. */
  static String contentDigest(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must provide SHA-256", e);
    }
  }

  private static String requester(Caller caller) {
    return caller.isAnonymous() ? null : caller.partyId();
  }

  private static void requireValid(long after, int limit) {
    List<Violation> violations = new ArrayList<>();
    if (after < 0) {
      violations.add(
          new Violation("after", "after must be a sequence number, 0 or more, but was " + after));
    }
    if (limit < 1 || limit > MAX_PAGE) {
      violations.add(
          new Violation("limit", "limit must be 1 to " + MAX_PAGE + ", but was " + limit));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private static ObjectNode write(ChangePage page, int limit) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("after", page.after());
    node.put("head", page.head());
    node.put("registryTime", page.registryTime().toString());
    if (page.requester() != null) {
      node.put("requester", page.requester());
    }
    ArrayNode changes = node.putArray("changes");
    page.changes().forEach(change -> changes.add(write(change, page)));
    if (page.hasMore()) {
      node.put("next", "/v1/changes?after=" + page.last() + "&limit=" + limit);
    }
    return node;
  }

  private static ObjectNode write(Change change, ChangePage page) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("sequence", change.sequence());
    node.put("kind", change.kind().id());
    if (change.kind() == Change.Kind.PARTY_SUSPENDED) {
      node.put("partyId", change.partyId());
    } else {
      node.put(
          change.kind().aboutAgreement() ? "agreementId" : "declarationId", change.id().toString());
    }
    node.put("recordedAt", change.recordedAt().toString());
    if (change.declaration() != null) {
      node.set("declaration", DeclarationDocuments.write(change.declaration()));
    }
    StoredAgreement granted =
        change.kind() == Change.Kind.LICENCE_GRANTED ? page.agreements().get(change.id()) : null;
    if (granted != null) {
      node.set("agreement", AgreementDocuments.write(granted));
    }
    if (change.supersededBy() != null) {
      node.put("supersededBy", change.supersededBy().toString());
    }
    if (change.reason() != null) {
      node.put("reason", change.reason());
    }
    return node;
  }
}
