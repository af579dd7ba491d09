package org.rightsregistry.conformance;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs every vector against a registry over HTTP, as {@code run-against.sh} does: prints one table
 * line per case (topic, PASS, FAIL or SKIP, the case, and the reason or the differences), the
 * counts per topic, the skip reasons, and a closing line {@code N passed, N failed, N skipped}.
 * Exits with 1 when a case failed, 2 when the arguments are wrong.
 *
 * <p>The run writes parties, credentials, declarations and agreements into the registry, each under
 * ids and hosts tagged for the run, so it needs an operator credential and should be aimed at a
 * registry that may keep them.
 */
public final class RunAgainst {

  private RunAgainst() {}

  /**
   * Runs the vectors.
   *
   * @param args the registry's URL, an operator credential, and optionally the vectors directory
   *     (default {@code vectors})
   */
  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: RunAgainst <registry-url> <operator-token> [vectors-directory]");
      System.exit(2);
    }
    Path vectors = Path.of(args.length == 3 ? args[2] : "vectors");
    ConformanceReport report =
        run(new HttpCaseRunner(URI.create(args[0]), args[1], null), vectors, System.out);
    System.exit(report.anyFailed() ? 1 : 0);
  }

  static ConformanceReport run(HttpCaseRunner runner, Path vectors, PrintStream out) {
    ConformanceReport report = new ConformanceReport();
    for (List<VectorCase> topic : Vectors.read(vectors)) {
      for (VectorCase vector : topic) {
        CaseOutcome outcome = runner.run(vector);
        report.add(outcome);
        out.println(ConformanceReport.line(outcome));
      }
    }
    out.println();
    out.println("Per topic:");
    report.perTopic().forEach(line -> out.println("  " + line));
    out.println("Skipped, by reason:");
    report.skipReasons().forEach(line -> out.println("  " + line));
    out.println(report.summary());
    return report;
  }
}
