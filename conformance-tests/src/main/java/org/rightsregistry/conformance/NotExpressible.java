package org.rightsregistry.conformance;

/** The case asks for something the registry's API or the client library cannot be brought to. */
final class NotExpressible extends RuntimeException {

  NotExpressible(String message) {
    super(message);
  }
}
