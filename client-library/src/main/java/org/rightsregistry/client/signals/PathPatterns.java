package org.rightsregistry.client.signals;

import java.nio.charset.StandardCharsets;

/**
 * robots.txt path patterns (RFC 9309 section 2.2.2, 2.2.3), also used by TDMRep {@code location}s:
 * percent-encoding normalised, {@code *} for any run of characters, a final {@code $} for the end.
 */
final class PathPatterns {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathPatterns() {}

  /** A compiled pattern; its length counts the octets of the normalised pattern. */
  static final class Pattern {
    private final String body;
    private final boolean anchored;
    private final boolean wildcard;
    private final int length;

    private Pattern(String body, boolean anchored, int length) {
      this.body = body;
      this.anchored = anchored;
      this.wildcard = body.indexOf('*') >= 0;
      this.length = length;
    }

    int length() {
      return length;
    }

    boolean matches(String path) {
      if (!wildcard) {
        return anchored ? path.equals(body) : path.startsWith(body);
      }
      return glob(body, path, anchored);
    }
  }

  static Pattern compile(String pattern) {
    String normalised = normalise(pattern, true);
    boolean anchored = normalised.endsWith("$");
    String body = anchored ? normalised.substring(0, normalised.length() - 1) : normalised;
    return new Pattern(body, anchored, normalised.length());
  }

  /** Normalises a URL path and query for matching: {@code *} and {@code $} are literal there. */
  static String normalisePath(String path) {
    if (path == null || path.isEmpty()) {
      return "/";
    }
    return normalise(path, false);
  }

  /**
   * Decodes escapes of unreserved characters, upper-cases other escapes, and percent-encodes
   * non-ASCII (as UTF-8) and characters a URI may not hold. In a path, {@code *} and {@code $} are
   * encoded so that only a pattern's {@code %2A} and {@code %24} match them.
   */
  static String normalise(String value, boolean pattern) {
    if (isPlain(value, pattern)) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b == '%' && i + 2 < bytes.length + 0 && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
        int decoded = Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16);
        if (isUnreserved(decoded)) {
          out.append((char) decoded);
        } else {
          out.append('%').append(HEX[decoded >> 4]).append(HEX[decoded & 0xf]);
        }
        i += 2;
      } else if (b >= 0x80
          || b <= 0x20
          || b == 0x7f
          || "\"<>\\^`{|}".indexOf(b) >= 0
          || (!pattern && (b == '*' || b == '$'))
          || b == '%') {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
      } else {
        out.append((char) b);
      }
    }
    return out.toString();
  }

  private static boolean isPlain(String value, boolean pattern) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x80
          || c <= 0x20
          || c == 0x7f
          || c == '%'
          || "\"<>\\^`{|}".indexOf(c) >= 0
          || (!pattern && (c == '*' || c == '$'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(byte b) {
    return Character.digit(b, 16) >= 0;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** Glob match with {@code *}; unanchored patterns match any path they are a prefix of. */
  private static boolean glob(String pattern, String path, boolean anchored) {
    int p = 0;
    int s = 0;
    int starP = -1;
    int starS = 0;
    while (s < path.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        starP = p++;
        starS = s;
      } else if (p < pattern.length() && pattern.charAt(p) == path.charAt(s)) {
        p++;
        s++;
      } else if (p == pattern.length() && !anchored) {
        return true;
      } else if (starP >= 0) {
        p = starP + 1;
        s = ++starS;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
