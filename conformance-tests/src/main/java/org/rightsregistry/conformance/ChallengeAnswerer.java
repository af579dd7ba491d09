package org.rightsregistry.conformance;

/**
 * Answers a registry's DNS domain challenge: places the value where the registry will look for it.
 * Only a runner that controls what the registry resolves can do this (the in-process runner
 * replaces the registry's TXT resolver); against any other registry there is none, and a case that
 * needs a {@code domain-verified} declarant is run only where that level cannot change its outcome.
 */
@FunctionalInterface
public interface ChallengeAnswerer {

  /**
   * Places the challenge value for a domain.
   *
   * @param domain the domain being proved, as the registry normalised it
   * @param value the challenge value the registry handed out
   */
  void answer(String domain, String value);
}
