package org.rightsregistry.server.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production challenge fetcher never contacts the registry's own host, its network or a
 * metadata service, whatever a domain resolves to (server-side request forgery). The resolver is in
 * memory; a listener on loopback proves that nothing connects.
 */
class PublicHttpChallengeFetcherTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "0.0.0.0",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "::1",
        "fe80::1",
        "fd00:ec2::254",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "224.0.0.1"
      })
  void fetch_domainResolvingToANonPublicAddress_isRefusedWithoutConnecting(String address)
      throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setSoTimeout(200);
      PublicHttpChallengeFetcher fetcher =
          new PublicHttpChallengeFetcher(
              host -> List.of(InetAddress.getByName(address)), listener.getLocalPort());

      assertThatThrownBy(() -> fetcher.fetch("victim.example", "/.well-known/x"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not a public address");
      assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"})
  void publicAddresses_areAllowed(String address) throws IOException {
    assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1"})
  void fetch_domainWithOnePublicAndOnePrivateAddress_isRefused(String privateAddress) {
    PublicHttpChallengeFetcher fetcher =
        new PublicHttpChallengeFetcher(
            host ->
                List.of(
                    InetAddress.getByName("93.184.215.14"), InetAddress.getByName(privateAddress)),
            1);

    assertThatThrownBy(() -> fetcher.fetch("rebinding.example", "/x"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(privateAddress);
  }
}
