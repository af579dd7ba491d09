package org.rightsregistry.server;

/**
 * Root of what the registry refuses or cannot do. Each subclass maps to one HTTP status and one
 * stable problem type, so clients can react without parsing messages.
 */
public abstract class RegistryException extends RuntimeException {

  protected RegistryException(String message) {
    super(message);
  }

  /** The stable last segment of the problem type URI, e.g. {@code invalid-field}. */
  public abstract String problemType();

  /** The HTTP status that reports this problem. */
  public abstract int status();
}
