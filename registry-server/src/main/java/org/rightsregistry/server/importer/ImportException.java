package org.rightsregistry.server.importer;

/** A collection import that cannot run: a missing source, a broken mapping file. */
public final class ImportException extends RuntimeException {

  ImportException(String message) {
    super(message);
  }

  ImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
