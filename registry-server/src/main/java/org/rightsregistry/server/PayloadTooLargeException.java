package org.rightsregistry.server;

/** A request body or batch over the registry's limits; nothing was read further or stored. */
public final class PayloadTooLargeException extends RegistryException {

  public PayloadTooLargeException(String message) {
    super(message);
  }

  @Override
  public String problemType() {
    return "payload-too-large";
  }

  @Override
  public int status() {
    return 413;
  }
}
