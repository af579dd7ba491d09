package org.rightsregistry.server.party;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The production HTTP challenge fetcher. It resolves the domain once, refuses it unless every
 * address is public (so no DNS answer can point it at the registry's host, its network or a
 * metadata service), connects to the address it checked (so a second DNS answer cannot either),
 * follows no redirect and reads at most 4 KiB.
 */
final class PublicHttpChallengeFetcher implements ChallengeFetcher {

  private static final int MAX_RESPONSE = 4096;
  private static final int TIMEOUT_MILLIS = 5000;

  /** Resolves a host name to its addresses. */
  interface AddressResolver {
    List<InetAddress> resolve(String host) throws IOException;
  }

  private final AddressResolver resolver;
  private final int port;

  PublicHttpChallengeFetcher(AddressResolver resolver, int port) {
    this.resolver = resolver;
    this.port = port;
  }

  /** Resolves with the system resolver and connects to port 80. */
  static PublicHttpChallengeFetcher standard() {
    return new PublicHttpChallengeFetcher(host -> List.of(InetAddress.getAllByName(host)), 80);
  }

  @Override
  public String fetch(String domain, String path) throws IOException {
    List<InetAddress> addresses = resolver.resolve(domain);
    if (addresses.isEmpty()) {
      throw new IOException(domain + " does not resolve to any address");
    }
    for (InetAddress address : addresses) {
      if (!PublicAddresses.isPublic(address)) {
        throw new IOException(
            domain
                + " resolves to "
                + address.getHostAddress()
                + ", which is not a public address; the registry contacts public addresses "
                + "only");
      }
    }
    return get(addresses.get(0), domain, path);
  }

  private String get(InetAddress address, String domain, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      String request =
          "GET "
              + path
              + " HTTP/1.0\r\nHost: "
              + domain
              + "\r\nUser-Agent: rights-registry-domain-check\r\nConnection: close\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return body(readBounded(socket.getInputStream()), domain, path);
    }
  }

  private static String body(String response, String domain, String path) throws IOException {
    int end = response.indexOf("\r\n\r\n");
    String statusLine = response.lines().findFirst().orElse("");
    if (end < 0 || !statusLine.matches("HTTP/1\\.[01] 200( .*)?")) {
      throw new IOException(
          "http://" + domain + path + " did not answer 200 (answered '" + statusLine + "')");
    }
    return response.substring(end + 4);
  }

  private static String readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    for (int n = in.read(buffer); n > 0 && bytes.size() < MAX_RESPONSE; n = in.read(buffer)) {
      bytes.write(buffer, 0, Math.min(n, MAX_RESPONSE - bytes.size()));
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
