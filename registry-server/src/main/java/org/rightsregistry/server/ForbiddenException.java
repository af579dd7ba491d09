package org.rightsregistry.server;

/**
 * A caller with a valid credential asked for something its party, role or scopes do not allow;
 * nothing was stored.
 */
public final class ForbiddenException extends RegistryException {

  private final String problemType;
  private final String field;
  private final int line;

  /**
   * @param problemType the stable problem type, such as {@code not-allowed}
   * @param field the JSON Pointer or header that names what was refused, or null
   */
  public ForbiddenException(String problemType, String field, String message) {
    this(problemType, field, message, 0);
  }

  /** The same refusal, for one line of an NDJSON batch. */
  public ForbiddenException(String problemType, String field, String message, int line) {
    super(message);
    this.problemType = problemType;
    this.field = field;
    this.line = line;
  }

  /** The 1-based NDJSON line refused, or 0 for a single document. */
  public int line() {
    return line;
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
