package org.rightsregistry.server;

/** A credential or address over its request limit; nothing was done. */
public final class TooManyRequestsException extends RegistryException {

  private final long retryAfterSeconds;

  public TooManyRequestsException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** When the caller may try again, in whole seconds. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public String problemType() {
    return "too-many-requests";
  }

  @Override
  public int status() {
    return 429;
  }
}
