package org.rightsregistry.vocabulary;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared data files the mappings are checked against (the ai.robots.txt list, the IPTC values,
 * the RightsStatements.org and Creative Commons RDF, the specification examples). They live outside
 * the repository, in {@code ../shared/data} of the checkout's parent; set {@code
 * -Dshared.data=<dir>} to point elsewhere. A test that needs them is skipped, with the reason, when
 * they are absent.
 */
final class SharedData {

  private SharedData() {}

  static Path file(String relative) {
    Path root = Path.of(System.getProperty("shared.data", "../../shared/data"));
    Path file = root.resolve(relative);
    assumeTrue(Files.exists(file), "the shared data file " + file + " is not present");
    return file;
  }
}
