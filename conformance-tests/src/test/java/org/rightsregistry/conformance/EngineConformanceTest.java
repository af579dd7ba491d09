package org.rightsregistry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.DecisionEngine;
import org.rightsregistry.client.wire.DecisionDocuments;

/**
 * Runs every vector against the client library's {@link DecisionEngine}, offline: one dynamic test
 * per case, named by its description, in one container per topic. A case with a {@code skip} reason
 * is reported as skipped.
 */
class EngineConformanceTest {

  static final Path VECTORS = Path.of("vectors");

  private final DecisionEngine engine = new DecisionEngine();

  @TestFactory
  Stream<DynamicNode> everyVector_decidesAsExpected() {
    return Vectors.read(VECTORS).stream()
        .map(
            topic ->
                DynamicContainer.dynamicContainer(
                    topic.get(0).topic(), topic.stream().map(this::test)));
  }

  private DynamicTest test(VectorCase vector) {
    return DynamicTest.dynamicTest(vector.description(), () -> run(vector));
  }

  private void run(VectorCase vector) {
    Assumptions.assumeTrue(vector.skipReason() == null, vector.skipReason());

    Decision decision = engine.decide(EngineInputs.request(vector.json()));

    List<String> differences =
        Expectations.differences(vector.json().get("expected"), DecisionDocuments.toJson(decision));
    assertThat(differences).as(decision.explanation()).isEmpty();
  }
}
