package org.rightsregistry.client;

/**
 * How sure the registry is that a declarant may speak for what it declared on, from the least to
 * the most sure. Policy profiles say how each level counts.
 */
public enum TrustLevel {
  /** The declarant's control over the subjects was not verified. */
  SELF_ASSERTED("self-asserted"),
  /** The declarant proved control of the domain of the URLs it declared on. */
  DOMAIN_VERIFIED("domain-verified"),
  /** The declarant is an institution whose identity the registry verified. */
  INSTITUTION_VERIFIED("institution-verified"),
  /** A registry operator verified the declarant's right to make the declaration. */
  OPERATOR_VERIFIED("operator-verified");

  private final String id;

  TrustLevel(String id) {
    this.id = id;
  }

  /**
   * Returns the wire id of the level.
   *
   * @return the id, such as {@code domain-verified}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the level with a wire id.
   *
   * @param id the wire id
   * @return the level
   * @throws IllegalArgumentException if no level has that id, naming the valid ids
   */
  public static TrustLevel fromId(String id) {
    for (TrustLevel level : values()) {
      if (level.id.equals(id)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "trust level must be one of self-asserted, domain-verified, institution-verified or "
            + "operator-verified, but was '"
            + id
            + "'");
  }
}
