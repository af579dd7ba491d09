package org.rightsregistry.client;

import java.net.IDN;
import java.util.Locale;

/**
 * The one notion of URL identity shared by the client and the registry server: two URLs name the
 * same item exactly when their normal forms are equal.
 *
 * <p>{@link #normalise(String)} lower-cases the scheme and host, converts an internationalised host
 * to punycode, removes the host's trailing dot, drops the default port (80 for http, 443 for
 * https), decodes percent-escapes of unreserved characters ({@code A-Z a-z 0-9 - . _ ~}),
 * upper-cases the hex digits of every other escape, percent-encodes as UTF-8 the characters a URI
 * may not hold (non-ASCII and {@code " < > ^ ` { | } [ ]} outside the host), drops the fragment,
 * and turns an empty path into {@code /}. It keeps the case of the path and query, escapes of
 * reserved characters such as {@code %2F}, non-default ports and the query.
 *
 * <p>The methods allocate little and use no regular expressions, as they run for every item.
 */
public final class UrlIdentity {

  private static final String VALID_URLS =
      "only absolute http:// or https:// URLs with a host are valid, such as "
          + "https://example.org/a.jpg";
  private static final String VALID_HOSTS =
      "a host name is made of labels of 1 to 63 "
          + "letters, digits, '-' or '_' separated by dots, at most 253 characters in all";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final int MAX_HOST_LENGTH = 253;
  private static final int MAX_LABEL_LENGTH = 63;
  private static final int MAX_PORT = 65_535;

  private UrlIdentity() {}

  /**
   * Returns the normal form of a URL.
   *
   * @param url an absolute http or https URL
   * @return the normal form; equal normal forms name the same item
   * @throws IllegalArgumentException if the URL is not an absolute http or https URL with a host,
   *     has user information, a bad port, a bad percent-escape, a space, a control character or a
   *     backslash
   */
  public static String normalise(String url) {
    Checks.requireValue("url", url);
    int authorityStart = schemeLength(url);
    int end = checkCharacters(url);
    int authorityEnd = authorityEnd(url, authorityStart, end);

    StringBuilder out = new StringBuilder(url.length() + 1);
    out.append(authorityStart == "https://".length() ? "https://" : "http://");
    appendAuthority(url, authorityStart, authorityEnd, out);
    if (authorityEnd == end || url.charAt(authorityEnd) == '?') {
      out.append('/');
    }
    appendPathAndQuery(url, authorityEnd, end, out);
    return out.toString();
  }

  /**
   * Returns the normal form of a host name, as used by domain selectors.
   *
   * @param domain a host name such as {@code Example.org.} or {@code bücher.example}
   * @return the lower-case ASCII form without a trailing dot, such as {@code xn--bcher-kva.example}
   * @throws IllegalArgumentException if the value is not a valid host name
   */
  public static String normaliseHost(String domain) {
    Checks.requireValue("domain", domain);
    StringBuilder out = new StringBuilder(domain.length());
    appendHost("domain", domain, 0, domain.length(), out);
    return out.toString();
  }

