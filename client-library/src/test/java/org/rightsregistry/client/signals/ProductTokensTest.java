package org.rightsregistry.client.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Usage;

/**
 * The product tokens come from the vocabulary's generated light form: every AI agent of the
 * ai.robots.txt list is known, and the tokens STANDARDS.md's mapping table names express what it
 * says.
 */
class ProductTokensTest {

  private static Set<String> aiRobotsAgents() {
    String tsv =
        new String(
            RealFiles.read(RealFiles.data().resolve("spec-examples/ai-robots-txt-agents.tsv")),
            StandardCharsets.UTF_8);
    Set<String> agents = new HashSet<>();
    for (String line : tsv.split("\n")) {
      if (!line.startsWith("#") && !line.startsWith("name\t") && !line.isBlank()) {
        agents.add(line.split("\t")[0]);
      }
    }
    return agents;
  }

  @Test
  void everyAgentOfTheAiRobotsTxtList_isKnown() {
    Set<String> agents = aiRobotsAgents();

    assertThat(agents).hasSizeGreaterThan(100);
    agents.forEach(agent -> assertThat(ProductTokens.isKnown(agent)).as(agent).isTrue());
  }

  @Test
  void standardsMappingTable_tokensExpressWhatItSays() {
    for (String token : List.of("GPTBot", "ClaudeBot", "Meta-ExternalAgent")) {
      assertThat(ProductTokens.usagesOf(token)).as(token).contains(Usage.AI_TRAINING);
    }
    for (String token : List.of("Google-Extended", "Applebot-Extended")) {
      assertThat(ProductTokens.usagesOf(token)).as(token).contains(Usage.GENERATIVE_AI_TRAINING);
    }
    for (String token : List.of("ChatGPT-User", "Claude-User", "Perplexity-User")) {
      assertThat(ProductTokens.usagesOf(token)).as(token).contains(Usage.AI_INFERENCE);
    }
    for (String token : List.of("Googlebot", "OAI-SearchBot", "Claude-SearchBot")) {
      assertThat(ProductTokens.usagesOf(token)).as(token).contains(Usage.SEARCH_INDEXING);
    }
    assertThat(ProductTokens.usagesOf("gptbot")).contains(Usage.AI_TRAINING);
    assertThat(ProductTokens.usagesOf("NotACrawler")).isEmpty();
  }

  @Test
  void generativeTraining_isExpressedByBroaderTrainingTokensToo() {
    assertThat(ProductTokens.expressing(Usage.GENERATIVE_AI_TRAINING))
        .contains("GPTBot", "CCBot", "Google-Extended")
        .doesNotContain("Googlebot", "ChatGPT-User");
  }
}
