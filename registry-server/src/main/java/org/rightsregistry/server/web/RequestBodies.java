package org.rightsregistry.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.rightsregistry.server.PayloadTooLargeException;

/** Reads request bodies with a hard size bound, so no request can exhaust memory. */
public final class RequestBodies {

  private RequestBodies() {}

  /**
   * Reads at most {@code maxBytes} from the stream.
   *
   * @throws PayloadTooLargeException if the body is longer than {@code maxBytes}
   */
  public static byte[] read(InputStream body, int maxBytes) {
    try {
      byte[] bytes = body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new PayloadTooLargeException(
            "The request body is over the limit of " + maxBytes + " bytes; split it up");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the request body", e);
    }
  }
}
