package org.rightsregistry.client.signals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rightsregistry.client.Usage;

/**
 * Which robots.txt product tokens express which usage category: a user agent's group in robots.txt
 * is read as the site's word on the use that agent's operator makes of the content.
 *
 * <p>The vocabularies module is to publish this mapping as a plain resource; until it does, this
 * table is the library's own, and {@code ProductTokensTest} checks it against the tokens that
 * STANDARDS.md names and the ai.robots.txt agent list. Sources: STANDARDS.md mapping table and
 * section 4, the operators' descriptions in ai.robots.txt {@code robots.json}.
 */
final class ProductTokens {

  private static final Map<String, Usage> BY_TOKEN = table();

  private ProductTokens() {}

  private static Map<String, Usage> table() {
    Map<String, Usage> table = new LinkedHashMap<>();
    // Crawlers that gather training data for AI models of any kind.
    for (String token :
        List.of(
            "GPTBot",
            "ClaudeBot",
            "anthropic-ai",
            "Claude-Web",
            "CCBot",
            "Meta-ExternalAgent",
            "FacebookBot",
            "Bytespider",
            "Amazonbot",
            "cohere-training-data-crawler",
            "DeepSeekBot",
            "Ai2Bot-Dolma",
            "AI2Bot",
            "Diffbot",
            "omgili",
            "img2dataset")) {
      table.put(token, Usage.AI_TRAINING);
    }
    // Tokens that control use for training generative models only (no separate crawler).
    table.put("Google-Extended", Usage.GENERATIVE_AI_TRAINING);
    table.put("Applebot-Extended", Usage.GENERATIVE_AI_TRAINING);
    // Agents that fetch content as input to a model answering a user.
    for (String token :
        List.of(
            "ChatGPT-User",
            "Claude-User",
            "Perplexity-User",
            "MistralAI-User",
            "Google-CloudVertexBot")) {
      table.put(token, Usage.AI_INFERENCE);
    }
    // Search crawlers.
    for (String token :
        List.of("Googlebot", "Bingbot", "OAI-SearchBot", "Claude-SearchBot", "PerplexityBot")) {
      table.put(token, Usage.SEARCH_INDEXING);
    }
    return Collections.unmodifiableMap(table);
  }

  /** Every token with the category it expresses, in table order. */
  static Map<String, Usage> all() {
    return BY_TOKEN;
  }

  /** The category a token expresses, matched case-insensitively, or null. */
  static Usage usageOf(String token) {
    for (Map.Entry<String, Usage> entry : BY_TOKEN.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(token)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The tokens that bear on a usage: those of the usage, its broader and its narrower ones. */
  static List<String> expressing(Usage usage) {
    List<String> tokens = new ArrayList<>();
    BY_TOKEN.forEach(
        (token, category) -> {
          if (usage.isWithin(category) || category.isWithin(usage)) {
            tokens.add(token);
          }
        });
    return tokens;
  }

  static String lower(String token) {
    return token.toLowerCase(Locale.ROOT);
  }
}
