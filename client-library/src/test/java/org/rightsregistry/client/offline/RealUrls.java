package org.rightsregistry.client.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Real image URLs from the shared data, read without a JSON or TSV library. */
final class RealUrls {

  private RealUrls() {}

  /** Tate thumbnail URLs: the {@code thumbnailUrl} of each artwork that has one. */
  static List<String> tateThumbnails(Path artworksJsonlGz, int limit) throws IOException {
    List<String> urls = new ArrayList<>();
    for (String line : gzipLines(artworksJsonlGz)) {
      int at = line.indexOf("\"thumbnailUrl\":\"");
      if (at >= 0) {
        int start = at + "\"thumbnailUrl\":\"".length();
        urls.add(line.substring(start, line.indexOf('"', start)));
        if (urls.size() == limit) {
          break;
        }
      }
    }
    return urls;
  }

  /** A column of every http(s) value of a tab-separated file, gzipped or not. */
  static List<String> tsvColumn(Path file, int column, int limit) throws IOException {
    List<String> values = new ArrayList<>();
    List<String> lines =
        file.toString().endsWith(".gz") ? gzipLines(file) : Files.readAllLines(file);
    for (String line : lines) {
      String[] fields = line.split("\t", -1);
      if (fields.length > column && fields[column].startsWith("http")) {
        values.add(fields[column]);
        if (values.size() == limit) {
          break;
        }
      }
    }
    return values;
  }

  private static List<String> gzipLines(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
        var reader =
            new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
