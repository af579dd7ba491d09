package org.rightsregistry.client.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Usage;

/**
 * The library's own token table (the vocabularies module has no plain-resource mapping yet) is
 * checked against STANDARDS.md's named tokens and the ai.robots.txt agent list.
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
        agents.add(line.split("\t")[0].toLowerCase(Locale.ROOT));
      }
    }
    return agents;
  }

  @Test
  void everyAiToken_isInTheAiRobotsTxtList() {
    Set<String> agents = aiRobotsAgents();
    ProductTokens.all()
        .forEach(
            (token, usage) -> {
              if (usage != Usage.SEARCH_INDEXING
                  || !token.equals("Googlebot") && !token.equals("Bingbot")) {
                assertThat(agents).as(token).contains(token.toLowerCase(Locale.ROOT));
              }
            });
  }

  @Test
  void standardsMappingTable_tokensMapAsItSays() {
    for (String token : List.of("GPTBot", "ClaudeBot", "CCBot", "Meta-ExternalAgent")) {
      assertThat(ProductTokens.usageOf(token)).as(token).isEqualTo(Usage.AI_TRAINING);
    }
    for (String token : List.of("Google-Extended", "Applebot-Extended")) {
      assertThat(ProductTokens.usageOf(token)).as(token).isEqualTo(Usage.GENERATIVE_AI_TRAINING);
    }
    for (String token : List.of("ChatGPT-User", "Claude-User", "Perplexity-User")) {
      assertThat(ProductTokens.usageOf(token)).as(token).isEqualTo(Usage.AI_INFERENCE);
    }
    for (String token : List.of("Googlebot", "OAI-SearchBot", "Claude-SearchBot")) {
      assertThat(ProductTokens.usageOf(token)).as(token).isEqualTo(Usage.SEARCH_INDEXING);
    }
    assertThat(ProductTokens.usageOf("gptbot")).isEqualTo(Usage.AI_TRAINING);
  }

  @Test
  void generativeTraining_isExpressedByBroaderTrainingTokensToo() {
    assertThat(ProductTokens.expressing(Usage.GENERATIVE_AI_TRAINING))
        .contains("GPTBot", "CCBot", "Google-Extended")
        .doesNotContain("Googlebot", "ChatGPT-User");
  }
}
