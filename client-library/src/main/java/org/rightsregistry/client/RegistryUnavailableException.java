package org.rightsregistry.client;

/**
 * The registry could not give a usable answer. Checked and kept inside the package, so that every
 * path that can meet it must turn it into fail-closed decisions; callers never see it.
 */
final class RegistryUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a clause that completes "could not be checked (...)". */
  RegistryUnavailableException(String reason) {
    super(reason, null, false, false);
  }
}
