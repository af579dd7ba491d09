package org.rightsregistry.client;

/** What became of one in-band signal when it was read. */
public enum SignalOutcome {

  /** The signal was read; what it says is in its usages, which may be empty. */
  READ("read"),
  /**
   * The signal was present but broke its standard's syntax; the standard says to treat it as unset,
   * so it is evidence with the reason but does not bear on the verdict.
   */
  MALFORMED("malformed"),
  /**
   * The signal could not be checked (robots.txt answered 5xx or 429, timed out, or the network
   * failed). It is never read as permission: the decision fails closed.
   */
  UNREACHABLE("unreachable");

  private final String id;

  SignalOutcome(String id) {
    this.id = id;
  }

  /**
   * Returns the id used on the wire.
   *
   * @return the id, such as {@code malformed}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the outcome with the given id.
   *
   * @param id {@code read}, {@code malformed} or {@code unreachable}
   * @return the outcome
   * @throws IllegalArgumentException if no outcome has that id
   */
  public static SignalOutcome fromId(String id) {
    for (SignalOutcome outcome : values()) {
      if (outcome.id.equals(id)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException(
        "Unknown signal outcome '" + id + "'; valid ids are: read, malformed, unreachable");
  }
}
