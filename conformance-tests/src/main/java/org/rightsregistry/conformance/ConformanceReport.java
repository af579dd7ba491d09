package org.rightsregistry.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcomes of a run: one table line per case, counts per topic, the skip reasons and a closing
 * summary {@code N passed, N failed, N skipped}.
 */
public final class ConformanceReport {

  private final List<CaseOutcome> outcomes = new ArrayList<>();

  /** Adds a case's outcome. */
  public synchronized void add(CaseOutcome outcome) {
    outcomes.add(outcome);
  }

  /** Whether any case failed. */
  public synchronized boolean anyFailed() {
    return outcomes.stream().anyMatch(o -> o.status() == CaseOutcome.Status.FAIL);
  }

  /**
   * One case as a table line: topic, status and description, and on the next line, indented, the
   * reason it was skipped or how it failed.
   */
  public static String line(CaseOutcome outcome) {
    String line =
        String.format(
            "%-12s %-4s %s", outcome.topic(), outcome.status().name(), outcome.description());
    return outcome.detail().isEmpty() ? line : line + "\n" + " ".repeat(18) + outcome.detail();
  }

  /** The table lines of the cases with one status, in the order they ran. */
  public synchronized List<String> lines(CaseOutcome.Status status) {
    return outcomes.stream()
        .filter(o -> o.status() == status)
        .map(ConformanceReport::line)
        .toList();
  }

  /** Per topic, in name order: {@code topic: N passed, N failed, N skipped}. */
  public synchronized List<String> perTopic() {
    Map<String, int[]> counts = new TreeMap<>();
    for (CaseOutcome outcome : outcomes) {
      counts.computeIfAbsent(outcome.topic(), t -> new int[3])[outcome.status().ordinal()]++;
    }
    List<String> lines = new ArrayList<>();
    counts.forEach((topic, c) -> lines.add(String.format("%-12s %s", topic, counts(c))));
    return lines;
  }

  /** Each skip reason with how many cases it skipped, most frequent first. */
  public synchronized List<String> skipReasons() {
    Map<String, Integer> reasons = new TreeMap<>();
    outcomes.stream()
        .filter(o -> o.status() == CaseOutcome.Status.SKIP)
        .forEach(o -> reasons.merge(o.detail(), 1, Integer::sum));
    return reasons.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .map(e -> String.format("%4d  %s", e.getValue(), e.getKey()))
        .toList();
  }

  /** {@code N passed, N failed, N skipped} over every case. */
  public synchronized String summary() {
    int[] c = new int[3];
    outcomes.forEach(o -> c[o.status().ordinal()]++);
    return counts(c);
  }

  private static String counts(int[] c) {
    return c[0] + " passed, " + c[1] + " failed, " + c[2] + " skipped";
  }
}
