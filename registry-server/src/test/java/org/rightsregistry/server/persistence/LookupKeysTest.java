package org.rightsregistry.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.UrlIdentity;

class LookupKeysTest {

  @Test
  void forUrl_urlInADirectory_exactKeyThenEveryPrefixCutThenEveryDomain() {
    assertThat(LookupKeys.forUrl("https://www.tate.org.uk/art/images/a.jpg"))
        .containsExactly(
            "url https://www.tate.org.uk/art/images/a.jpg",
            "url-prefix https://www.tate.org.uk/",
            "url-prefix https://www.tate.org.uk/art/",
            "url-prefix https://www.tate.org.uk/art/images/",
            "domain www.tate.org.uk",
            "domain tate.org.uk",
            "domain org.uk",
            "domain uk");
  }

  @Test
  void forUrl_slashesInTheQueryAndAPort_cutsThereTooAndDomainsWithoutThePort() {
    assertThat(LookupKeys.forUrl("http://example.org:8080/a?b=c/d"))
        .containsExactly(
            "url http://example.org:8080/a?b=c/d",
            "url-prefix http://example.org:8080/",
            "url-prefix http://example.org:8080/a?b=c/",
            "domain example.org",
            "domain org");
  }

  @Test
  void forUrl_ipv6Host_oneDomainKeyForTheBracketedAddress() {
    assertThat(LookupKeys.forUrl("http://[2001:db8::1]/x"))
        .containsExactly(
            "url http://[2001:db8::1]/x",
            "url-prefix http://[2001:db8::1]/",
            "domain [2001:db8::1]");
  }

  @Test
  void forUrl_anyUrl_isItsExactKeyAndTheKeysOfItsDirectory() {
    for (String raw :
        List.of(
            "https://farm1.staticflickr.com/123/4567_abc_o.jpg",
            "https://www.tate.org.uk/",
            "https://EXAMPLE.org/a/b/c/d/e/f/g.png?size=large&path=/x/y",
            "http://[::1]:8080/dir/",
            "https://a.b.c.d.example/x/y/z#fragment")) {
      String url = UrlIdentity.normalise(raw);
      List<String> split = new ArrayList<>();
      split.add(LookupKeys.forExactUrl(url));
      split.addAll(LookupKeys.forDirectory(LookupKeys.directoryOf(url)));

      assertThat(LookupKeys.forUrl(url)).as(url).isEqualTo(split);
      assertThat(
              LookupKeys.forUrl(LookupKeys.directoryOf(url) + "other.jpg").subList(1, split.size()))
          .as("another URL in the directory of " + url)
          .isEqualTo(split.subList(1, split.size()));
    }
  }

  @Test
  void forSelector_urlPrefix_filedUnderTheDirectoryItEndsIn() {
    Selector prefix = Selector.urlPrefix("https://www.tate.org.uk/art/images/AR0");

    assertThat(LookupKeys.forSelector(prefix))
        .isEqualTo("url-prefix https://www.tate.org.uk/art/images/");
    assertThat(LookupKeys.forUrl("https://www.tate.org.uk/art/images/AR00086_8.jpg"))
        .contains(LookupKeys.forSelector(prefix));
  }
}
