package org.rightsregistry.client;

/**
 * The root of the exceptions this library throws for its own reasons; arguments that break a
 * method's contract give {@link IllegalArgumentException} instead.
 */
public abstract class RightsRegistryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what failed and what to do about it
   */
  protected RightsRegistryException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what failed and what to do about it
   * @param cause the failure underneath
   */
  protected RightsRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
