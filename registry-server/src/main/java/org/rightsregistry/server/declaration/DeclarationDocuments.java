package org.rightsregistry.server.declaration;

import com.google.common.net.InternetDomainName;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.UrlIdentity;
import org.rightsregistry.client.Usage;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between declaration documents (JSON, already valid against the schema) and the domain
 * records, normalising every subject with the client library's one notion of identity.
 */
public final class DeclarationDocuments {

  private static final JsonNodeFactory json = JsonNodeFactory.instance;

  private DeclarationDocuments() {}

  /**
   * Reads a schema-valid declaration document.
   *
   * @throws InvalidRequestException naming every field the schema cannot check (URL syntax, dates,
   *     the order of the validity window)
   */
  public static NewDeclaration read(JsonNode document) {
    List<Violation> violations = new ArrayList<>();
    List<Selector> subjects = readSubjects(document.get("subjects"), "/subjects/", violations);
    // A party speaks for its own works only: its declarant (the party itself, or the party an
    // agent declares for) must be that party, and a rights holder, if named, too.
    String declarant = readParty(document.get("declarant")).id();
    String otherHolder =
        document.has("rightsHolder")
                && !readParty(document.get("rightsHolder")).id().equals(declarant)
            ? readParty(document.get("rightsHolder")).id()
            : null;
    requireOwnWorks(subjects, "/subjects/", declarant, "its declarant", otherHolder, violations);
    Validity window = readValidity(document, violations);
    Instant validFrom = window.from();
    Instant validUntil = window.until();
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return new NewDeclaration(
        readParty(document.get("declarant")),
        readParty(document.get("rightsHolder")),
        subjects,
        readUsages(document.get("usages")),
        text(document, "rightsStatement"),
        validFrom,
        validUntil,
        document.has("supersedes") ? UUID.fromString(text(document, "supersedes")) : null,
        text(document, "note"),
        readModalities(document.get("modalities")));
  }

  private static Set<Modality> readModalities(JsonNode modalities) {
    Set<Modality> set = EnumSet.noneOf(Modality.class);
    if (modalities != null) {
      modalities.forEach(modality -> set.add(Modality.fromId(modality.asString())));
    }
    return set;
  }

