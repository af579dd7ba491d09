package org.rightsregistry.server;

/** Something that existed but can no longer be used, such as an expired challenge. */
public final class GoneException extends RegistryException {

  private final String problemType;

  public GoneException(String problemType, String message) {
    super(message);
    this.problemType = problemType;
  }

  @Override
  public String problemType() {
    return problemType;
  }

  @Override
  public int status() {
    return 410;
  }
}
