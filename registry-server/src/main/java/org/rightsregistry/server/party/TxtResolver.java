package org.rightsregistry.server.party;

import java.io.IOException;
import java.util.List;

/** Looks up DNS TXT records. Tests supply an in-memory one; no test looks up real DNS. */
public interface TxtResolver {

  /**
   * The TXT records of a name, each as one string.
   *
   * @throws IOException when the lookup fails
   */
  List<String> txt(String name) throws IOException;
}