  /** Writes a stored declaration as the API serves it. */
  public static ObjectNode write(StoredDeclaration stored) {
    NewDeclaration content = stored.content();
    ObjectNode node = json.objectNode();
    node.put("id", stored.id().toString());
    node.put("sequence", stored.sequence());
    node.put("recordedAt", stored.recordedAt().toString());
    node.put("status", stored.status().id());
    node.set("declarant", writeParty(content.declarant()));
    if (content.rightsHolder() != null) {
      node.set("rightsHolder", writeParty(content.rightsHolder()));
    }
    ArrayNode subjects = node.putArray("subjects");
    content.subjects().forEach(subject -> subjects.add(writeSelector(subject)));
    ObjectNode usages = node.putObject("usages");
    content.usages().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> usages.put(entry.getKey().id(), entry.getValue().id()));
    if (!content.modalities().isEmpty()) {
      ArrayNode modalities = node.putArray("modalities");
      content.modalities().stream().sorted().forEach(modality -> modalities.add(modality.id()));
    }
    putIfPresent(node, "rightsStatement", content.rightsStatement());
    putIfPresent(node, "validFrom", content.validFrom());
    putIfPresent(node, "validUntil", content.validUntil());
    putIfPresent(node, "supersedes", content.supersedes());
    putIfPresent(node, "note", content.note());
    if (stored.revocation() != null) {
      ObjectNode revocation = node.putObject("revocation");
      revocation.put("sequence", stored.revocation().sequence());
      revocation.put("recordedAt", stored.revocation().recordedAt().toString());
      putIfPresent(revocation, "reason", stored.revocation().reason());
    }
    putIfPresent(node, "supersededBy", stored.supersededBy());
    node.put("trustLevel", stored.trustLevel().id());
    if (stored.recordedBy() != null) {
      node.putObject("recordedBy").put("id", stored.recordedBy());
    }
    if (stored.declarantSuspended()) {
      node.put("declarantSuspended", true);
    }
    return node;
  }

  /** Writes a subject selector as documents carry it. */
  public static ObjectNode writeSelector(Selector selector) {
    ObjectNode node = json.objectNode();
    node.put("type", selector.type().id());
    if (selector.type() == SelectorType.ACCESSION) {
      node.put("institution", selector.institution());
      node.put("number", selector.value());
    } else if (selector.type() == SelectorType.PARTY_WORKS) {
      node.put("party", selector.value());
    } else {
      node.put("value", selector.value());
    }
    return node;
  }

  /**
   * Adds a violation for every subject on all works of a party other than {@code owner}: a
   * declaration speaks about the works of its own declarant only (the party itself or the party its
   * agent declares for, with no other rights holder), an agreement licenses the works of its own
   * licensor only.
   *
   * @param subjects the subjects as read, in document order
   * @param pointer the JSON Pointer of the subjects array, with a trailing '/'
   * @param owner the party id whose works the subjects may cover
   * @param ownerRole how the document names that party, for the message
   */
  public static void requireOwnWorks(
      List<Selector> subjects,
      String pointer,
      String owner,
      String ownerRole,
      List<Violation> violations) {
    requireOwnWorks(subjects, pointer, owner, ownerRole, null, violations);
  }

  /**
   * As {@link #requireOwnWorks(List, String, String, String, List)}; when the document names a
   * rights holder other than {@code owner} ({@code otherHolder} not null), no subject on all works
   * of any party is accepted: the declaration would speak for works that are not its declarant's,
   * or attribute the declarant's works to another holder.
   */
  private static void requireOwnWorks(
      List<Selector> subjects,
      String pointer,
      String owner,
      String ownerRole,
      String otherHolder,
      List<Violation> violations) {
    for (int i = 0; i < subjects.size(); i++) {
      Selector subject = subjects.get(i);
      if (subject.type() != SelectorType.PARTY_WORKS) {
        continue;
      }
      if (otherHolder != null) {
        violations.add(
            new Violation(
                pointer + i + "/party",
                "all works of '"
                    + subject.value()
                    + "' may be covered only by that party's own declaration, naming no other"
                    + " rights holder; this one is declared by '"
                    + owner
                    + "' for rights holder '"
                    + otherHolder
                    + "', so drop the rights holder or cover the items through other subjects"));
      } else if (!subject.value().equals(owner)) {
        violations.add(
            new Violation(
                pointer + i + "/party",
                "all works of '"
                    + subject.value()
                    + "' may be covered only with "
                    + ownerRole
                    + " '"
                    + owner
                    + "' as party; nobody declares about another party's works, so name '"
                    + owner
                    + "' or cover the items through other subjects"));
      }
    }
  }

  /**
   * Reads and normalises schema-valid subjects, adding a violation under {@code pointer} for each
   * that does not normalise.
   */
  public static List<Selector> readSubjects(
      JsonNode subjects, String pointer, List<Violation> violations) {
    List<Selector> selectors = new ArrayList<>(subjects.size());
    for (int i = 0; i < subjects.size(); i++) {
      JsonNode subject = subjects.get(i);
      SelectorType type = SelectorType.fromId(text(subject, "type"));
      String field = pointer + i + "/" + valueField(type);
      try {
        selectors.add(normalisedSelector(type, subject));
      } catch (IllegalArgumentException e) {
        violations.add(new Violation(field, e.getMessage()));
      }
    }
    return selectors;
  }

  private static String valueField(SelectorType type) {
    return switch (type) {
      case ACCESSION -> "number";
      case PARTY_WORKS -> "party";
      default -> "value";
    };
  }

  /**
   * A domain selector covers a domain and everything under it, so it may not name a public suffix
   * ("org", "co.uk", "github.io"): that would speak for every site registered under it.
   */
  private static String registrableDomain(String value) {
    String host = UrlIdentity.normaliseHost(value);
    if (InternetDomainName.isValid(host) && InternetDomainName.from(host).isPublicSuffix()) {
      throw new IllegalArgumentException(
          "the domain '"
              + host
              + "' is a public suffix, under which anyone can register a site; name a "
              + "registered domain such as example.org instead");
    }
    return host;
  }

  private static Selector normalisedSelector(SelectorType type, JsonNode subject) {
    return switch (type) {
      case URL -> new Selector(type, UrlIdentity.normalise(text(subject, "value")), null);
      case URL_PREFIX -> new Selector(type, UrlIdentity.normalise(text(subject, "value")), null);
      case DOMAIN -> new Selector(type, registrableDomain(text(subject, "value")), null);
      case SHA256 -> new Selector(type, UrlIdentity.normaliseSha256(text(subject, "value")), null);
      case ACCESSION ->
          new Selector(type, text(subject, "number").strip(), text(subject, "institution"));
      case PARTY_WORKS -> Selector.partyWorks(text(subject, "party"));
    };
  }

  private static Map<Usage, Effect> readUsages(JsonNode usages) {
    Map<Usage, Effect> result = new EnumMap<>(Usage.class);
    usages
        .properties()
        .forEach(
            entry ->
                result.put(
                    Usage.fromId(entry.getKey()), Effect.fromId(entry.getValue().asString())));
    return result;
  }

  private static Party readParty(JsonNode party) {
    return party == null ? null : new Party(text(party, "id"), text(party, "name"));
  }

  /** A party as the API writes it: its id, and its name when known. */
  public static ObjectNode writeParty(Party party) {
    ObjectNode node = json.objectNode();
    node.put("id", party.id());
    putIfPresent(node, "name", party.name());
    return node;
  }

  /** Reads an optional RFC 3339 date-time field, to the microsecond the registry keeps. */
  /**
   * Reads {@code validFrom} and {@code validUntil} (either may be absent) and checks that the
   * window ends after it starts.
   *
   * @return the window; either end is null when absent or invalid (a violation is then added)
   */
  public static Validity readValidity(JsonNode document, List<Violation> violations) {
    Instant validFrom = readInstant(document, "validFrom", violations);
    Instant validUntil = readInstant(document, "validUntil", violations);
    if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
      violations.add(
          new Violation(
              "/validUntil",
              "validUntil " + validUntil + " must be later than validFrom " + validFrom));
    }
    return new Validity(validFrom, validUntil);
  }

  /** When a statement applies: from (inclusive) until (exclusive); null ends are open. */
  public record Validity(Instant from, Instant until) {}

  public static Instant readInstant(JsonNode document, String field, List<Violation> violations) {
    String value = text(document, field);
    if (value == null) {
      return null;
    }
    try {
      // The registry keeps microseconds, as PostgreSQL does; finer digits are cut here so that
      // what is acknowledged is exactly what is stored and later served.
      return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException e) {
      violations.add(
          new Violation(
              "/" + field,
              "'"
                  + value
                  + "' is not an RFC 3339 date-time "
                  + "with an offset, such as 2026-01-31T12:00:00Z"));
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  /** Sets a field to the value's text, or leaves it out when the value is null. */
  public static void putIfPresent(ObjectNode node, String field, Object value) {
    if (value != null) {
      node.put(field, value.toString());
    }
  }
}
