package org.rightsregistry.server.party;

import java.util.Map;
import java.util.regex.Pattern;
import org.rightsregistry.client.UrlIdentity;
import org.rightsregistry.server.party.PartyService.Identifier;
import tools.jackson.databind.JsonNode;

/** The identifier schemes an operator may vouch for, each with the syntax it must have. */
final class Identifiers {

  private static final Map<String, Pattern> SYNTAX =
      Map.of(
          "isni", Pattern.compile("^[0-9]{15}[0-9X]$"),
          "orcid", Pattern.compile("^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$"),
          "wikidata", Pattern.compile("^Q[1-9][0-9]{0,11}$"));

  private Identifiers() {}

  /** Reads {"scheme": …, "value": …}, normalising a domain. */
  static Identifier read(JsonNode node) {
    String scheme = node == null ? null : node.path("scheme").asString(null);
    String value = node == null ? null : node.path("value").asString(null);
    if (scheme == null || value == null || node.size() != 2) {
      throw new IllegalArgumentException(
          "an identifier is {\"scheme\": \"domain|isni|orcid|wikidata\", \"value\": \"…\"}");
    }
    if (scheme.equals("domain")) {
      return new Identifier(scheme, UrlIdentity.normaliseHost(value));
    }
    Pattern syntax = SYNTAX.get(scheme);
    if (syntax == null || !syntax.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'"
              + value
              + "' is not a valid "
              + scheme
              + " identifier; schemes are domain, isni, "
              + "orcid, wikidata");
    }
    return new Identifier(scheme, value);
  }
}
