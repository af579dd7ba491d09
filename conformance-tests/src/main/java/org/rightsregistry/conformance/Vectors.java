package org.rightsregistry.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the vector files: one JSON file per topic, each with its {@code cases}. */
public final class Vectors {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Vectors() {}

  /**
   * Reads every {@code *.json} file of a directory, in file-name order.
   *
   * @param directory the vectors directory
   * @return the topics, each with its cases in file order
   * @throws UncheckedIOException if the directory or a file cannot be read
   */
  public static List<List<VectorCase>> read(Path directory) {
    List<List<VectorCase>> topics = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        topics.add(readFile(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the vectors in " + directory, e);
    }
    return topics;
  }

  private static List<VectorCase> readFile(Path file) throws IOException {
    JsonNode root = JSON.readTree(Files.readString(file));
    String topic = root.get("topic").stringValue();
    List<VectorCase> cases = new ArrayList<>();
    for (JsonNode json : root.get("cases")) {
      cases.add(new VectorCase(topic, json.get("description").stringValue(), json));
    }
    return cases;
  }
}