  /**
   * Returns the normal form of a SHA-256 digest.
   *
   * @param hex 64 hex digits in any case
   * @return the same digits in lower case
   * @throws IllegalArgumentException if the value is not 64 hex digits
   */
  public static String normaliseSha256(String hex) {
    if (hex == null || hex.length() != 64) {
      throw invalidSha256(hex);
    }
    boolean lowerCase = true;
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (c >= 'A' && c <= 'F') {
        lowerCase = false;
      } else if (hexValue(c) < 0) {
        throw invalidSha256(hex);
      }
    }
    return lowerCase ? hex : hex.toLowerCase(Locale.ROOT);
  }

  private static int schemeLength(String url) {
    if (url.regionMatches(true, 0, "https://", 0, "https://".length())) {
      return "https://".length();
    }
    if (url.regionMatches(true, 0, "http://", 0, "http://".length())) {
      return "http://".length();
    }
    throw invalid("URL", url, VALID_URLS);
  }

  /** Rejects characters no URL may hold; returns where the fragment starts, or the length. */
  private static int checkCharacters(String url) {
    int fragment = -1;
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= ' ' || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
        String what =
            c == ' '
                ? "a space"
                : String.format(Locale.ROOT, "the control character U+%04X", (int) c);
        throw invalid(
            "URL",
            url,
            what + " at index " + i + " is not allowed; percent-encode it (a space is %20)");
      }
      if (c == '\\') {
        throw invalid(
            "URL",
            url,
            "the backslash at index "
                + i
                + " is not allowed; write '/' for a path separator or %5C for the character");
      }
      if (c == '#' && fragment < 0) {
        fragment = i;
      }
    }
    return fragment < 0 ? url.length() : fragment;
  }

  private static int authorityEnd(String url, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?') {
        return i;
      }
    }
    return end;
  }

  private static void appendAuthority(String url, int start, int end, StringBuilder out) {
    if (start == end) {
      throw invalid("URL", url, "the host is missing; " + VALID_URLS);
    }
    if (indexOf(url, '@', start, end) >= 0) {
      throw invalid(
          "URL",
          url,
          "user information (the part before '@') is not allowed; " + "give the URL without it");
    }
    int hostEnd =
        url.charAt(start) == '['
            ? appendIpLiteral(url, start, end, out)
            : appendNamedHost(url, start, end, out);
    int defaultPort = start == "https://".length() ? 443 : 80;
    appendPort(url, hostEnd, end, defaultPort, out);
  }

  private static int appendNamedHost(String url, int start, int end, StringBuilder out) {
    int colon = lastIndexOf(url, ':', start, end);
    int hostEnd = colon < 0 ? end : colon;
    if (hostEnd == start) {
      throw invalid("URL", url, "the host is missing; " + VALID_URLS);
    }
    appendHost("URL", url, start, hostEnd, out);
    return hostEnd;
  }

  private static int appendIpLiteral(String url, int start, int end, StringBuilder out) {
    int close = indexOf(url, ']', start, end);
    boolean valid = close > start + 1 && indexOf(url, ':', start, close) >= 0;
    for (int i = start + 1; valid && i < close; i++) {
      char c = url.charAt(i);
      valid = c == ':' || c == '.' || hexValue(c) >= 0;
    }
    if (!valid || (close + 1 < end && url.charAt(close + 1) != ':')) {
      throw invalid(
          "URL",
          url,
          "the IPv6 address in brackets is not valid; write it as "
              + "[2001:db8::1], without a zone");
    }
    String canonical = Ipv6.canonical(url.substring(start + 1, close));
    if (canonical == null) {
      throw invalid(
          "URL",
          url,
          "the IPv6 address in brackets is not valid; write it as "
              + "[2001:db8::1], without a zone");
    }
    out.append('[').append(canonical).append(']');
    return close + 1;
  }

  private static void appendPort(
      String url, int colon, int end, int defaultPort, StringBuilder out) {
    if (colon >= end - 1) {
      return; // No port, or an empty one, which RFC 3986 reads as the default.
    }
    int port = 0;
    for (int i = colon + 1; i < end; i++) {
      int digit = url.charAt(i) - '0';
      if (digit < 0 || digit > 9 || i - colon > 5) {
        throw invalidPort(url, colon, end);
      }
      port = port * 10 + digit;
    }
    if (port == 0 || port > MAX_PORT) {
      throw invalidPort(url, colon, end);
    }
    if (port != defaultPort) {
      out.append(':').append(port);
    }
  }

  private static void appendHost(String what, String value, int start, int end, StringBuilder out) {
    for (int i = start; i < end; i++) {
      if (value.charAt(i) >= 0x80) {
        String ascii = toAscii(what, value, value.substring(start, end));
        appendAsciiHost(what, value, ascii, 0, ascii.length(), out);
        return;
      }
    }
    appendAsciiHost(what, value, value, start, end, out);
  }

  private static String toAscii(String what, String value, String host) {
    try {
      return IDN.toASCII(host);
    } catch (IllegalArgumentException e) {
      throw invalid(
          what,
          value,
          "the host "
              + Checks.quote(host)
              + " is not a valid internationalised host name: it holds a character that host "
              + "names may not contain");
    }
  }

  private static void appendAsciiHost(
      String what, String value, String host, int start, int end, StringBuilder out) {
    int hostEnd = end > start && host.charAt(end - 1) == '.' ? end - 1 : end;
    if (hostEnd - start > MAX_HOST_LENGTH) {
      throw invalidHost(what, value, host, start, end);
    }
    int outStart = out.length();
    int labelStart = start;
    boolean numericLabel = true;
    for (int i = start; i < hostEnd; i++) {
      char c = host.charAt(i);
      if (c == '.') {
        checkLabel(what, value, host, labelStart, i, start, end);
        labelStart = i + 1;
        numericLabel = true;
      } else if (!isHostCharacter(c)) {
        throw invalidHost(what, value, host, start, end);
      }
      numericLabel &= c == '.' || isDigit(c);
      out.append(toLowerAscii(c));
    }
    checkLabel(what, value, host, labelStart, hostEnd, start, end);
    // No top-level domain is all digits, so such a host must be an IPv4 address.
    if (numericLabel && !isIpv4(out, outStart)) {
      throw invalid(
          what,
          value,
          "the host "
              + Checks.quote(host.substring(start, end))
              + " ends in a number but is not an IPv4 address such as 192.0.2.1");
    }
  }

  private static void checkLabel(
      String what,
      String value,
      String host,
      int labelStart,
      int labelEnd,
      int hostStart,
      int hostEnd) {
    int length = labelEnd - labelStart;
    if (length == 0
        || length > MAX_LABEL_LENGTH
        || host.charAt(labelStart) == '-'
        || host.charAt(labelEnd - 1) == '-'
        || !isValidALabel(host, labelStart, labelEnd)) {
      throw invalidHost(what, value, host, hostStart, hostEnd);
    }
  }

  /**
   * Tells whether a label is, if it claims to be punycode ("xn--"), a real encoding of a Unicode
   * label: decoding it and encoding again gives it back.
   */
  private static boolean isValidALabel(String host, int start, int end) {
    if (end - start < 4 || !host.regionMatches(true, start, "xn--", 0, 4)) {
      return true;
    }
    String label = host.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    String unicode = IDN.toUnicode(label);
    if (unicode.equals(label)) {
      return false;
    }
    try {
      return IDN.toASCII(unicode).equalsIgnoreCase(label);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Tells whether the host just written is a dotted-quad IPv4 address. */
  private static boolean isIpv4(StringBuilder out, int start) {
    int parts = 0;
    int partStart = start;
    for (int i = start; i <= out.length(); i++) {
      if (i < out.length() && out.charAt(i) != '.') {
        continue;
      }
      if (!isIpv4Part(out, partStart, i)) {
        return false;
      }
      parts++;
      partStart = i + 1;
    }
    return parts == 4;
  }

  private static boolean isIpv4Part(StringBuilder out, int start, int end) {
    int length = end - start;
    if (length < 1 || length > 3 || (length > 1 && out.charAt(start) == '0')) {
      return false;
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      if (!isDigit(out.charAt(i))) {
        return false;
      }
      value = value * 10 + out.charAt(i) - '0';
    }
    return value <= 255;
  }

  private static void appendPathAndQuery(String url, int start, int end, StringBuilder out) {
    for (int i = start; i < end; i++) {
      char c = url.charAt(i);
      if (c == '%') {
        appendEscape(url, i, end, out);
        i += 2;
      } else if (c >= 0x80) {
        i = appendUtf8(url, i, end, out);
      } else if (isOutsideUri(c)) {
        appendEscaped(c, out);
      } else {
        out.append(c);
      }
    }
  }

  private static void appendEscape(String url, int percent, int end, StringBuilder out) {
    int high = percent + 1 < end ? hexValue(url.charAt(percent + 1)) : -1;
    int low = percent + 2 < end ? hexValue(url.charAt(percent + 2)) : -1;
    if (high < 0 || low < 0) {
      throw invalid(
          "URL",
          url,
          Checks.quote(url.substring(percent, Math.min(percent + 3, end)))
              + " at index "
              + percent
              + " is not a valid percent-escape; '%' must be followed by "
              + "two hex digits (a literal '%' is written %25)");
    }
    int octet = high * 16 + low;
    if (isUnreserved(octet)) {
      out.append((char) octet);
    } else {
      appendEscaped(octet, out);
    }
  }

  /** Writes the code point at {@code index} as UTF-8 escapes; returns its last char index. */
  private static int appendUtf8(String url, int index, int end, StringBuilder out) {
    char c = url.charAt(index);
    if (Character.isHighSurrogate(c)
        && index + 1 < end
        && Character.isLowSurrogate(url.charAt(index + 1))) {
      int codePoint = Character.toCodePoint(c, url.charAt(index + 1));
      appendEscaped(0xF0 | codePoint >> 18, out);
      appendEscaped(0x80 | (codePoint >> 12 & 0x3F), out);
      appendEscaped(0x80 | (codePoint >> 6 & 0x3F), out);
      appendEscaped(0x80 | (codePoint & 0x3F), out);
      return index + 1;
    }
    if (Character.isSurrogate(c)) {
      throw invalid(
          "URL",
          url,
          "the unpaired surrogate at index " + index + " is not a character; the text is damaged");
    }
    if (c < 0x800) {
      appendEscaped(0xC0 | c >> 6, out);
    } else {
      appendEscaped(0xE0 | c >> 12, out);
      appendEscaped(0x80 | (c >> 6 & 0x3F), out);
    }
    appendEscaped(0x80 | (c & 0x3F), out);
    return index;
  }

  private static void appendEscaped(int octet, StringBuilder out) {
    out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xF]);
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || isDigit(c)
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** Printable ASCII that RFC 3986 does not allow in a path or query. */
  private static boolean isOutsideUri(char c) {
    switch (c) {
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
        return true;
      default:
        return false;
    }
  }

  private static boolean isHostCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '-' || c == '_';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static char toLowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static int indexOf(String s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(String s, char c, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static IllegalArgumentException invalidPort(String url, int colon, int end) {
    return invalid(
        "URL",
        url,
        "the port "
            + Checks.quote(url.substring(colon + 1, end))
            + " is not valid; a port is a number from 1 to 65535");
  }

  private static IllegalArgumentException invalidHost(
      String what, String value, String host, int start, int end) {
    return invalid(
        what,
        value,
        "the host "
            + Checks.quote(host.substring(start, end))
            + " is not a valid host name; "
            + VALID_HOSTS);
  }

  private static IllegalArgumentException invalidSha256(String hex) {
    return invalid("sha256", hex, "a SHA-256 digest is written as 64 hex digits");
  }

  private static IllegalArgumentException invalid(String what, String value, String reason) {
    return new IllegalArgumentException(
        "Invalid " + what + " " + Checks.quote(value) + ": " + reason);
  }
}
