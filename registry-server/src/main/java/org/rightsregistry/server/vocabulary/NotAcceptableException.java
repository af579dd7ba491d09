package org.rightsregistry.server.vocabulary;

import java.util.List;
import org.rightsregistry.server.RegistryException;

/** The client accepts none of the representations a resource has. */
final class NotAcceptableException extends RegistryException {

  NotAcceptableException(List<String> available) {
    super("None of the accepted media types is available here; ask for one of " + available);
  }

  @Override
  public String problemType() {
    return "not-acceptable";
  }

  @Override
  public int status() {
    return 406;
  }
}
