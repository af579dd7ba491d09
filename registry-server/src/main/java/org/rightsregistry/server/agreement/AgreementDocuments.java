package org.rightsregistry.server.agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.Usage;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.declaration.DeclarationDocuments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between agreement documents (already valid against {@code
 * declaration.schema.json#/$defs/agreement}) and the domain records.
 */
public final class AgreementDocuments {

  private AgreementDocuments() {}

  /**
   * Reads a schema-valid agreement document.
   *
   * @throws InvalidRequestException naming every field the schema cannot check
   */
  static NewAgreement read(JsonNode document) {
    List<Violation> violations = new ArrayList<>();
    List<Selector> covers =
        DeclarationDocuments.readSubjects(document.get("covers"), "/covers/", violations);
    DeclarationDocuments.requireOwnWorks(
        covers, "/covers/", party(document.get("licensor")).id(), "its licensor", violations);
    DeclarationDocuments.Validity window = DeclarationDocuments.readValidity(document, violations);
    Instant validFrom = window.from();
    Instant validUntil = window.until();
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    Set<Usage> usages = EnumSet.noneOf(Usage.class);
    document.get("usages").forEach(usage -> usages.add(Usage.fromId(usage.asString())));
    return new NewAgreement(
        party(document.get("licensor")),
        party(document.get("licensee")),
        covers,
        usages,
        validFrom,
        validUntil,
        document.has("note") ? document.get("note").asString() : null);
  }

  /** Writes a stored agreement as the API serves it. */
  public static ObjectNode write(StoredAgreement stored) {
    NewAgreement content = stored.content();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", stored.id().toString());
    node.put("sequence", stored.sequence());
    node.put("recordedAt", stored.recordedAt().toString());
    node.put("status", stored.revocation() == null ? "active" : "revoked");
    node.set("licensor", DeclarationDocuments.writeParty(content.licensor()));
    node.set("licensee", DeclarationDocuments.writeParty(content.licensee()));
    ArrayNode covers = node.putArray("covers");
    content.covers().forEach(subject -> covers.add(DeclarationDocuments.writeSelector(subject)));
    ArrayNode usages = node.putArray("usages");
    content.usages().stream().sorted().forEach(usage -> usages.add(usage.id()));
    DeclarationDocuments.putIfPresent(node, "validFrom", content.validFrom());
    DeclarationDocuments.putIfPresent(node, "validUntil", content.validUntil());
    DeclarationDocuments.putIfPresent(node, "note", content.note());
    if (stored.revocation() != null) {
      ObjectNode revocation = node.putObject("revocation");
      revocation.put("sequence", stored.revocation().sequence());
      revocation.put("recordedAt", stored.revocation().recordedAt().toString());
      DeclarationDocuments.putIfPresent(revocation, "reason", stored.revocation().reason());
    }
    if (stored.recordedBy() != null) {
      node.putObject("recordedBy").put("id", stored.recordedBy());
    }
    return node;
  }

  private static Party party(JsonNode node) {
    JsonNode name = node.get("name");
    return new Party(node.get("id").asString(), name == null ? null : name.asString());
  }
}
