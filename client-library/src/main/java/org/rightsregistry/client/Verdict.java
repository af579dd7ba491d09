package org.rightsregistry.client;

/** The answer for one item and one usage. On the wire a verdict is written by its name. */
public enum Verdict {

  /** The use is allowed. */
  ALLOW,
  /** The use is not allowed, or could not be checked and the caller chose to fail closed. */
  DENY,
  /** The use needs a licence. */
  LICENCE_REQUIRED,
  /** Nothing is known; the caller's policy decides what that means. */
  UNKNOWN
}
