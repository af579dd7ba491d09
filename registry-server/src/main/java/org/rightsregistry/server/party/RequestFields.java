package org.rightsregistry.server.party;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.access.Scope;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a small request document, collecting every violation, each naming its field,
 * the bad value and what would be valid. Unknown fields are refused.
 */
final class RequestFields {

  static final Pattern PARTY_ID = Pattern.compile("^[a-z0-9](?:[a-z0-9._-]{0,126}[a-z0-9])?$");

  private final JsonNode document;
  private final List<Violation> violations = new ArrayList<>();

  RequestFields(JsonNode document, String... allowed) {
    this.document = document;
    if (!document.isObject()) {
      violations.add(new Violation("", "the request body must be a JSON object"));
      return;
    }
    Set<String> known = Set.of(allowed);
    for (String name : document.propertyNames()) {
      if (!known.contains(name)) {
        violations.add(
            new Violation("/" + name, "unknown field '" + name + "'; allowed are " + known));
      }
    }
  }

  String text(String field, boolean required, int maxLength) {
    JsonNode value = document.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        violations.add(new Violation("/" + field, field + " is required"));
      }
      return null;
    }
    if (!value.isString() || value.asString().isEmpty() || value.asString().length() > maxLength) {
      violations.add(
          new Violation(
              "/" + field, field + " must be a string of 1 to " + maxLength + " characters"));
      return null;
    }
    return value.asString();
  }

  String partyId(String field) {
    String id = text(field, true, 128);
    if (id != null && !PARTY_ID.matcher(id).matches()) {
      violations.add(
          new Violation(
              "/" + field,
              field
                  + " must be lower-case letters, digits, '.', '_' and '-', such as "
                  + "'a-museum'"));
      return null;
    }
    return id;
  }

  <T> T oneOf(String field, boolean required, Function<String, T> parse) {
    String value = text(field, required, 64);
    if (value == null) {
      return null;
    }
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      violations.add(new Violation("/" + field, e.getMessage()));
      return null;
    }
  }

  Set<Scope> scopes(String field) {
    JsonNode value = document.get(field);
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    if (value == null || !value.isArray() || value.isEmpty()) {
      violations.add(
          new Violation(
              "/" + field,
              field + " must be a non-empty array of read, declare, revoke, " + "administer"));
      return scopes;
    }
    for (int i = 0; i < value.size(); i++) {
      try {
        scopes.add(Scope.fromId(value.get(i).isString() ? value.get(i).asString() : ""));
      } catch (IllegalArgumentException e) {
        violations.add(new Violation("/" + field + "/" + i, e.getMessage()));
      }
    }
    return scopes;
  }

  Instant instant(String field) {
    String value = text(field, false, 64);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      violations.add(
          new Violation(
              "/" + field,
              "'" + value + "' is not an RFC 3339 date-time such as 2027-01-31T12:00:00Z"));
      return null;
    }
  }

  Integer positiveInt(String field) {
    JsonNode value = document.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isInt() || value.asInt() < 1) {
      violations.add(new Violation("/" + field, field + " must be a positive integer"));
      return null;
    }
    return value.asInt();
  }

  JsonNode node(String field) {
    return document.get(field);
  }

  void add(Violation violation) {
    violations.add(violation);
  }

  /** Throws every violation found so far, if any. */
  void check() {
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }
}
