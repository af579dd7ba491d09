package org.rightsregistry.client.signals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real files under shared/data/real: robots.txt bodies (also from CSV columns) and assets. */
final class RealFiles {

  /** One robots.txt body with where it came from. */
  record Robots(String name, byte[] body) {}

  private RealFiles() {}

  static Path data() {
    String dir = System.getProperty("rightsregistry.shared-data", "../../shared/data");
    return Paths.get(dir).toAbsolutePath().normalize();
  }

  static Path real(String sub) {
    return data().resolve("real").resolve(sub);
  }

  static List<Robots> robots() {
    List<Robots> all = new ArrayList<>();
    Path root = real("robots-txt");
    for (Path file : files(root)) {
      String name = root.relativize(file).toString();
      if (name.endsWith("robots.txt")) {
        all.add(new Robots(name, read(file)));
      } else if (name.startsWith("news-top100-monthly") && name.contains("robots_txt")) {
        column(file, "robots", name, all);
      } else if (name.startsWith("wayback-publishers")) {
        column(file, "content", name, all);
      }
    }
    return all;
  }

  static List<Path> files(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void column(Path csv, String column, String name, List<Robots> into) {
    List<List<String>> rows = Csv.parse(new String(read(csv), StandardCharsets.UTF_8));
    if (rows.isEmpty()) {
      return;
    }
    int index = rows.get(0).indexOf(column);
    int site = Math.max(rows.get(0).indexOf("Website"), rows.get(0).indexOf("url"));
    for (int r = 1; r < rows.size() && index >= 0; r++) {
      List<String> row = rows.get(r);
      if (index < row.size() && !row.get(index).isBlank()) {
        String label = site >= 0 && site < row.size() ? row.get(site) : "row " + r;
        into.add(new Robots(name + " " + label, row.get(index).getBytes(StandardCharsets.UTF_8)));
      }
    }
  }

  /** RFC 4180 CSV with quoted fields spanning lines. */
  static final class Csv {
    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
        } else {
          field.append(c);
        }
      }
      if (field.length() > 0 || !row.isEmpty()) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
