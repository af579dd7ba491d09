package org.rightsregistry.client;

/**
 * How the requester's legal setting reads the absence of any signal, and which allowances it
 * counts. Reservations and licence requirements count at every trust level in every profile:
 * believing a restriction can only make a decision stricter.
 */
public enum PolicyProfile {

  /**
   * An EU-style opt-out regime: what no one reserved may be mined, so nothing bearing gives {@link
   * Verdict#ALLOW}; every allowance counts, whatever its trust level.
   */
  EU_OPT_OUT("eu-opt-out"),
  /**
   * A licence-required regime: training ({@code ai-training} and the categories below it) needs a
   * licence when nothing bears, other uses are allowed; an allowance counts only when the registry
   * verified its declarant ({@code domain-verified} or above), never a self-asserted one or an
   * in-band signal.
   */
  LICENCE_REQUIRED("licence-required"),
  /**
   * Consent only: only an explicit, verified grant allows, so nothing bearing gives {@link
   * Verdict#DENY}; allowances count as in {@link #LICENCE_REQUIRED}.
   */
  CONSENT_ONLY("consent-only");

  private final String id;

  PolicyProfile(String id) {
    this.id = id;
  }

  /**
   * Returns the id used on the wire.
   *
   * @return the id, such as {@code eu-opt-out}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the profile with the given id.
   *
   * @param id {@code eu-opt-out}, {@code licence-required} or {@code consent-only}
   * @return the profile
   * @throws IllegalArgumentException if no profile has that id
   */
  public static PolicyProfile fromId(String id) {
    for (PolicyProfile profile : values()) {
      if (profile.id.equals(id)) {
        return profile;
      }
    }
    throw new IllegalArgumentException(
        "Unknown policy profile '"
            + id
            + "'; valid ids are: eu-opt-out, licence-required, consent-only");
  }

  /**
   * Returns the verdict this profile gives a usage on which nothing bears.
   *
   * @param usage the usage asked about
   * @return the verdict
   */
  public Verdict whenNothingBears(Usage usage) {
    switch (this) {
      case EU_OPT_OUT:
        return Verdict.ALLOW;
      case LICENCE_REQUIRED:
        return usage.isWithin(Usage.AI_TRAINING) ? Verdict.LICENCE_REQUIRED : Verdict.ALLOW;
      default:
        return Verdict.DENY;
    }
  }

  /**
   * Tells whether an allowance made at a trust level counts under this profile.
   *
   * @param trust the trust level of the allowing statement; null for an in-band signal
   * @return true if the allowance counts
   */
  public boolean countsAllowance(TrustLevel trust) {
    if (this == EU_OPT_OUT) {
      return true;
    }
    return trust != null && trust != TrustLevel.SELF_ASSERTED;
  }
}
