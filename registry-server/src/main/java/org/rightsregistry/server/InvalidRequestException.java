package org.rightsregistry.server;

import java.util.List;

/** A request that breaks the published schema or the registry's rules; nothing was stored. */
public final class InvalidRequestException extends RegistryException {

  private final List<Violation> violations;

  public InvalidRequestException(List<Violation> violations) {
    super(violations.get(0).message());
    this.violations = List.copyOf(violations);
  }

  public InvalidRequestException(Violation violation) {
    this(List.of(violation));
  }

  public List<Violation> violations() {
    return violations;
  }

  @Override
  public String problemType() {
    return "invalid-field";
  }

  @Override
  public int status() {
    return 400;
  }
}
