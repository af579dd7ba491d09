package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shortcut for items nothing bears on answers exactly what the full procedure answers. */
class NothingBearsTest {

  @ParameterizedTest
  @EnumSource(Usage.class)
  void shortcut_equalsTheFullProcedure_forEveryUsageProfileAndState(Usage usage) {
    Item item = Item.url("https://photos.example/cat.jpg");
    Instant at = Instant.parse("2026-06-01T00:00:00Z");
    List<PolicyProfile> profiles = new ArrayList<>(Arrays.asList(PolicyProfile.values()));
    profiles.add(null);
    for (PolicyProfile profile : profiles) {
      for (RegistryState registry :
          List.of(
              RegistryState.live(42),
              RegistryState.snapshot(42, at.minusSeconds(60), Duration.ofHours(1)),
              RegistryState.snapshot(42, at.minusSeconds(7200), Duration.ofHours(1)))) {
        DecisionRequest.Builder builder =
            DecisionRequest.builder(item, usage, at).registry(registry);
        if (profile != null) {
          builder.profile(profile);
        }
        DecisionRequest request = builder.build();

        assertThat(new DecisionEngine().decide(request))
            .as("%s %s %s", usage, profile, registry)
            .isEqualTo(DecisionEngine.finish(request, DecisionEngine.weighed(request)));
      }
    }
  }
}
