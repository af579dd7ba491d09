package org.rightsregistry.server.party;

/** What kind of party a party is. Only an operator may administer other parties. */
public enum PartyRole {
  CREATOR("creator"),
  RIGHTS_HOLDER("rights-holder"),
  INSTITUTION("institution"),
  AGENT("agent"),
  LICENSEE("licensee"),
  EXCHANGE("exchange"),
  OPERATOR("operator");

  private final String id;

  PartyRole(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The role with a wire id, or an exception naming the valid ids. */
  public static PartyRole fromId(String id) {
    for (PartyRole role : values()) {
      if (role.id.equals(id)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "role must be one of creator, rights-holder, institution, agent, licensee, exchange or "
            + "operator, but was '"
            + id
            + "'");
  }
}
