package org.rightsregistry.client.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightsregistry.client.UrlIdentity;

class NormalFormTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.tate.org.uk/art/images/work/A/A00/A00001_8.jpg",
        "http://farm3.staticflickr.com/2881/10997113773_ebf2261d0e_o.jpg",
        "https://live.staticflickr.com/65535/47030104294_f9110a178e_b.jpg?x=1&y=/z",
        "http://a_b.example/",
        "http://x-1.y2.example/~user/"
      })
  void isNormal_plainUrls_areTakenAsTheyAre(String url) {
    assertThat(NormalForm.isNormal(url)).isTrue();
    assertThat(UrlIdentity.normalise(url)).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HTTP://example.org/",
        "http://Example.org/",
        "http://example.org",
        "http://example.org?q",
        "http://example.org./",
        "http://example.org:80/",
        "http://example.org:8080/",
        "http://192.0.2.1/",
        "http://example.123/",
        "http://xn--bcher-kva.example/",
        "http://bücher.example/",
        "http://-a.example/",
        "http://a-.example/",
        "http://a..example/",
        "http://user@example.org/",
        "http://[2001:db8::1]/",
        "http://example.org/%41",
        "http://example.org/a#f",
        "http://example.org/a b",
        "http://example.org/a|b",
        "http://example.org/a\\b",
        "http://example.org/é",
        "ftp://example.org/"
      })
  void isNormal_urlsTheNormaliserWouldChangeOrRefuse_goTheSlowWay(String url) {
    assertThat(NormalForm.isNormal(url)).isFalse();
  }

  @Test
  void isNormal_everyRealManifestUrl_agreesWithTheNormaliser() throws IOException {
    Path manifest =
        Path.of(System.getProperty("rightsregistry.shared-data", "../../shared/data"))
            .resolve("real/training-manifests/img2dataset-laion-sample/test_10000.txt");
    if (!Files.exists(manifest)) {
      return;
    }
    int fast = 0;
    for (String url : Files.readAllLines(manifest)) {
      if (NormalForm.isNormal(url)) {
        fast++;
        assertThat(UrlIdentity.normalise(url)).isEqualTo(url);
      }
    }
    assertThat(fast).isGreaterThan(5_000);
  }

  @Test
  void isNormal_realTateThumbnailUrls_agreeWithTheNormaliser() throws IOException {
    Path tate =
        Path.of(System.getProperty("rightsregistry.shared-data", "../../shared/data"))
            .resolve("real/museum-collections/tate/artworks.jsonl.gz");
    if (!Files.exists(tate)) {
      return;
    }
    List<String> urls = RealUrls.tateThumbnails(tate, 5_000);
    for (String url : urls) {
      assertThat(NormalForm.isNormal(url)).as(url).isTrue();
      assertThat(UrlIdentity.normalise(url)).isEqualTo(url);
    }
  }
}
