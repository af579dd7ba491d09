package org.rightsregistry.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.RegistryRequestException;
import org.rightsregistry.client.RightsChecker;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestParties;
import org.springframework.beans.factory.annotation.Value;

/** The client library's checker over real HTTP against the real server. */
@RegistryTest
class RightsCheckerAgainstServerTest {

  @Value("${local.server.port}")
  int port;

  @Test
  void checkerReturnsTheServersDecisionsWithTheirEvidence() {
    String host = "client-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    new RegistryHttp(port)
        .as(TestParties.token(port, "a-photographer"))
        .postJson(
            "/v1/declarations",
            """
        {"declarant": {"id": "a-photographer"},
         "subjects": [{"type": "domain", "value": "%s"}],
         "usages": {"ai-training": "reserved", "search-indexing": "allowed"}}
        """
                .formatted(host));
    RightsChecker checker =
        RightsChecker.builder().registry(URI.create("http://127.0.0.1:" + port)).build();

    List<Decision> decisions =
        checker.checkAll(
            List.of(
                Item.url("https://www." + host + "/a.jpg"),
                Item.url("https://elsewhere.example/a.jpg")),
            Usage.GENERATIVE_AI_TRAINING);
    Decision search =
        checker.check(Item.url("https://www." + host + "/a.jpg"), Usage.SEARCH_INDEXING);

    assertThat(decisions.get(0).verdict()).isEqualTo(Verdict.DENY);
    assertThat(decisions.get(0).evidence()).hasSize(1);
    assertThat(decisions.get(0).evidence().get(0).declarant().id()).isEqualTo("a-photographer");
    assertThat(decisions.get(0).registrySequence()).isPresent();
    assertThat(decisions.get(1).verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(search.verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void checkerFailsClosedWhenTheRegistryIsNotThere() {
    RightsChecker checker =
        RightsChecker.builder().registry(URI.create("http://127.0.0.1:1")).build();

    Decision decision = checker.check(Item.url("https://example.org/a.jpg"), Usage.AI_TRAINING);

    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.rule()).isEqualTo(Decision.RULE_REGISTRY_UNREACHABLE);
  }

  @Test
  void requestTheServerRefusesIsReportedToTheCaller() {
    RightsChecker checker =
        RightsChecker.builder().registry(URI.create("http://127.0.0.1:" + port)).build();

    assertThatThrownBy(() -> checker.check(Item.accession("Not An Id", "N1"), Usage.AI_TRAINING))
        .isInstanceOfAny(RegistryRequestException.class, IllegalArgumentException.class);
  }
}
