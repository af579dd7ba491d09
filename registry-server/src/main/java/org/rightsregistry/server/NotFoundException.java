package org.rightsregistry.server;

/** A named thing (a declaration, say) that the registry does not hold. */
public final class NotFoundException extends RegistryException {

  public NotFoundException(String message) {
    super(message);
  }

  @Override
  public String problemType() {
    return "not-found";
  }

  @Override
  public int status() {
    return 404;
  }
}
