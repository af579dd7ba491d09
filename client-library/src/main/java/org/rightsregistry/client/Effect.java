package org.rightsregistry.client;

/** What a statement declares for one usage category. */
public enum Effect {

  /** The rights holder reserves the use (an opt-out). */
  RESERVED("reserved"),
  /** The rights holder allows the use. */
  ALLOWED("allowed"),
  /** The use needs a licence from the rights holder. */
  LICENCE_REQUIRED("licence-required");

  private final String id;

  Effect(String id) {
    this.id = id;
  }

  /**
   * Returns the id used on the wire.
   *
   * @return the id, such as {@code licence-required}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the effect with the given id.
   *
   * @param id {@code reserved}, {@code allowed} or {@code licence-required}
   * @return the effect
   * @throws IllegalArgumentException if no effect has that id
   */
  public static Effect fromId(String id) {
    for (Effect effect : values()) {
      if (effect.id.equals(id)) {
        return effect;
      }
    }
    throw new IllegalArgumentException(
        "Unknown effect '" + id + "'; valid ids are: reserved, allowed, licence-required");
  }
}
