package org.rightsregistry.client.offline;

import org.rightsregistry.client.RightsRegistryException;

/**
 * A snapshot could not be read: it is truncated, corrupted (its SHA-256 does not match), of an
 * unknown format version, or holds a value the format does not allow. Nothing of it is used.
 */
public final class SnapshotFormatException extends RightsRegistryException {

  private static final long serialVersionUID = 1L;

  SnapshotFormatException(String message) {
    super(message);
  }

  SnapshotFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
