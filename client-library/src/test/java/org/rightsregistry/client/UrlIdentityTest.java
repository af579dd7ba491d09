package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlIdentityTest {

  @ParameterizedTest(name = "{0} is the same item as {1}")
  @CsvSource(
      delimiter = ' ',
      value = {
        // The cases handed down with the wire format.
        "https://EXAMPLE.org:443/%7Euser/pic.jpg https://example.org/~user/pic.jpg",
        "https://bücher.example/a.jpg https://xn--bcher-kva.example/a.jpg",
        "https://example.org./a.jpg https://example.org/a.jpg",
        // Their siblings.
        "http://example.org:80/a.jpg http://example.org/a.jpg",
        "HTTPS://example.org/a.jpg https://example.org/a.jpg",
        "https://example.org/%7euser/ https://example.org/~user/",
        "https://example.org/%41%7A%30%2D%2E%5F https://example.org/Az0-._",
        "https://example.org/a%2fb.jpg https://example.org/a%2Fb.jpg",
        "https://example.org/a.jpg#part https://example.org/a.jpg",
        "https://example.org/a.jpg?size=large#x https://example.org/a.jpg?size=large",
        "https://BÜCHER.example/a.jpg https://xn--bcher-kva.example/a.jpg",
        "https://example.org https://example.org/",
        "https://example.org?q=1 https://example.org/?q=1",
        "https://example.org: https://example.org/",
        "https://example.org:0443/ https://example.org/",
        "https://example.org/café.jpg https://example.org/caf%C3%A9.jpg",
        "https://example.org/a|b https://example.org/a%7Cb",
      })
  void normalise_equivalentSpellings_giveTheSameNormalForm(String one, String other) {
    assertThat(UrlIdentity.normalise(one)).isEqualTo(UrlIdentity.normalise(other));
  }

  @ParameterizedTest(name = "{0} is not the same item as {1}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "https://example.org/a%2Fb.jpg https://example.org/a/b.jpg",
        "https://example.org/Photo.jpg https://example.org/photo.jpg",
        "https://example.org:8443/a.jpg https://example.org/a.jpg",
        "http://example.org/a.jpg https://example.org/a.jpg",
        "http://example.org:443/a.jpg http://example.org/a.jpg",
        "https://example.org/a.jpg?v=1 https://example.org/a.jpg",
        "https://example.org/a.jpg?V=1 https://example.org/a.jpg?v=1",
        "https://www.example.org/a.jpg https://example.org/a.jpg",
        "https://example.org/a%25 https://example.org/a%2525",
      })
  void normalise_differentItems_giveDifferentNormalForms(String one, String other) {
    assertThat(UrlIdentity.normalise(one)).isNotEqualTo(UrlIdentity.normalise(other));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "https://EXAMPLE.org:443/%7Euser/pic.jpg https://example.org/~user/pic.jpg",
        "HTTP://Example.ORG:80 http://example.org/",
        "http://example.org:8080?q=1#frag http://example.org:8080/?q=1",
        "https://example.org/a%2fb%41%7e https://example.org/a%2FbA~",
        "https://example.org/%c3%a9 https://example.org/%C3%A9",
        "https://example.org/😀 https://example.org/%F0%9F%98%80",
        "https://example.org/a?b=[1] https://example.org/a?b=%5B1%5D",
        "https://[2001:DB8::1]:443/x https://[2001:db8::1]/x",
        "https://[2001:db8::1]:8443/x https://[2001:db8::1]:8443/x",
        "https://192.0.2.1/a https://192.0.2.1/a",
        "https://Host_1.Example/ https://host_1.example/",
        "https://server1/ https://server1/",
        "https://example.org/Path/To/File.JPG https://example.org/Path/To/File.JPG",
        "https://example.org/a?x=1?y=2 https://example.org/a?x=1?y=2",
      })
  void normalise_givesTheExpectedNormalForm(String url, String expected) {
    assertThat(UrlIdentity.normalise(url)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.org/a.jpg", "http://example.org:8080/?q=%2F"})
  void normalise_normalForm_isAFixedPoint(String url) {
    String once = UrlIdentity.normalise(url);

    assertThat(UrlIdentity.normalise(once)).isEqualTo(once);
  }

  @ParameterizedTest(name = "{0} is rejected because {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "ftp://example.org/a.jpg|only absolute http:// or https:// URLs",
        "/relative/a.jpg|only absolute http:// or https:// URLs",
        "example.org/a.jpg|only absolute http:// or https:// URLs",
        "mailto:someone@example.org|only absolute http:// or https:// URLs",
        "https:/example.org/a.jpg|only absolute http:// or https:// URLs",
        "https://|the host is missing",
        "https:///a.jpg|the host is missing",
        "https://:8080/a.jpg|the host is missing",
        "https://user:secret@example.org/|user information",
        "https://example.org:99999/|the port '99999' is not valid",
        "https://example.org:0/|the port '0' is not valid",
        "https://example.org:8o/|the port '8o' is not valid",
        "https://example.org:1234567/|the port '1234567' is not valid",
        "https://example.org/%G1|'%G1' at index 20 is not a valid percent-escape",
        "https://example.org/a%2|'%2' at index 21 is not a valid percent-escape",
        "https://example.org/a%|'%' at index 21 is not a valid percent-escape",
        "https://exa mple.org/|a space at index 11",
        "https://example.org/a b.jpg|a space at index 21",
        "\"https://example.org/a.jpg \"|a space at index 25",
        "https://example.org\\a.jpg|the backslash at index 19",
        "https://-bad.example/|the host '-bad.example' is not a valid host name",
        "https://bad-.example/|the host 'bad-.example' is not a valid host name",
        "https://a..b/|the host 'a..b' is not a valid host name",
        "https://.example.org/|the host '.example.org' is not a valid host name",
        "https://example.org../|the host 'example.org..' is not a valid host name",
        "https://exa%41mple.org/|the host 'exa%41mple.org' is not a valid host name",
        "https://example.123/|not an IPv4 address",
        "https://999.1.1.1/|not an IPv4 address",
        "https://1.2.3/|not an IPv4 address",
        "https://[::1%25eth0]/|the IPv6 address in brackets is not valid",
        "https://[::1/|the IPv6 address in brackets is not valid",
        "https://[::1]x/|the IPv6 address in brackets is not valid",
      })
  void normalise_invalidUrl_namesTheValueAndWhatIsValid(String url, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UrlIdentity.normalise(url))
        .withMessageStartingWith("Invalid URL '" + url + "': ")
        .withMessageContaining(reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org/a\nb",
        "https://example.org/\u0000",
        "https://example.org/\t",
        "https://example.org/\u007F",
        "https://example.org/\u0085"
      })
  void normalise_controlCharacter_isRejected(String url) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UrlIdentity.normalise(url))
        .withMessageContaining("is not allowed; percent-encode it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.org/\uD800", "https://example.org/\uDC00x"})
  void normalise_unpairedSurrogate_isRejected(String url) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UrlIdentity.normalise(url))
        .withMessageContaining("unpaired surrogate");
  }

  @Test
  void normalise_hostLabelOf63Characters_isKept() {
    String url = "https://" + "a".repeat(63) + ".example/";

    assertThat(UrlIdentity.normalise(url)).isEqualTo(url);
  }

  @Test
  void normalise_hostLabelOf64Characters_isRejected() {
    String url = "https://" + "a".repeat(64) + ".example/";

    assertThatIllegalArgumentException()
        .isThrownBy(() -> UrlIdentity.normalise(url))
        .withMessageContaining("labels of 1 to 63");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "Example.ORG. example.org",
        "example.org example.org",
        "bücher.example xn--bcher-kva.example",
        "BÜCHER.Example. xn--bcher-kva.example",
        "sub.domain.example.org sub.domain.example.org",
      })
  void normaliseHost_givesTheLowerCaseAsciiForm(String domain, String expected) {
    assertThat(UrlIdentity.normaliseHost(domain)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "a b",
        "example.org:80",
        "https://example.org",
        "ex/ample",
        "-x.example",
        "a..b",
        "example.org/"
      })
  void normaliseHost_notAHostName_namesTheValue(String domain) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UrlIdentity.normaliseHost(domain))
        .withMessageStartingWith("Invalid domain '" + domain + "': ")
        .withMessageContaining("a host name is made of labels");
  }

  @ParameterizedTest
  @CsvSource({
    "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855,"
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855,"
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  })
  void normaliseSha256_anyCase_givesLowerCase(String hex, String expected) {
    assertThat(UrlIdentity.normaliseSha256(hex)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "e3b0",
        "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555"
      })
  void normaliseSha256_notSixtyFourHexDigits_isRejected(String hex) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UrlIdentity.normaliseSha256(hex))
        .withMessage("Invalid sha256 '" + hex + "': a SHA-256 digest is written as 64 hex digits");
  }
}
