package org.rightsregistry.client;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A licence granted by a licensor to a licensee for some items and uses, as it bears on one item:
 * an input of {@link DecisionEngine}. As with {@link Statement}, the host has already matched the
 * agreement's covered selectors against the item; {@code matched} is the one that matched.
 *
 * @param agreementId the id of the agreement
 * @param sequence the registry sequence number at which it was recorded
 * @param recordedAt when it was recorded
 * @param licensor the party granting the licence; only its own reservations are overridden
 * @param licensee the party the licence is granted to
 * @param matched the covered selector that matched the item
 * @param usages the usage categories granted; each covers the categories below it
 * @param validFrom when the licence starts (inclusive), or null for always
 * @param validUntil when it ends (exclusive), or null for never
 * @param endedAt when it was revoked or superseded, or null if it never was
 */
public record Agreement(
    String agreementId,
    long sequence,
    Instant recordedAt,
    Party licensor,
    Party licensee,
    Selector matched,
    Set<Usage> usages,
    Instant validFrom,
    Instant validUntil,
    Instant endedAt) {

  /**
   * Creates an agreement; the usages are copied.
   *
   * @param agreementId the id of the agreement
   * @param sequence the registry sequence number at which it was recorded
   * @param recordedAt when it was recorded
   * @param licensor the party granting the licence
   * @param licensee the party the licence is granted to
   * @param matched the covered selector that matched the item
   * @param usages the usage categories granted; not empty
   * @param validFrom when the licence starts (inclusive), or null for always
   * @param validUntil when it ends (exclusive), or null for never
   * @param endedAt when it was revoked or superseded, or null if it never was
   * @throws IllegalArgumentException if a required component is missing or the usages are empty
   */
  public Agreement {
    Checks.requireText("agreementId", agreementId);
    Checks.requireValue("recordedAt", recordedAt);
    Checks.requireValue("licensor", licensor);
    Checks.requireValue("licensee", licensee);
    Checks.requireValue("matched", matched);
    Checks.requireValue("usages", usages);
    if (usages.isEmpty()) {
      throw new IllegalArgumentException(
          "usages of agreement " + agreementId + " must name at least one category, but was empty");
    }
    usages = Set.copyOf(EnumSet.copyOf(usages));
  }

  /**
   * Returns the granted category that covers a usage: the usage or the nearest broader one.
   *
   * @param usage the usage asked about
   * @return the covering category, or null if the agreement does not cover the usage
   */
  public Usage covering(Usage usage) {
    for (Usage category = usage; category != null; category = category.broaderOrNull()) {
      if (usages.contains(category)) {
        return category;
      }
    }
    return null;
  }

  /**
   * Tells whether the agreement is in force at an instant.
   *
   * @param at the instant
   * @return true inside {@code [validFrom, validUntil)} and before {@code endedAt}
   */
  public boolean isInForceAt(Instant at) {
    return Statement.inForce(validFrom, validUntil, endedAt, at);
  }
}
