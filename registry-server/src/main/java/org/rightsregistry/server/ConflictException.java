package org.rightsregistry.server;

/** A request that is well formed but contradicts the registry's state; nothing was stored. */
public final class ConflictException extends RegistryException {

  private final String problemType;

  public ConflictException(String problemType, String message) {
    super(message);
    this.problemType = problemType;
  }

  @Override
  public String problemType() {
    return problemType;
  }

  @Override
  public int status() {
    return 409;
  }
}
