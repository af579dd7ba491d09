package org.rightsregistry.client.offline;

import org.rightsregistry.client.UrlIdentity;

/**
 * URL normalisation on the hot path. Most URLs a crawler checks are already in normal form; {@link
 * #isNormal} recognises a conservative subset of those with one pass and no allocation, and only
 * the rest go through {@link UrlIdentity#normalise}. Whenever {@code isNormal(url)} holds, {@code
 * UrlIdentity.normalise(url)} returns {@code url} unchanged.
 */
final class NormalForm {

  private static final int MAX_HOST_LENGTH = 253;
  private static final int MAX_LABEL_LENGTH = 63;

  private NormalForm() {}

  /** Returns the normal form of a URL, allocating only if the URL is not in normal form. */
  static String url(String url) {
    return isNormal(url) ? url : UrlIdentity.normalise(url);
  }

  /**
   * Tells whether a URL is surely in normal form: lower-case scheme and host of plain ASCII labels
   * (no punycode, no trailing dot, not a number), no port, a path, and no escape, fragment or char
   * the normaliser would change.
   */
  static boolean isNormal(String url) {
    int hostStart = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
    if (hostStart < 0) {
      return false;
    }
    int pathStart = hostEnd(url, hostStart);
    return pathStart > hostStart && isPlainPathAndQuery(url, pathStart);
  }

  /** Returns where the path starts after a plain host, or -1 if the host is not plain. */
  private static int hostEnd(String url, int start) {
    int labelStart = start;
    boolean numericLabel = true;
    for (int i = start; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '.') {
        if (!isPlainLabel(url, labelStart, i)) {
          return -1;
        }
        if (c == '/') {
          boolean valid = !numericLabel && i - start <= MAX_HOST_LENGTH;
          return valid ? i : -1;
        }
        labelStart = i + 1;
        numericLabel = true;
      } else if ((c >= 'a' && c <= 'z') || c == '-' || c == '_') {
        numericLabel = false;
      } else if (c < '0' || c > '9') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isPlainLabel(String url, int start, int end) {
    int length = end - start;
    return length > 0
        && length <= MAX_LABEL_LENGTH
        && url.charAt(start) != '-'
        && url.charAt(end - 1) != '-'
        && !url.startsWith("xn--", start);
  }

  private static boolean isPlainPathAndQuery(String url, int start) {
    for (int i = start; i < url.length(); i++) {
      if (!isPlain(url.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Printable ASCII that the normaliser copies as it is: not '%', '#', '\' or outside a URI. */
  private static boolean isPlain(char c) {
    if (c <= ' ' || c >= 0x7F) {
      return false;
    }
    switch (c) {
      case '%':
      case '#':
      case '\\':
      case '"':
      case '<':
      case '>':
      case '^':
      case '`':
      case '{':
      case '|':
      case '}':
      case '[':
      case ']':
        return false;
      default:
        return true;
    }
  }
}
