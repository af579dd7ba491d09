package org.rightsregistry.client.wire;

import org.rightsregistry.client.RightsRegistryException;

/** A JSON document does not have the shape of API v1 described in {@code docs/wire-format.md}. */
public final class MalformedDocumentException extends RightsRegistryException {

  private static final long serialVersionUID = 1L;

  /** Where in the document the fault lies. */
  private final String pointer;

  MalformedDocumentException(String pointer, String problem) {
    super((pointer.isEmpty() ? "The document" : pointer) + " " + problem);
    this.pointer = pointer;
  }

  /**
   * Returns where in the document the fault lies, relative to the node that was read.
   *
   * @return a JSON Pointer such as {@code /evidence/0/sequence}; empty for the node itself
   */
  public String pointer() {
    return pointer;
  }
}
