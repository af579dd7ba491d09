package org.rightsregistry.server;

/**
 * A request that needs a credential came without a valid one; nothing was stored. The message never
 * repeats the credential.
 */
public final class UnauthenticatedException extends RegistryException {

  public UnauthenticatedException(String message) {
    super(message);
  }

  @Override
  public String problemType() {
    return "unauthenticated";
  }

  @Override
  public int status() {
    return 401;
  }
}
