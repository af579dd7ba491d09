package org.rightsregistry.server.persistence;

import java.util.ArrayList;
import java.util.List;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;

/**
 * The keys subjects are filed and found under. A selector is filed under one key; an item is looked
 * up under every key that could file a selector covering it:
 *
 * <ul>
 *   <li>an exact URL, hash or accession number under itself;
 *   <li>a URL prefix under the prefix cut after its last '/', so that a URL needs to look only at
 *       the few cuts after each '/' of its own (the prefix itself is then compared);
 *   <li>a domain under itself; a URL looks at its host and every parent domain;
 *   <li>all works of a party under the party id; an item is looked up there only for the rights
 *       holders of the declarations its other keys found (see {@link #partyWorks}).
 * </ul>
 */
public final class LookupKeys {

  private LookupKeys() {}

  /** The key a selector is filed under. */
  public static String forSelector(Selector selector) {
    return switch (selector.type()) {
      case URL_PREFIX -> key(SelectorType.URL_PREFIX, directoryOf(selector.value()));
      case ACCESSION -> accession(selector.institution(), selector.value());
      default -> key(selector.type(), selector.value());
    };
  }

  /** The keys under which selectors covering a normalised URL may be filed. */
  public static List<String> forUrl(String normalisedUrl) {
    List<String> keys = new ArrayList<>(12);
    keys.add(forExactUrl(normalisedUrl));
    keys.addAll(forDirectory(directoryOf(normalisedUrl)));
    return keys;
  }

  /** The key of an exact URL: the first of {@link #forUrl}. */
  public static String forExactUrl(String normalisedUrl) {
    return key(SelectorType.URL, normalisedUrl);
  }

  /**
   * The keys of {@link #forUrl} but the first: they depend only on the URL's text up to and
   * including its last '/', so every URL in one directory shares them.
   *
   * @param directory a normalised URL cut after its last '/' (see {@link #directoryOf})
   */
  public static List<String> forDirectory(String directory) {
    List<String> keys = new ArrayList<>(11);
    int pathStart = directory.indexOf('/', directory.indexOf("://") + 3);
    for (int slash = pathStart; slash >= 0; slash = directory.indexOf('/', slash + 1)) {
      keys.add(key(SelectorType.URL_PREFIX, directory.substring(0, slash + 1)));
    }
    String host = hostOf(directory, pathStart);
    for (int dot = -1; dot < host.length(); dot = nextDot(host, dot)) {
      keys.add(key(SelectorType.DOMAIN, host.substring(dot + 1)));
    }
    return keys;
  }

  /**
   * A normalised URL (or URL prefix) cut after its last '/': the directory whose keys it shares.
   */
  public static String directoryOf(String normalisedUrl) {
    return normalisedUrl.substring(0, normalisedUrl.lastIndexOf('/') + 1);
  }

  /** The key of a content hash (lower-case hex). */
  public static String forSha256(String normalisedHex) {
    return key(SelectorType.SHA256, normalisedHex);
  }

  /** The key of an institution's accession number. */
  public static String accession(String institution, String number) {
    return SelectorType.ACCESSION.id() + " " + institution + ":" + number;
  }

  /** The key of the statements on all works of a party. */
  public static String partyWorks(String party) {
    return key(SelectorType.PARTY_WORKS, party);
  }

  /** Whether a selector found under a key really covers the normalised URL. */
  public static boolean covers(Selector selector, String normalisedUrl) {
    return selector.type() != SelectorType.URL_PREFIX || normalisedUrl.startsWith(selector.value());
  }

  private static String key(SelectorType type, String value) {
    return type.id() + " " + value;
  }

  private static String hostOf(String url, int pathStart) {
    String authority = url.substring(url.indexOf("://") + 3, pathStart);
    int colon = authority.lastIndexOf(':');
    boolean ipv6 = authority.endsWith("]");
    return colon >= 0 && !ipv6 ? authority.substring(0, colon) : authority;
  }

  private static int nextDot(String host, int from) {
    int dot = host.indexOf('.', from + 1);
    return dot < 0 ? host.length() : dot;
  }
}
