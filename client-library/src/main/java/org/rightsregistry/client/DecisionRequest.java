package org.rightsregistry.client;

import java.time.Instant;
import java.util.List;

/**
 * Everything {@link DecisionEngine} decides from: the question (item, usage, requester, evaluation
 * time), the registry's answer (statements, agreements and the state they were read at), the
 * in-band signals and the requester's policy. Build one with {@link #builder(Item, Usage,
 * Instant)}; every input but the question is optional and has a documented default.
 *
 * @param item the item asked about
 * @param usage the usage asked about
 * @param at the evaluation time: validity windows, revocations and freshness are judged at it
 * @param statements the statements whose selectors matched the item
 * @param agreements the licence agreements whose covered selectors matched the item
 * @param signals the in-band signals read for the item, in the order they should be reported
 * @param requester the party asking, or null for an anonymous requester (no agreement applies)
 * @param profile the requester's policy profile, or null to leave an unsupported usage {@link
 *     Verdict#UNKNOWN}
 * @param registry the registry state the statements and agreements were read at
 * @param failClosed the verdict when something could not be checked: DENY or UNKNOWN
 */
public record DecisionRequest(
    Item item,
    Usage usage,
    Instant at,
    List<Statement> statements,
    List<Agreement> agreements,
    List<Signal> signals,
    String requester,
    PolicyProfile profile,
    RegistryState registry,
    Verdict failClosed) {

  /**
   * Creates a request; the lists are copied.
   *
   * @param item the item asked about
   * @param usage the usage asked about
   * @param at the evaluation time
   * @param statements the statements whose selectors matched the item
   * @param agreements the licence agreements whose covered selectors matched the item
   * @param signals the in-band signals read for the item
   * @param requester the party asking, or null for an anonymous requester
   * @param profile the requester's policy profile, or null for none
   * @param registry the registry state the statements and agreements were read at
   * @param failClosed the verdict when something could not be checked: DENY or UNKNOWN
   * @throws IllegalArgumentException if a required input or a list element is missing, or the
   *     fail-closed verdict is neither DENY nor UNKNOWN
   */
  public DecisionRequest {
    Checks.requireValue("item", item);
    Checks.requireValue("usage", usage);
    Checks.requireValue("at", at);
    statements = copy("statements", statements);
    agreements = copy("agreements", agreements);
    signals = copy("signals", signals);
    Checks.requireValue("registry", registry);
    DecisionEngine.requireFailClosed(failClosed);
    if (requester != null) {
      Checks.requireText("requester", requester);
    }
  }

  /**
   * Starts a request with its defaults: no statements, agreements or signals, an anonymous
   * requester, no policy profile, a live registry at sequence 0, and DENY when something could not
   * be checked.
   *
   * @param item the item asked about
   * @param usage the usage asked about
   * @param at the evaluation time
   * @return a builder
   */
  public static Builder builder(Item item, Usage usage, Instant at) {
    return new Builder(item, usage, at);
  }

  private static <T> List<T> copy(String name, List<T> values) {
    Checks.requireValue(name, values);
    for (T value : values) {
      if (value == null) {
        throw new IllegalArgumentException("element of " + name + " must not be null");
      }
    }
    return List.copyOf(values);
  }

  /** Builds a {@link DecisionRequest}. */
  public static final class Builder {
    private final Item item;
    private final Usage usage;
    private final Instant at;
    private List<Statement> statements = List.of();
    private List<Agreement> agreements = List.of();
    private List<Signal> signals = List.of();
    private String requester;
    private PolicyProfile profile;
    private RegistryState registry = RegistryState.live(0);
    private Verdict failClosed = Verdict.DENY;

    private Builder(Item item, Usage usage, Instant at) {
      this.item = item;
      this.usage = usage;
      this.at = at;
    }

    /**
     * Sets the statements whose selectors matched the item (default none).
     *
     * @param statements the statements, in any order
     * @return this builder
     */
    public Builder statements(List<Statement> statements) {
      this.statements = statements;
      return this;
    }

    /**
     * Sets the licence agreements whose covered selectors matched the item (default none).
     *
     * @param agreements the agreements, to any licensee
     * @return this builder
     */
    public Builder agreements(List<Agreement> agreements) {
      this.agreements = agreements;
      return this;
    }

    /**
     * Sets the in-band signals read for the item (default none).
     *
     * @param signals the signals, in the order they should be reported
     * @return this builder
     */
    public Builder signals(List<Signal> signals) {
      this.signals = signals;
      return this;
    }

    /**
     * Sets the party asking (default anonymous: no agreement applies).
     *
     * @param requester the requester's party id, or null
     * @return this builder
     */
    public Builder requester(String requester) {
      this.requester = requester;
      return this;
    }

    /**
     * Sets the policy profile (default none: a usage on which nothing bears stays UNKNOWN and every
     * allowance counts).
     *
     * @param profile the profile, or null
     * @return this builder
     */
    public Builder profile(PolicyProfile profile) {
      this.profile = profile;
      return this;
    }

    /**
     * Sets the registry state (default a live registry at sequence 0).
     *
     * @param registry the state the statements and agreements were read at
     * @return this builder
     */
    public Builder registry(RegistryState registry) {
      this.registry = registry;
      return this;
    }

    /**
     * Sets the verdict when something could not be checked (default DENY).
     *
     * @param failClosed DENY or UNKNOWN
     * @return this builder
     */
    public Builder failClosed(Verdict failClosed) {
      this.failClosed = failClosed;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException if an input is invalid
     */
    public DecisionRequest build() {
      return new DecisionRequest(
          item,
          usage,
          at,
          statements,
          agreements,
          signals,
          requester,
          profile,
          registry,
          failClosed);
    }
  }
}
