package org.rightsregistry.server;

/** A request body or batch over the registry's limits; nothing was read further or stored. */
public final class PayloadTooLargeException extends RegistryException {

  private final int line;

  public PayloadTooLargeException(String message) {
    this(message, 0);
  }

  /** A batch over its line limit; {@code line} is the first line past it. */
  public PayloadTooLargeException(String message, int line) {
    super(message);
    this.line = line;
  }

  /** The first NDJSON line past the limit, or 0 when the limit is on bytes. */
  public int line() {
    return line;
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
