package org.rightsregistry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite itself: enough cases, unique names, one file per topic. */
class VectorsTest {

  @Test
  void suite_hasAtLeastTwoHundredCases() {
    int cases = Vectors.read(EngineConformanceTest.VECTORS).stream().mapToInt(List::size).sum();

    assertThat(cases).isGreaterThanOrEqualTo(200);
  }

  @Test
  void descriptions_areUniqueWithinEachTopic() {
    for (List<VectorCase> topic : Vectors.read(EngineConformanceTest.VECTORS)) {
      assertThat(topic).extracting(VectorCase::description).doesNotHaveDuplicates();
    }
  }
}
