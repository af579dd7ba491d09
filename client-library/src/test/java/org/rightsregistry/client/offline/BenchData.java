package org.rightsregistry.client.offline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;

/**
 * Snapshots for the benchmarks, shaped like the real Tate, British Library (Flickr) and Openverse
 * image URLs of the shared data: every real URL once, then copies with the image's number varied
 * until the count is reached. Each declaration covers one exact URL; 1,000 URL-prefix and 1,000
 * domain declarations are added on top, so lookups walk real directory cuts and parent domains.
 */
final class BenchData {

  static final Instant EXPORTED = Instant.parse("2026-12-04T12:00:00Z");
  private static final Path SHARED =
      Path.of(System.getProperty("rightsregistry.shared-data", "../../shared/data"));
  private static final Party[] PARTIES = {
    new Party("tate", "Tate"),
    new Party("british-library", "British Library"),
    new Party("dacs", "DACS"),
    new Party("photographer-1", null)
  };

  private BenchData() {}

  /** Real image URLs: Tate thumbnails, British Library Flickr originals, Openverse images. */
  static List<String> realUrls() throws IOException {
    Path real = SHARED.resolve("real");
    List<String> urls = new ArrayList<>();
    urls.addAll(
        RealUrls.tateThumbnails(
            real.resolve("museum-collections/tate/artworks.jsonl.gz"), Integer.MAX_VALUE));
    urls.addAll(
        RealUrls.tsvColumn(
            real.resolve(
                "museum-collections/british-library-flickr/"
                    + "flickr_commons_manifest_1510-1849.tsv.gz"),
            13,
            Integer.MAX_VALUE));
    for (String provider :
        List.of(
            "flickr_1557512401.tsv",
            "rawpixel_1562166170.tsv",
            "brooklynmuseum_1559050316.tsv",
            "metmuseum_1551822422.tsv")) {
      Path file = real.resolve("training-manifests/openverse-catalog-tsv/" + provider);
      for (String url : RealUrls.tsvColumn(file, 2, Integer.MAX_VALUE)) {
        urls.add(url);
      }
    }
    return urls;
  }

  /** {@code count} distinct URLs in normal form, the real ones first. */
  static String[] urls(List<String> real, int count, int variantOffset) {
    Set<String> seen = new HashSet<>(count * 2);
    String[] urls = new String[count];
    int n = 0;
    for (int variant = variantOffset; n < count; variant++) {
      for (int i = 0; i < real.size() && n < count; i++) {
        String url = NormalForm.url(vary(real.get(i), variant));
        if (seen.add(url)) {
          urls[n++] = url;
        }
      }
    }
    return urls;
  }

  /** Varies the last run of digits of the path, as a collection's next object would. */
  static String vary(String url, int variant) {
    if (variant == 0) {
      return url;
    }
    int end = url.length();
    while (end > 0 && !Character.isDigit(url.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isDigit(url.charAt(start - 1))) {
      start--;
    }
    if (start < url.indexOf('/', url.indexOf("://") + 3)) {
      return url + "?v=" + variant;
    }
    return url.substring(0, end) + "v" + variant + url.substring(end);
  }

  /** Writes a snapshot of one declaration per URL, plus prefix and domain declarations. */
  static void writeSnapshot(String[] urls, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      SnapshotWriter writer = SnapshotFormat.writer(out, urls.length + 2_000L, EXPORTED);
      for (int i = 0; i < urls.length; i++) {
        writer.add(declaration(i, Selector.url(urls[i])));
      }
      for (int i = 0; i < 1_000; i++) {
        String url = urls[(int) ((i * 7_919L) % urls.length)];
        writer.add(
            declaration(
                urls.length + i, Selector.urlPrefix(url.substring(0, url.lastIndexOf('/') + 1))));
        writer.add(
            declaration(
                urls.length + 1_000 + i, Selector.domain("photographer-" + i + ".example")));
      }
      writer.finish();
    }
  }

  private static SnapshotDeclaration declaration(int i, Selector subject) {
    Party declarant = PARTIES[i % PARTIES.length];
    Effect effect = Effect.values()[i % 3];
    return new SnapshotDeclaration(
        new UUID(0x5EED_0000_0000_0000L | i, i * 0x9E3779B97F4A7C15L).toString(),
        i + 1,
        EXPORTED.minusSeconds(86_400).plusMillis(i),
        declarant,
        i % 5 == 0 ? PARTIES[2] : null,
        List.of(subject),
        Map.of(Usage.AI_TRAINING, effect),
        effect == Effect.ALLOWED ? "http://rightsstatements.org/vocab/NoC-US/1.0/" : null,
        null,
        null,
        TrustLevel.SELF_ASSERTED);
  }
}
