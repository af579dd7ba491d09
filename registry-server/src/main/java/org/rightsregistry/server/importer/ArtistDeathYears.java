package org.rightsregistry.server.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the years of death from Tate's artist_data.csv (a UTF-8 CSV with a byte-order mark). */
final class ArtistDeathYears {

  private ArtistDeathYears() {}

  /** Artist id to year of death, for every artist with a known year of death. */
  static Map<Integer, Integer> read(Path csv) {
    Map<Integer, Integer> years = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      List<String> header = fields(stripBom(reader.readLine()));
      int idColumn = header.indexOf("id");
      int deathColumn = header.indexOf("yearOfDeath");
      if (idColumn < 0 || deathColumn < 0) {
        throw new ImportException(csv + " has no id and yearOfDeath columns");
      }
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        List<String> row = fields(line);
        if (row.size() > Math.max(idColumn, deathColumn) && !row.get(deathColumn).isBlank()) {
          years.put(
              Integer.parseInt(row.get(idColumn).strip()),
              Integer.parseInt(row.get(deathColumn).strip()));
        }
      }
      return years;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + csv, e);
    } catch (NumberFormatException e) {
      throw new ImportException(csv + " has a malformed id or year: " + e.getMessage(), e);
    }
  }

  /** Splits one CSV record (RFC 4180 quoting, no embedded line breaks in this file). */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static String stripBom(String line) {
    return line != null && line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
