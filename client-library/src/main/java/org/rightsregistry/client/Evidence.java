package org.rightsregistry.client;

import java.time.Instant;

/**
 * One statement or in-band signal that a decision considered, and the usage category through which
 * it bore on the decision.
 *
 * <p>Registry evidence (no {@code outcome}) has the declaration's id, sequence, declarant and
 * matched selector, and no signal fields. Signal evidence (see {@link Signal}) has {@code raw},
 * {@code location}, {@code meaning} and {@code outcome} instead; its {@code recordedAt} is when the
 * signal was read, and its category and effect are null when the signal says nothing on the usage
 * or could not be read.
 *
 * @param source where the statement came from; {@code registry} or a {@code Signal.SOURCE_*}
 * @param declarationId the id of the declaration; null for a signal
 * @param sequence the registry sequence number of the declaration; 0 for a signal
 * @param recordedAt when the declaration was recorded, or when the signal was read
 * @param declarant the party that made the declaration; null for a signal
 * @param rightsHolder the rights holder the declarant spoke for, or null
 * @param matched the selector of the declaration that matched the item; null for a signal
 * @param category the usage category the statement bore on, or null for a signal that bore on none
 * @param effect what the statement declared for that category, or null with the category
 * @param rightsStatement a RightsStatements.org or Creative Commons URI, or null
 * @param trustLevel how sure the registry is that the declarant may make the statement, or null
 *     where the source has no such notion
 * @param decisive true if this statement decided the verdict
 * @param raw the signal as written; null for registry evidence
 * @param location where the signal was found; null for registry evidence
 * @param meaning what the signal was read as; null for registry evidence
 * @param outcome whether the signal could be read; null for registry evidence
 */
public record Evidence(
    String source,
    String declarationId,
    long sequence,
    Instant recordedAt,
    Party declarant,
    Party rightsHolder,
    Selector matched,
    Usage category,
    Effect effect,
    String rightsStatement,
    TrustLevel trustLevel,
    boolean decisive,
    String raw,
    String location,
    String meaning,
    SignalOutcome outcome) {

  /** The source of statements made in the registry. */
  public static final String REGISTRY = "registry";

  /** The source of licence agreements recorded in the registry. */
  public static final String AGREEMENT = "agreement";

  /**
   * Creates a piece of evidence.
   *
   * @param source where the statement came from; {@code registry} or a {@code Signal.SOURCE_*}
   * @param declarationId the id of the declaration; null for a signal
   * @param sequence the registry sequence number of the declaration; 0 for a signal
   * @param recordedAt when the declaration was recorded, or when the signal was read
   * @param declarant the party that made the declaration; null for a signal
   * @param rightsHolder the rights holder the declarant spoke for, or null
   * @param matched the selector of the declaration that matched the item; null for a signal
   * @param category the usage category the statement bore on, or null for a signal that bore on
   *     none
   * @param effect what the statement declared for that category, or null with the category
   * @param rightsStatement a RightsStatements.org or Creative Commons URI, or null
   * @param trustLevel how sure the registry is that the declarant may make the statement, or null
   * @param decisive true if this statement decided the verdict
   * @param raw the signal as written; null for registry evidence
   * @param location where the signal was found; null for registry evidence
   * @param meaning what the signal was read as; null for registry evidence
   * @param outcome whether the signal could be read; null for registry evidence
   * @throws IllegalArgumentException if a component that the source requires is missing
   */
  public Evidence {
    Checks.requireText("source", source);
    Checks.requireValue("recordedAt", recordedAt);
    if (outcome == null) {
      Checks.requireText("declarationId", declarationId);
      Checks.requireValue("declarant", declarant);
      Checks.requireValue("matched", matched);
      Checks.requireValue("category", category);
      Checks.requireValue("effect", effect);
    } else {
      Checks.requireValue("raw", raw);
      Checks.requireText("location", location);
      Checks.requireText("meaning", meaning);
      Checks.requireValue("outcome", outcome);
      if ((category == null) != (effect == null)) {
        throw new IllegalArgumentException(
            "category and effect of signal evidence must be both set or both null, but were "
                + category
                + " and "
                + effect);
      }
    }
  }

  /**
   * Creates a piece of registry evidence (no signal fields).
   *
   * @param source where the statement came from; {@code registry} for registry declarations
   * @param declarationId the id of the declaration
   * @param sequence the registry sequence number of the declaration
   * @param recordedAt when the declaration was recorded
   * @param declarant the party that made the declaration
   * @param rightsHolder the rights holder the declarant spoke for, or null when the declarant is
   *     the holder
   * @param matched the selector of the declaration that matched the item
   * @param category the usage category the statement bore on: the usage asked about or a broader
   *     one
   * @param effect what the statement declared for that category
   * @param rightsStatement a RightsStatements.org or Creative Commons URI, or null
   * @param trustLevel how sure the registry is that the declarant may make the statement, or null
   *     where the source has no such notion
   * @param decisive true if this statement decided the verdict
   * @throws IllegalArgumentException if a component other than {@code rightsHolder}, {@code
   *     rightsStatement} or {@code trustLevel} is missing
   */
  public Evidence(
      String source,
      String declarationId,
      long sequence,
      Instant recordedAt,
      Party declarant,
      Party rightsHolder,
      Selector matched,
      Usage category,
      Effect effect,
      String rightsStatement,
      TrustLevel trustLevel,
      boolean decisive) {
    this(
        source,
        declarationId,
        sequence,
        recordedAt,
        declarant,
        rightsHolder,
        matched,
        category,
        effect,
        rightsStatement,
        trustLevel,
        decisive,
        null,
        null,
        null,
        null);
  }

  /**
   * Creates the evidence of one in-band signal.
   *
   * @param signal the signal
   * @param category the category it bore through, or null if it bore on none
   * @param effect what it said for that category, or null with the category
   * @param decisive true if the signal decided the verdict
   * @return the evidence
   */
  public static Evidence ofSignal(Signal signal, Usage category, Effect effect, boolean decisive) {
    Checks.requireValue("signal", signal);
    return new Evidence(
        signal.source(),
        null,
        0,
        signal.readAt(),
        null,
        null,
        null,
        category,
        effect,
        null,
        null,
        decisive,
        signal.raw(),
        signal.location(),
        signal.meaning(),
        signal.outcome());
  }

  /**
   * Creates the evidence of a licence agreement granted to the requester: the licensor is the
   * declarant, the agreement's id the declaration id, and the effect {@link Effect#ALLOWED}.
   *
   * @param agreement the agreement
   * @param category the granted category that covers the usage
   * @param decisive true if the agreement decided the verdict
   * @return the evidence
   */
  public static Evidence ofAgreement(Agreement agreement, Usage category, boolean decisive) {
    Checks.requireValue("agreement", agreement);
    return new Evidence(
        AGREEMENT,
        agreement.agreementId(),
        agreement.sequence(),
        agreement.recordedAt(),
        agreement.licensor(),
        null,
        agreement.matched(),
        category,
        Effect.ALLOWED,
        null,
        null,
        decisive);
  }

  /**
   * Tells whether this evidence is an in-band signal rather than a registry statement.
   *
   * @return true for signal evidence
   */
  public boolean isSignal() {
    return outcome != null;
  }
}
