package org.rightsregistry.client.signals;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints, per AI agent of the ai.robots.txt list, how many real robots.txt files reserve against it
 * (disallow {@code /} for it), by our parser and by crawler-commons alone. Run by {@code
 * client-library/bench/real-files.sh}.
 */
public final class RealFilesSummary {

  private RealFilesSummary() {}

  /**
   * Prints the summary.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    List<RealFiles.Robots> files = RealFiles.robots();
    List<String> agents = agents();
    List<RobotsTxt> ours = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (RealFiles.Robots file : files) {
      RobotsTxt parsed = RobotsTxt.parse(file.body());
      ours.add(parsed);
      if (!parsed.problems().isEmpty()) {
        problems.add(file.name() + ": " + parsed.problems().size() + " problem lines");
      }
    }
    System.out.printf(
        "%d robots.txt files read, %d with problem lines reported%n",
        files.size(), problems.size());
    System.out.printf("%-34s %8s %8s %8s%n", "agent", "ours", "cc-1.5", "named");
    for (String agent : agents) {
      int reserved = 0;
      int named = 0;
      int crawlerCommons = 0;
      for (int i = 0; i < files.size(); i++) {
        if (!ours.get(i).isAllowed(agent, "/")) {
          reserved++;
        }
        if (ours.get(i).names(agent)) {
          named++;
        }
        if (!crawlerCommons(files.get(i).body(), agent)) {
          crawlerCommons++;
        }
      }
      System.out.printf("%-34s %8d %8d %8d%n", agent, reserved, crawlerCommons, named);
    }
  }

  private static boolean crawlerCommons(byte[] body, String agent) {
    BaseRobotRules rules =
        new SimpleRobotRulesParser()
            .parseContent(
                "https://example.org/robots.txt",
                body,
                "text/plain",
                List.of(agent.toLowerCase(Locale.ROOT)));
    return rules.isAllowed("https://example.org/");
  }

  private static List<String> agents() {
    String tsv =
        new String(
            RealFiles.read(RealFiles.data().resolve("spec-examples/ai-robots-txt-agents.tsv")),
            StandardCharsets.UTF_8);
    List<String> agents = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      if (line.startsWith("#") || line.startsWith("name\t") || line.isBlank()) {
        continue;
      }
      agents.add(line.split("\t")[0]);
    }
    return agents;
  }
}
