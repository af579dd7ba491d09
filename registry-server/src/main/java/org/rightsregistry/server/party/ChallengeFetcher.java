package org.rightsregistry.server.party;

import java.io.IOException;

/**
 * Fetches the HTTP challenge file from a domain. The production fetcher refuses any domain that
 * resolves to a loopback, private, link-local or metadata address; tests supply one that serves
 * from a local server.
 */
public interface ChallengeFetcher {

  /**
   * The body at {@code http://<domain><path>}, at most a few kilobytes.
   *
   * @throws IOException when the domain cannot be reached, answers other than 200, or may not be
   *     contacted; the message says which
   */
  String fetch(String domain, String path) throws IOException;
}
