package org.rightsregistry.server.party;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses the registry may contact on a party's behalf: public unicast only, so that a
 * domain challenge cannot reach the registry's own host, its network or a cloud metadata service.
 */
final class PublicAddresses {

  private PublicAddresses() {}

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicIpv4(bytes);
    }
    if (address instanceof Inet6Address) {
      return isPublicIpv6(bytes);
    }
    return false;
  }

  private static boolean isPublicIpv4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first != 0 // "this network"
        && first != 127
        && !(first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
        && !(first == 169 && second == 254) // link-local, cloud metadata
        && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
        && !(first == 198 && (second == 18 || second == 19)) // benchmarking
        && first < 224; // multicast, reserved, broadcast
  }

  private static boolean isPublicIpv6(byte[] b) {
    int first = b[0] & 0xff;
    if ((first & 0xfe) == 0xfc) {
      return false; // unique local, including metadata addresses such as fd00:ec2::254
    }
    if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return isPublicIpv4(new byte[] {b[12], b[13], b[14], b[15]}); // IPv4-mapped
    }
    if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      return isPublicIpv4(new byte[] {b[12], b[13], b[14], b[15]}); // NAT64
    }
    if (isZero(b, 0, 12)) {
      return false; // unspecified, loopback, IPv4-compatible
    }
    return !(first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8);
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
