package org.rightsregistry.client;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One declaration as it bears on one item: the input of {@link DecisionEngine}. The host of the
 * engine has already matched the declaration's subjects against the item; {@code matched} is the
 * selector that matched.
 *
 * @param declarationId the id of the declaration
 * @param sequence the registry sequence number at which the declaration was recorded
 * @param recordedAt when the declaration was recorded
 * @param declarant the party that made the declaration
 * @param rightsHolder the rights holder the declarant spoke for, or null when the declarant is the
 *     holder
 * @param matched the selector of the declaration that matched the item
 * @param usages per usage category the effect declared; not empty
 * @param rightsStatement a RightsStatements.org or Creative Commons URI, or null
 * @param validFrom when the declaration starts to apply (inclusive), or null for always
 * @param validUntil when the declaration stops applying (exclusive), or null for never
 * @param trust how sure the registry is that the declarant may make the declaration
 * @param modalities the modalities the declaration is restricted to; empty for every modality
 * @param endedAt when the declaration was revoked or superseded, or null if it never was
 */
public record Statement(
    String declarationId,
    long sequence,
    Instant recordedAt,
    Party declarant,
    Party rightsHolder,
    Selector matched,
    Map<Usage, Effect> usages,
    String rightsStatement,
    Instant validFrom,
    Instant validUntil,
    TrustLevel trust,
    Set<Modality> modalities,
    Instant endedAt) {

  /**
   * Creates a statement; the usages are copied.
   *
   * @param declarationId the id of the declaration
   * @param sequence the registry sequence number at which the declaration was recorded
   * @param recordedAt when the declaration was recorded
   * @param declarant the party that made the declaration
   * @param rightsHolder the rights holder the declarant spoke for, or null when the declarant is
   *     the holder
   * @param matched the selector of the declaration that matched the item
   * @param usages per usage category the effect declared; not empty
   * @param rightsStatement a RightsStatements.org or Creative Commons URI, or null
   * @param validFrom when the declaration starts to apply (inclusive), or null for always
   * @param validUntil when the declaration stops applying (exclusive), or null for never
   * @param trust how sure the registry is that the declarant may make the declaration
   * @param modalities the modalities the declaration is restricted to; empty for every modality
   * @param endedAt when the declaration was revoked or superseded, or null if it never was
   * @throws IllegalArgumentException if a required component is missing or the usages are empty
   */
  public Statement {
    Checks.requireText("declarationId", declarationId);
    Checks.requireValue("recordedAt", recordedAt);
    Checks.requireValue("declarant", declarant);
    Checks.requireValue("matched", matched);
    Checks.requireValue("usages", usages);
    Checks.requireValue("trust", trust);
    if (usages.isEmpty()) {
      throw new IllegalArgumentException(
          "usages of declaration "
              + declarationId
              + " must name at least one usage category, but was empty");
    }
    usages = UsageMaps.copyOf(usages);
    Checks.requireValue("modalities", modalities);
    modalities = modalities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modalities));
  }

  /**
   * Creates a statement on every modality that was never revoked or superseded.
   *
   * @param declarationId the id of the declaration
   * @param sequence the registry sequence number at which the declaration was recorded
   * @param recordedAt when the declaration was recorded
   * @param declarant the party that made the declaration
   * @param rightsHolder the rights holder the declarant spoke for, or null when the declarant is
   *     the holder
   * @param matched the selector of the declaration that matched the item
   * @param usages per usage category the effect declared; not empty
   * @param rightsStatement a RightsStatements.org or Creative Commons URI, or null
   * @param validFrom when the declaration starts to apply (inclusive), or null for always
   * @param validUntil when the declaration stops applying (exclusive), or null for never
   * @param trust how sure the registry is that the declarant may make the declaration
   * @throws IllegalArgumentException if a required component is missing or the usages are empty
   */
  public Statement(
      String declarationId,
      long sequence,
      Instant recordedAt,
      Party declarant,
      Party rightsHolder,
      Selector matched,
      Map<Usage, Effect> usages,
      String rightsStatement,
      Instant validFrom,
      Instant validUntil,
      TrustLevel trust) {
    this(
        declarationId,
        sequence,
        recordedAt,
        declarant,
        rightsHolder,
        matched,
        usages,
        rightsStatement,
        validFrom,
        validUntil,
        trust,
        Set.of(),
        null);
  }

  /**
   * Returns the same statement at another trust level, as the registry weighs the declarations of a
   * party an operator suspended: self-asserted.
   *
   * @param level the trust level
   * @return this statement if it already has the level, else a copy with it
   * @throws IllegalArgumentException if the level is null
   */
  public Statement withTrust(TrustLevel level) {
    Checks.requireValue("level", level);
    if (level == trust) {
      return this;
    }
    return new Statement(
        declarationId,
        sequence,
        recordedAt,
        declarant,
        rightsHolder,
        matched,
        usages,
        rightsStatement,
        validFrom,
        validUntil,
        level,
        modalities,
        endedAt);
  }

  /**
   * Returns the party whose rights the statement speaks about.
   *
   * @return the rights holder if one was named, else the declarant
   */
  public Party holder() {
    return rightsHolder != null ? rightsHolder : declarant;
  }

  /**
   * Returns the party whose work the statement makes its item, when it names the item through a
   * subject other than all works of a party: a party speaks for its own works only, so that is the
   * declarant (the party itself or the party its agent declared for) when the statement names no
   * other rights holder. A declaration naming another party as rights holder makes the item
   * nobody's work: not the declarant's, which does not hold the rights, nor the holder's, which did
   * not say.
   *
   * @return the declarant's id if it is the holder, else null
   */
  public String worksOwner() {
    return holder().id().equals(declarant.id()) ? declarant.id() : null;
  }

  /**
   * Tells whether the statement applies at an instant.
   *
   * @param at the instant
   * @return true if {@code at} lies in {@code [validFrom, validUntil)}
   */
  public boolean isValidAt(Instant at) {
    boolean started = validFrom == null || !at.isBefore(validFrom);
    boolean ended = validUntil != null && !at.isBefore(validUntil);
    return started && !ended;
  }

  /**
   * Tells whether the statement is in force at an instant: valid then, and not yet revoked or
   * superseded.
   *
   * @param at the instant
   * @return true if {@code at} lies in {@code [validFrom, validUntil)} and before {@code endedAt}
   */
  public boolean isInForceAt(Instant at) {
    return inForce(validFrom, validUntil, endedAt, at);
  }

  /**
   * Tells whether the statement speaks about an item of a modality.
   *
   * @param modality the item's modality, or null when unknown
   * @return true if the statement is not restricted, or the modality is one of its modalities
   */
  public boolean covers(Modality modality) {
    return modalities.isEmpty() || modalities.contains(modality);
  }

  static boolean inForce(Instant validFrom, Instant validUntil, Instant endedAt, Instant at) {
    boolean started = validFrom == null || !at.isBefore(validFrom);
    boolean ended = validUntil != null && !at.isBefore(validUntil);
    boolean withdrawn = endedAt != null && !at.isBefore(endedAt);
    return started && !ended && !withdrawn;
  }
}
