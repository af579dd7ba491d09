package org.rightsregistry.client;

/**
 * A party of the registry: a creator, rights holder, institution or agent.
 *
 * @param id the party's stable id, such as {@code tate}
 * @param name the name to show people, or null
 */
public record Party(String id, String name) {

  /**
   * Creates a party.
   *
   * @param id the party's stable id, such as {@code tate}
   * @param name the name to show people, or null
   * @throws IllegalArgumentException if the id is null or blank
   */
  public Party {
    Checks.requireText("id", id);
  }

  /** Returns the name if there is one, else the id: what an explanation shows. */
  String displayName() {
    return name != null ? name : id;
  }
}
