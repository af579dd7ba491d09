package org.rightsregistry.client.offline;

import org.rightsregistry.client.RightsRegistryException;

/**
 * A page of the change feed could not be used: its body does not match its {@code Content-Digest}
 * (truncated or corrupted on the way), it is not a well-formed page, or it does not follow the
 * local copy. Nothing of the page is applied; the local copy keeps its last good state.
 */
public final class ChangeFeedException extends RightsRegistryException {

  private static final long serialVersionUID = 1L;

  ChangeFeedException(String message) {
    super(message);
  }

  ChangeFeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
