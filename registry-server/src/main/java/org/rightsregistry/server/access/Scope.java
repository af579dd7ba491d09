package org.rightsregistry.server.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a credential may be used for. Reading declarations and checking items need none. */
public enum Scope {
  /** Read the party's own records: its audit trail. */
  READ("read"),
  /** Record declarations, singly or in batches, and supersede them. */
  DECLARE("declare"),
  /** Revoke declarations. */
  REVOKE("revoke"),
  /** Manage the party: credentials, domain proofs, agents; for an operator, other parties. */
  ADMINISTER("administer");

  private final String id;

  Scope(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The scope with a wire id, or an exception naming the valid ids. */
  public static Scope fromId(String id) {
    for (Scope scope : values()) {
      if (scope.id.equals(id)) {
        return scope;
      }
    }
    throw new IllegalArgumentException(
        "scope must be one of read, declare, revoke or administer, but was '" + id + "'");
  }

  /** Scopes stored as a comma-separated list of ids. */
  public static Set<Scope> parseList(String ids) {
    if (ids == null || ids.isBlank()) {
      return EnumSet.noneOf(Scope.class);
    }
    return Arrays.stream(ids.split(","))
        .map(Scope::fromId)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
  }

  /** The comma-separated list of ids, in declaration order. */
  public static String toList(Set<Scope> scopes) {
    return scopes.stream().sorted().map(Scope::id).collect(Collectors.joining(","));
  }
}
