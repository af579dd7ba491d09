package org.rightsregistry.server.access;

import static org.rightsregistry.server.access.Relation.AGENT;
import static org.rightsregistry.server.access.Relation.ANONYMOUS;
import static org.rightsregistry.server.access.Relation.OPERATOR;
import static org.rightsregistry.server.access.Relation.OTHER_PARTY;
import static org.rightsregistry.server.access.Relation.RIGHTS_HOLDER;
import static org.rightsregistry.server.access.Relation.SELF;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every endpoint of the API with the scope its credential needs and the relations allowed to call
 * it: the one table the authorisation matrix in the README is generated from and every endpoint
 * enforces.
 */
public enum Operation {
  CHECK_ITEMS("POST", "/v1/checks", null, true, all()),
  READ_DECLARATION("GET", "/v1/declarations/{id}", null, true, all()),
  READ_SNAPSHOT("GET", "/v1/snapshot", null, false, all()),
  READ_CHANGES("GET", "/v1/changes", null, false, all()),
  DECLARE("POST", "/v1/declarations", Scope.DECLARE, false, EnumSet.of(SELF, AGENT)),
  SUPERSEDE(
      "POST", "/v1/declarations", Scope.DECLARE, true, EnumSet.of(SELF, RIGHTS_HOLDER, AGENT)),
  DECLARE_BATCH("POST", "/v1/declarations/batch", Scope.DECLARE, false, EnumSet.of(SELF, AGENT)),
  REVOKE_DECLARATION(
      "POST",
      "/v1/declarations/{id}/revocation",
      Scope.REVOKE,
      true,
      EnumSet.of(SELF, RIGHTS_HOLDER, AGENT)),
  CREATE_AGREEMENT("POST", "/v1/agreements", Scope.DECLARE, false, EnumSet.of(SELF, AGENT)),
  REVOKE_AGREEMENT(
      "POST", "/v1/agreements/{id}/revocation", Scope.REVOKE, false, EnumSet.of(SELF, AGENT)),
  CREATE_PARTY("POST", "/v1/parties", Scope.ADMINISTER, false, EnumSet.of(OPERATOR)),
  READ_PARTY("GET", "/v1/parties/{id}", null, false, all()),
  ISSUE_TOKEN("POST", "/v1/parties/{id}/tokens", Scope.ADMINISTER, false, selfOrOperator()),
  REVOKE_TOKEN(
      "POST",
      "/v1/parties/{id}/tokens/{tokenId}/revocation",
      Scope.ADMINISTER,
      false,
      selfOrOperator()),
  START_DOMAIN_CHALLENGE(
      "POST", "/v1/parties/{id}/domain-challenges", Scope.ADMINISTER, false, EnumSet.of(SELF)),
  VERIFY_DOMAIN_CHALLENGE(
      "POST",
      "/v1/parties/{id}/domain-challenges/{challengeId}/verification",
      Scope.ADMINISTER,
      false,
      EnumSet.of(SELF)),
  AUTHORISE_AGENT("POST", "/v1/parties/{id}/agents", Scope.ADMINISTER, false, EnumSet.of(SELF)),
  REVOKE_AGENT(
      "POST",
      "/v1/parties/{id}/agents/{authorisationId}/revocation",
      Scope.ADMINISTER,
      false,
      selfOrOperator()),
  VERIFY_PARTY(
      "POST", "/v1/parties/{id}/verification", Scope.ADMINISTER, false, EnumSet.of(OPERATOR)),
  SUSPEND_PARTY(
      "POST", "/v1/parties/{id}/suspension", Scope.ADMINISTER, false, EnumSet.of(OPERATOR)),
  READ_AUDIT_TRAIL("GET", "/v1/parties/{id}/audit", Scope.READ, false, selfOrOperator());

  private final String method;
  private final String path;
  private final Scope scope;
  private final boolean aboutDeclaration;
  private final Set<Relation> allowed;

  Operation(
      String method, String path, Scope scope, boolean aboutDeclaration, Set<Relation> allowed) {
    this.method = method;
    this.path = path;
    this.scope = scope;
    this.aboutDeclaration = aboutDeclaration;
    this.allowed = Set.copyOf(allowed);
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The scope the caller's credential needs, or empty for a public operation. */
  public Optional<Scope> scope() {
    return Optional.ofNullable(scope);
  }

  public boolean isPublic() {
    return scope == null;
  }

  /** Whether the relation applies: the rights holder exists only for existing declarations. */
  public boolean applies(Relation relation) {
    return relation != RIGHTS_HOLDER || aboutDeclaration;
  }

  public boolean allows(Relation relation) {
    return applies(relation) && allowed.contains(relation);
  }

  /** The endpoint as the README names it, e.g. {@code POST /v1/declarations (supersedes)}. */
  public String endpoint() {
    return method + " " + path + (this == SUPERSEDE ? " with supersedes" : "");
  }

  /** The operation an endpoint performs before its body is read, if the table has it. */
  public static Optional<Operation> of(String method, String pathPattern) {
    for (Operation operation : values()) {
      if (operation != SUPERSEDE
          && operation.method.equals(method)
          && operation.path.equals(pathPattern)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }

  private static Set<Relation> all() {
    return EnumSet.allOf(Relation.class);
  }

  private static Set<Relation> selfOrOperator() {
    return EnumSet.of(SELF, OPERATOR);
  }

  static {
    for (Operation operation : values()) {
      if (operation.isPublic() != operation.allowed.contains(ANONYMOUS)) {
        throw new IllegalStateException(operation + " must be public exactly when anonymous");
      }
      if (operation.allowed.contains(OTHER_PARTY) && !operation.isPublic()) {
        throw new IllegalStateException(operation + " lets any party act on another");
      }
    }
  }
}
