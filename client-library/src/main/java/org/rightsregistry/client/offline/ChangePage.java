package org.rightsregistry.client.offline;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One verified page of {@code GET /v1/changes}: read only once its body matches its RFC 9530 {@code
 * Content-Digest} and every change in it is complete and numbered in order, so a page is used whole
 * or not at all.
 *
 * @param after the sequence number the page follows
 * @param head the registry's head when the page was read
 * @param last the sequence of its last change, or {@code after} when it has none
 * @param registryTime the registry's clock before it read the page
 * @param requester the party the page was read for, or null for an anonymous reader
 * @param changes the changes, numbered {@code after + 1} to {@code last}
 */
record ChangePage(
    long after,
    long head,
    long last,
    Instant registryTime,
    String requester,
    List<ChangePage.Change> changes) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What a change did. */
  enum Kind {
    CREATED("created"),
    REVOKED("revoked"),
    SUPERSEDED("superseded"),
    LICENCE_GRANTED("licence-granted"),
    LICENCE_REVOKED("licence-revoked"),
    PARTY_SUSPENDED("party-suspended");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    static Kind fromId(String id) {
      for (Kind kind : values()) {
        if (kind.id.equals(id)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown change kind '" + id + "'");
    }
  }

  /**
   * One change.
   *
   * @param sequence its number
   * @param kind what happened
   * @param id the declaration or agreement it happened to, or for a suspension the party
   * @param declaration for a creation, the declaration as an offline checker keeps it
   * @param agreement for a licence granted to the requester, the agreement; else null
   */
  record Change(
      long sequence,
      Kind kind,
      String id,
      SnapshotDeclaration declaration,
      SnapshotAgreement agreement) {}

  /**
   * Verifies and reads a page.
   *
   * @param body the response body, as received
   * @param contentDigest the {@code Content-Digest} header, or null if there was none
   * @throws ChangeFeedException if the digest is missing or does not match, or the page is not
   *     whole
   */
  static ChangePage read(byte[] body, String contentDigest) {
    verify(body, contentDigest);
    return readVerified(body);
  }

  /**
   * Reads a page whose body was verified when it was received, such as a journal entry (which has
   * its own checksum).
   *
   * @throws ChangeFeedException if the page is not whole
   */
  static ChangePage readVerified(byte[] body) {
    JsonNode page;
    try {
      page = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new ChangeFeedException("The change page is not valid JSON: " + e.getOriginalMessage());
    }
    try {
      return parse(page);
    } catch (IllegalArgumentException | java.time.DateTimeException | NullPointerException e) {
      throw new ChangeFeedException("The change page is not whole: " + e.getMessage(), e);
    }
  }

  private static void verify(byte[] body, String contentDigest) {
    if (contentDigest == null) {
      throw new ChangeFeedException(
          "The change page has no Content-Digest header, so it cannot be checked; nothing of it is"
              + " applied");
    }
    byte[] expected = null;
    for (String member : contentDigest.split(",")) {
      String field = member.trim();
      if (field.startsWith("sha-256=:") && field.endsWith(":") && field.length() > 10) {
        try {
          expected = Base64.getDecoder().decode(field.substring(9, field.length() - 1));
        } catch (IllegalArgumentException e) {
          throw new ChangeFeedException("The change page's Content-Digest is not base64: " + field);
        }
      }
    }
    if (expected == null) {
      throw new ChangeFeedException(
          "The change page's Content-Digest names no sha-256 digest: " + contentDigest);
    }
    byte[] actual = SnapshotFormat.sha256().digest(body);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new ChangeFeedException(
          "The change page is truncated or corrupted: its SHA-256 does not match its"
              + " Content-Digest; nothing of it is applied");
    }
  }

  private static ChangePage parse(JsonNode page) {
    long after = number(page, "after");
    long head = number(page, "head");
    Instant registryTime = Instant.parse(text(page, "registryTime"));
    String requester = page.has("requester") ? text(page, "requester") : null;
    JsonNode changes = page.get("changes");
    if (changes == null || !changes.isArray()) {
      throw new IllegalArgumentException("it has no array of changes");
    }
    List<Change> read = new ArrayList<>(changes.size());
    long expected = after;
    for (JsonNode change : changes) {
      long sequence = number(change, "sequence");
      if (sequence != ++expected) {
        throw new IllegalArgumentException(
            "change " + sequence + " is where change " + expected + " belongs");
      }
      read.add(change(change, sequence, requester));
    }
    if (expected > head) {
      throw new IllegalArgumentException("its last change " + expected + " is after its head");
    }
    if (page.has("next") == expected >= head) {
      throw new IllegalArgumentException(
          "its next link does not say whether changes up to the head " + head + " remain");
    }
    return new ChangePage(after, head, expected, registryTime, requester, List.copyOf(read));
  }

  private static Change change(JsonNode change, long sequence, String requester) {
    Kind kind = Kind.fromId(text(change, "kind"));
    String id =
        text(
            change,
            switch (kind) {
              case LICENCE_GRANTED, LICENCE_REVOKED -> "agreementId";
              case PARTY_SUSPENDED -> "partyId";
              default -> "declarationId";
            });
    SnapshotDeclaration declaration = null;
    SnapshotAgreement agreement = null;
    if (kind == Kind.CREATED) {
      declaration = declaration(object(change, "declaration"), id, sequence);
    } else if (kind == Kind.LICENCE_GRANTED && change.has("agreement")) {
      agreement = agreement(object(change, "agreement"), id, sequence);
      if (!agreement.licensee().id().equals(requester)) {
        throw new IllegalArgumentException(
            "agreement " + id + " is to " + agreement.licensee().id() + ", not the requester");
      }
    }
    return new Change(sequence, kind, id, declaration, agreement);
  }

  private static SnapshotDeclaration declaration(JsonNode node, String id, long sequence) {
    requireSame(node, id, sequence);
    Map<Usage, Effect> usages = new EnumMap<>(Usage.class);
    object(node, "usages")
        .properties()
        .forEach(entry -> usages.put(Usage.fromId(entry.getKey()), Effect.fromId(string(entry))));
    Set<Modality> modalities = EnumSet.noneOf(Modality.class);
    if (node.has("modalities")) {
      node.get("modalities").forEach(modality -> modalities.add(Modality.fromId(text(modality))));
    }
    TrustLevel trust = TrustLevel.fromId(text(node, "trustLevel"));
    if (node.has("declarantSuspended") && node.get("declarantSuspended").asBoolean()) {
      trust = TrustLevel.SELF_ASSERTED;
    }
    return new SnapshotDeclaration(
        id,
        sequence,
        Instant.parse(text(node, "recordedAt")),
        party(object(node, "declarant")),
        node.has("rightsHolder") ? party(object(node, "rightsHolder")) : null,
        selectors(node.get("subjects")),
        usages,
        node.has("rightsStatement") ? text(node, "rightsStatement") : null,
        optionalInstant(node, "validFrom"),
        optionalInstant(node, "validUntil"),
        trust,
        modalities);
  }

  private static SnapshotAgreement agreement(JsonNode node, String id, long sequence) {
    requireSame(node, id, sequence);
    Set<Usage> usages = EnumSet.noneOf(Usage.class);
    node.get("usages").forEach(usage -> usages.add(Usage.fromId(text(usage))));
    return new SnapshotAgreement(
        id,
        sequence,
        Instant.parse(text(node, "recordedAt")),
        party(object(node, "licensor")),
        party(object(node, "licensee")),
        selectors(node.get("covers")),
        usages,
        optionalInstant(node, "validFrom"),
        optionalInstant(node, "validUntil"));
  }

  private static void requireSame(JsonNode node, String id, long sequence) {
    if (!text(node, "id").equals(id) || number(node, "sequence") != sequence) {
      throw new IllegalArgumentException(
          "change " + sequence + " carries the record of another id or sequence");
    }
  }

  private static List<Selector> selectors(JsonNode subjects) {
    if (subjects == null || !subjects.isArray() || subjects.isEmpty()) {
      throw new IllegalArgumentException("a record has no subjects");
    }
    List<Selector> selectors = new ArrayList<>(subjects.size());
    for (JsonNode subject : subjects) {
      SelectorType type = SelectorType.fromId(text(subject, "type"));
      selectors.add(
          switch (type) {
            case ACCESSION ->
                new Selector(type, text(subject, "number"), text(subject, "institution"));
            case PARTY_WORKS -> Selector.partyWorks(text(subject, "party"));
            default -> new Selector(type, text(subject, "value"), null);
          });
    }
    return selectors;
  }

  private static Party party(JsonNode node) {
    return new Party(text(node, "id"), node.has("name") ? text(node, "name") : null);
  }

  private static Instant optionalInstant(JsonNode node, String name) {
    return node.has(name) ? Instant.parse(text(node, name)) : null;
  }

  private static JsonNode object(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isObject()) {
      throw new IllegalArgumentException("'" + name + "' is missing or not an object");
    }
    return value;
  }

  private static long number(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isIntegralNumber() || value.asLong() < 0) {
      throw new IllegalArgumentException("'" + name + "' is missing or not a sequence number");
    }
    return value.asLong();
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new IllegalArgumentException("'" + name + "' is missing");
    }
    return text(value);
  }

  private static String text(JsonNode value) {
    if (!value.isString()) {
      throw new IllegalArgumentException("a value is not a string: " + value);
    }
    return value.asString();
  }

  private static String string(Map.Entry<String, JsonNode> entry) {
    return text(entry.getValue());
  }
}
