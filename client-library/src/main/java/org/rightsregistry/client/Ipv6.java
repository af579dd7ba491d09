package org.rightsregistry.client;

/**
 * The one text form of an IPv6 address (RFC 5952): lower-case hex without leading zeros, the
 * longest run of two or more zero groups (the first of equal runs) written as "::", and an
 * IPv4-mapped address written with its IPv4 part in dotted decimal.
 */
final class Ipv6 {

  private static final int GROUPS = 8;

  private Ipv6() {}

  /**
   * Returns the canonical form of an address written without brackets, or null if it is not an IPv6
   * address.
   */
  static String canonical(String address) {
    int[] groups = parse(address);
    return groups == null ? null : format(groups);
  }

  private static int[] parse(String address) {
    int doubleColon = address.indexOf("::");
    if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
      return null;
    }
    String head = doubleColon < 0 ? address : address.substring(0, doubleColon);
    String tail = doubleColon < 0 ? "" : address.substring(doubleColon + 2);
    int[] front = groups(head, doubleColon < 0);
    int[] back = groups(tail, true);
    if (front == null || back == null) {
      return null;
    }
    int given = front.length + back.length;
    if (doubleColon < 0 ? given != GROUPS : given > GROUPS - 1) {
      return null;
    }
    int[] result = new int[GROUPS];
    System.arraycopy(front, 0, result, 0, front.length);
    System.arraycopy(back, 0, result, GROUPS - back.length, back.length);
    return result;
  }

  /** The 16-bit groups of one side of "::"; an IPv4 part may end the last side. */
  private static int[] groups(String part, boolean mayEndInIpv4) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] fields = part.split(":", -1);
    boolean ipv4 = mayEndInIpv4 && fields[fields.length - 1].indexOf('.') >= 0;
    int[] groups = new int[fields.length + (ipv4 ? 1 : 0)];
    for (int i = 0; i < fields.length; i++) {
      if (ipv4 && i == fields.length - 1) {
        long value = ipv4(fields[i]);
        if (value < 0) {
          return null;
        }
        groups[i] = (int) (value >> 16);
        groups[i + 1] = (int) (value & 0xFFFF);
      } else if (fields[i].isEmpty() || fields[i].length() > 4) {
        return null;
      } else {
        int value = 0;
        for (int j = 0; j < fields[i].length(); j++) {
          int digit = Character.digit(fields[i].charAt(j), 16);
          if (digit < 0) {
            return null;
          }
          value = value * 16 + digit;
        }
        groups[i] = value;
      }
    }
    return groups;
  }

  private static long ipv4(String dotted) {
    String[] parts = dotted.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
        return -1;
      }
      int octet = 0;
      for (int i = 0; i < part.length(); i++) {
        int digit = part.charAt(i) - '0';
        if (digit < 0 || digit > 9) {
          return -1;
        }
        octet = octet * 10 + digit;
      }
      if (octet > 255) {
        return -1;
      }
      value = value << 8 | octet;
    }
    return value;
  }

  private static String format(int[] groups) {
    boolean mapped = groups[5] == 0xFFFF && allZero(groups, 0, 5);
    int last = mapped ? 6 : GROUPS;
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < last; ) {
      int j = i;
      while (j < last && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < last; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    if (mapped) {
      if (out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(groups[6] >> 8).append('.').append(groups[6] & 0xFF).append('.');
      out.append(groups[7] >> 8).append('.').append(groups[7] & 0xFF);
    }
    return out.toString();
  }

  private static boolean allZero(int[] groups, int from, int to) {
    for (int i = from; i < to; i++) {
      if (groups[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
