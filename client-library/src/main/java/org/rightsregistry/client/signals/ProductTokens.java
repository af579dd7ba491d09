package org.rightsregistry.client.signals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rightsregistry.client.Usage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which robots.txt product tokens express which usage categories: a user agent's group in
 * robots.txt is read as the site's word on the use that agent's operator makes of the content.
 *
 * <p>The tokens and their categories are the vocabulary's ({@code signal-mappings.json}, the light
 * form generated from the Turtle and copied into this jar by the build), so the library and the
 * published vocabulary cannot disagree. The vocabulary maps the AI agents of the ai.robots.txt
 * list; the two general search crawlers below are in no AI list and are the library's own addition,
 * for search-indexing checks.
 */
final class ProductTokens {

  static final String MAPPINGS = "signal-mappings.json";

  /** General web search crawlers: a disallow for them reserves search indexing. */
  private static final List<String> SEARCH_CRAWLERS = List.of("Googlebot", "Bingbot");

  private static final Map<String, Set<Usage>> BY_TOKEN = table();
  private static final Map<String, String> BY_LOWER_CASE = lowerCased(BY_TOKEN);

  private ProductTokens() {}

  private static Map<String, Set<Usage>> table() {
    Map<String, Set<Usage>> table = new LinkedHashMap<>();
    JsonNode tokens = mappings().path("standards").path("robots-txt").path("tokens");
    if (tokens.isEmpty()) {
      throw new IllegalStateException(
          MAPPINGS + " maps no robots.txt product token; the client library jar is incomplete");
    }
    for (Map.Entry<String, JsonNode> token : tokens.properties()) {
      Set<Usage> categories = EnumSet.noneOf(Usage.class);
      for (JsonNode mapping : token.getValue()) {
        categories.add(Usage.fromId(mapping.path("category").asString()));
      }
      table.put(token.getKey(), Collections.unmodifiableSet(categories));
    }
    for (String crawler : SEARCH_CRAWLERS) {
      table.putIfAbsent(crawler, Collections.unmodifiableSet(EnumSet.of(Usage.SEARCH_INDEXING)));
    }
    return Collections.unmodifiableMap(table);
  }

  private static JsonNode mappings() {
    try (InputStream in = ProductTokens.class.getResourceAsStream(MAPPINGS)) {
      if (in == null) {
        throw new IllegalStateException(
            MAPPINGS + " is missing from the classpath; the client library jar is incomplete");
      }
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + MAPPINGS, e);
    }
  }

  private static Map<String, String> lowerCased(Map<String, Set<Usage>> table) {
    Map<String, String> lower = new LinkedHashMap<>();
    table.keySet().forEach(token -> lower.putIfAbsent(lower(token), token));
    return Collections.unmodifiableMap(lower);
  }

  /** Every token with the categories it expresses, in the vocabulary's order. */
  static Map<String, Set<Usage>> all() {
    return BY_TOKEN;
  }

  /** The categories a token expresses, matched case-insensitively; empty if it is unknown. */
  static Set<Usage> usagesOf(String token) {
    String known = BY_LOWER_CASE.get(lower(token));
    return known == null ? Set.of() : BY_TOKEN.get(known);
  }

  /** Whether a token is one the library reads robots.txt and robots directives for. */
  static boolean isKnown(String token) {
    return BY_LOWER_CASE.containsKey(lower(token));
  }

  /** The tokens that bear on a usage: those of the usage, its broader and its narrower ones. */
  static List<String> expressing(Usage usage) {
    List<String> tokens = new ArrayList<>();
    BY_TOKEN.forEach(
        (token, categories) -> {
          for (Usage category : categories) {
            if (usage.isWithin(category) || category.isWithin(usage)) {
              tokens.add(token);
              return;
            }
          }
        });
    return tokens;
  }

  static String lower(String token) {
    return token.toLowerCase(Locale.ROOT);
  }
}
