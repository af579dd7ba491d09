package org.rightsregistry.server;

import java.util.List;

/** A request that breaks the published schema or the registry's rules; nothing was stored. */
public final class InvalidRequestException extends RegistryException {

  private final List<Violation> violations;
  private final String problemType;

  public InvalidRequestException(List<Violation> violations) {
    this("invalid-field", violations);
  }

  /** A refusal of another stable type, such as {@code malformed-json}. */
  public InvalidRequestException(String problemType, List<Violation> violations) {
    super(violations.get(0).message());
    this.violations = List.copyOf(violations);
    this.problemType = problemType;
  }

  public InvalidRequestException(Violation violation) {
    this(List.of(violation));
  }

  public List<Violation> violations() {
    return violations;
  }

  @Override
  public String problemType() {
    return problemType;
  }

  @Override
  public int status() {
    return 400;
  }
}
