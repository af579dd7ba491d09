package org.rightsregistry.server.access;

import org.rightsregistry.server.ForbiddenException;
import org.rightsregistry.server.UnauthenticatedException;
import org.rightsregistry.server.persistence.PartyStore;
import org.springframework.stereotype.Component;

/**
 * Enforces the authorisation matrix ({@link Operation}): works out how a caller stands to what a
 * request acts on and refuses what the matrix does not allow.
 */
@Component
public class AccessPolicy {

  private final PartyStore parties;

  AccessPolicy(PartyStore parties) {
    this.parties = parties;
  }

  /** Refuses the caller unless it holds the scope the operation needs (a public one needs none). */
  public void requireScope(Operation operation, Caller caller) {
    if (operation.isPublic()) {
      return;
    }
    Scope scope = operation.scope().orElseThrow();
    if (caller.isAnonymous()) {
      throw new UnauthenticatedException(
          operation.endpoint()
              + " needs a credential with the scope '"
              + scope.id()
              + "': send 'Authorization: Bearer rr_…'");
    }
    if (!caller.has(scope)) {
      throw new ForbiddenException(
          "insufficient-scope",
          "Authorization",
          "This credential lacks the scope '"
              + scope.id()
              + "' that "
              + operation.endpoint()
              + " needs; issue one with it");
    }
  }

  /**
   * Refuses the caller unless the matrix allows its relation for the operation.
   *
   * @param field the request field or path variable naming the target, for the problem report
   */
  public void require(Operation operation, Caller caller, Relation relation, String field) {
    requireScope(operation, caller);
    if (operation.allows(relation)) {
      return;
    }
    throw new ForbiddenException(
        "not-allowed",
        field,
        "Party "
            + caller.partyId()
            + " may not do "
            + operation.endpoint()
            + " as "
            + relation.label()
            + "; only "
            + allowedLabels(operation)
            + " may");
  }

  /** How the caller stands to a party named in a path or a declarant field. */
  public Relation towardsParty(Caller caller, String partyId, Scope scope) {
    if (caller.isAnonymous()) {
      return Relation.ANONYMOUS;
    }
    if (caller.partyId().equals(partyId)) {
      return Relation.SELF;
    }
    if (scope != null && parties.agentScopes(partyId, caller.partyId()).contains(scope)) {
      return Relation.AGENT;
    }
    return caller.operator() ? Relation.OPERATOR : Relation.OTHER_PARTY;
  }

  /** How the caller stands to an existing declaration, by its declarant and rights holder. */
  public Relation towardsDeclaration(
      Caller caller, String declarantId, String rightsHolderId, Scope scope) {
    Relation towardsDeclarant = towardsParty(caller, declarantId, scope);
    if (towardsDeclarant == Relation.SELF || towardsDeclarant == Relation.ANONYMOUS) {
      return towardsDeclarant;
    }
    if (rightsHolderId != null) {
      Relation towardsHolder = towardsParty(caller, rightsHolderId, scope);
      if (towardsHolder == Relation.SELF) {
        return Relation.RIGHTS_HOLDER;
      }
      if (towardsHolder == Relation.AGENT) {
        return Relation.AGENT;
      }
    }
    return towardsDeclarant;
  }

  private static String allowedLabels(Operation operation) {
    StringBuilder labels = new StringBuilder();
    for (Relation relation : Relation.values()) {
      if (operation.allows(relation)) {
        labels.append(labels.isEmpty() ? "" : ", ").append(relation.label());
      }
    }
    return labels.toString();
  }
}
