package org.rightsregistry.server;

/**
 * A caller with a valid credential asked for something its party, role or scopes do not allow;
 * nothing was stored.
 */
public final class ForbiddenException extends RegistryException {

  private final String problemType;
  private final String field;

  /**
   * @param problemType the stable problem type, such as {@code not-allowed}
   * @param field the JSON Pointer or header that names what was refused, or null
   */
  public ForbiddenException(String problemType, String field, String message) {
    super(message);
    this.problemType = problemType;
    this.field = field;
  }

  /** The JSON Pointer or header that names what was refused, or null. */
  public String field() {
    return field;
  }

  @Override
  public String problemType() {
    return problemType;
  }

  @Override
  public int status() {
    return 403;
  }
}
