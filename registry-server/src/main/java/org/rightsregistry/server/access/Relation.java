package org.rightsregistry.server.access;

/**
 * How a caller stands to what a request acts on (a party, or a declaration and its parties): the
 * rows of the authorisation matrix.
 */
public enum Relation {
  /** No credential. */
  ANONYMOUS("anonymous"),
  /** The party itself: the declarant of a declaration, the party a path names. */
  SELF("the party itself"),
  /** The rights holder a declaration names (for declarations only). */
  RIGHTS_HOLDER("rights holder named in the declaration"),
  /** A party the target party authorised as its agent, within the authorisation's scopes. */
  AGENT("its authorised agent"),
  /** Any other party. */
  OTHER_PARTY("another party"),
  /** A registry operator that is none of the above. */
  OPERATOR("operator");

  private final String label;

  Relation(String label) {
    this.label = label;
  }

  /** How the README's matrix names the row. */
  public String label() {
    return label;
  }
}
