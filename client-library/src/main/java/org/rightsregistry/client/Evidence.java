package org.rightsregistry.client;

import java.time.Instant;

/**
 * One statement that a decision considered, and the usage category through which it bore on the
 * decision.
 *
 * @param source where the statement came from; {@code registry} for registry declarations
 * @param declarationId the id of the declaration
 * @param sequence the registry sequence number of the declaration
 * @param recordedAt when the declaration was recorded
 * @param declarant the party that made the declaration
 * @param rightsHolder the rights holder the declarant spoke for, or null when the declarant is the
 *     holder
 * @param matched the selector of the declaration that matched the item
 * @param category the usage category the statement bore on: the usage asked about or a broader one
 * @param effect what the statement declared for that category
 * @param rightsStatement a RightsStatements.org or Creative Commons URI, or null
 * @param trustLevel how sure the registry is that the declarant may make the statement, or null
 *     where the source has no such notion
 * @param decisive true if this statement decided the verdict
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
    boolean decisive) {

  /** The source of statements made in the registry. */
  public static final String REGISTRY = "registry";

  /**
   * Creates a piece of evidence.
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
   * @throws IllegalArgumentException if a component other than {@code rightsHolder} or {@code
   *     rightsStatement} is missing
   */
  public Evidence {
    Checks.requireText("source", source);
    Checks.requireText("declarationId", declarationId);
    Checks.requireValue("recordedAt", recordedAt);
    Checks.requireValue("declarant", declarant);
    Checks.requireValue("matched", matched);
    Checks.requireValue("category", category);
    Checks.requireValue("effect", effect);
  }
}
