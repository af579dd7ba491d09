package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6Test {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2001:db8:0:0:0:0:0:1, 2001:db8::1",
    "2001:db8::0001, 2001:db8::1",
    "2001:db8:0::1, 2001:db8::1",
    "2001:DB8::1, 2001:db8::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "::, ::",
    "::1, ::1",
    "1::, 1::",
    "0:0:0:0:0:ffff:c000:0201, ::ffff:192.0.2.1",
    "::ffff:192.0.2.1, ::ffff:192.0.2.1",
    "64:ff9b::192.0.2.33, 64:ff9b::c000:221"
  })
  void canonical_equivalentSpellings_oneForm(String given, String expected) {
    assertThat(Ipv6.canonical(given)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ":",
        "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "12345::",
        "g::1",
        "::ffff:192.0.2",
        "::ffff:192.0.2.256",
        "::ffff:192.0.02.1",
        "1:2:3:4:5:6:7::8"
      })
  void canonical_notAnAddress_null(String given) {
    assertThat(Ipv6.canonical(given)).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://[2001:DB8:0:0:0:0:0:1]:8080/a, http://[2001:db8::1]:8080/a",
    "https://[2001:db8::0001]/a, https://[2001:db8::1]/a"
  })
  void normalise_ipv6Hosts_canonicalForm(String given, String expected) {
    assertThat(UrlIdentity.normalise(given)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://xn--zz.example/a", "https://xn--.example/a"})
  void normalise_punycodeThatDecodesToNothing_refused(String given) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> UrlIdentity.normalise(given))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Exception");
  }
}
