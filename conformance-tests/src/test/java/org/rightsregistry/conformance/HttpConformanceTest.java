package org.rightsregistry.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rightsregistry.server.RegistryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs every vector against the registry server over HTTP: the server starts in-process on a random
 * loopback port with a throw-away embedded PostgreSQL, and {@link HttpCaseRunner} loads each case
 * through the public API and compares the decision. One dynamic test per case, named by its
 * description, in one container per topic; cases the API cannot express are skipped with their
 * reason. Every check answer the cases are decided by is validated against the published {@code
 * decision.schema.json}. The counts per topic are printed when the run ends.
 */
class HttpConformanceTest {

  /** The operator credential this test configures; valid only for its own throw-away server. */
  private static final String OPERATOR_TOKEN =
      "rr_c0f0c0f0c0f0_CONFORMANCEonlyCONFORMANCEonlyCONFORMANCEon";

  private static final ConformanceReport report = new ConformanceReport();
  private static ConfigurableApplicationContext server;
  private static HttpCaseRunner runner;

  @BeforeAll
  static void startRegistry() {
    InMemoryTxtRecords dns = new InMemoryTxtRecords();
    server =
        new SpringApplicationBuilder(RegistryApplication.class)
            .initializers(
                context -> context.getBeanFactory().registerSingleton("conformanceDns", dns))
            // Arguments, not default properties: they must win over the server's application.yaml.
            .run(
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--server.shutdown=immediate",
                "--rightsregistry.embedded-database.data-directory=",
                "--rightsregistry.import.tate.enabled=false",
                "--rightsregistry.import.tate.vouch-for-steward=false",
                "--rightsregistry.security.operator-token=" + OPERATOR_TOKEN,
                "--rightsregistry.security.requests-per-minute=1000000");
    String port = server.getEnvironment().getProperty("local.server.port");
    runner =
        new HttpCaseRunner(
            URI.create("http://127.0.0.1:" + port),
            OPERATOR_TOKEN,
            dns,
            DecisionSchemaCheck::violations);
  }

  @AfterAll
  static void stopRegistry() {
    System.out.println("Registry over HTTP, per topic:");
    report.perTopic().forEach(line -> System.out.println("  " + line));
    System.out.println("Skipped, by reason:");
    report.skipReasons().forEach(line -> System.out.println("  " + line));
    System.out.println("Failed:");
    report.lines(CaseOutcome.Status.FAIL).forEach(System.out::println);
    System.out.println(report.summary());
    if (server != null) {
      server.close();
    }
  }

  @TestFactory
  Stream<DynamicNode> everyVector_decidesOverHttpAsExpected() {
    return Vectors.read(EngineConformanceTest.VECTORS).stream()
        .map(
            topic ->
                DynamicContainer.dynamicContainer(
                    topic.get(0).topic(), topic.stream().map(HttpConformanceTest::test)));
  }

  private static DynamicTest test(VectorCase vector) {
    return DynamicTest.dynamicTest(vector.description(), () -> run(vector));
  }

  private static void run(VectorCase vector) {
    CaseOutcome outcome = runner.run(vector);
    report.add(outcome);
    switch (outcome.status()) {
      case SKIP -> Assumptions.abort(outcome.detail());
      case FAIL -> fail(outcome.detail());
      case PASS -> {}
    }
  }
}
