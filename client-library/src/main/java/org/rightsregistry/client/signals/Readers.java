package org.rightsregistry.client.signals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.Usage;

/** Turns robots.txt rules, headers and meta elements into signals. */
final class Readers {

  private static final Set<String> COLON_DIRECTIVES =
      Set.of(
          "unavailable_after",
          "max-snippet",
          "max-image-preview",
          "max-video-preview",
          "noai",
          "noimageai",
          "noindex",
          "none",
          "all",
          "nofollow");

  private Readers() {}

  /**
   * The usage-level reading of a robots.txt for one URL path: every product token the vocabulary
   * maps. Tokens without a group of their own all fall to the {@code *} group, which is read once.
   */
  static Signal robots(RobotsTxt robots, String robotsUrl, String path, Instant at) {
    Map<Usage, Effect> usages = new EnumMap<>(Usage.class);
    Set<String> reserving = new LinkedHashSet<>();
    Set<String> rules = new LinkedHashSet<>();
    Reading star = null;
    for (Map.Entry<String, Set<Usage>> entry : ProductTokens.all().entrySet()) {
      String token = entry.getKey();
      Reading reading;
      if (robots.names(token)) {
        reading = Reading.of(robots, token, path);
      } else {
        star = star == null ? Reading.of(robots, token, path) : star;
        reading = star;
      }
      if (!reading.allowed()) {
        entry.getValue().forEach(usage -> usages.put(usage, Effect.RESERVED));
        reserving.add(robots.names(token) ? token : "*");
        rules.add(reading.rule());
        continue;
      }
      for (String preference : reading.preferences()) {
        Map<Usage, Effect> read = aiPreferences(preference);
        if (read != null) {
          read.forEach((usage, effect) -> usages.merge(usage, effect, Readers::stricter));
          rules.add("Content-Usage: " + preference);
        }
      }
    }
    String meaning =
        reserving.isEmpty()
            ? "no product token of the table is disallowed " + path
            : String.join(", ", reserving) + " may not fetch " + path;
    if (!usages.isEmpty() && reserving.isEmpty()) {
      meaning = "Content-Usage preferences for " + path + ": " + usages;
    }
    return new Signal(
        Signal.SOURCE_ROBOTS_TXT,
        String.join("\n", rules),
        robotsUrl,
        meaning,
        usages,
        SignalOutcome.READ,
        at);
  }

  /** What robots.txt says to one token about one path. */
  private record Reading(boolean allowed, String rule, List<String> preferences) {

    static Reading of(RobotsTxt robots, String token, String path) {
      boolean allowed = robots.isAllowed(token, path);
      List<String> preferences = allowed ? robots.contentUsage(token, path) : null;
      return new Reading(
          allowed,
          allowed ? null : robots.decisiveRule(token, path),
          preferences == null ? List.of() : preferences);
    }
  }

  /** Reads one AI preferences dictionary; null if it does not parse (then all is unknown). */
  static Map<Usage, Effect> aiPreferences(String dictionary) {
    Map<String, Object> members;
    try {
      members = StructuredFields.parseDictionary(dictionary);
    } catch (IllegalArgumentException e) {
      return null;
    }
    Map<Usage, Effect> usages = new EnumMap<>(Usage.class);
    members.forEach(
        (key, member) -> {
          Usage usage = aiprefCategory(key);
          Effect effect = yesNo(member);
          if (usage != null && effect != null) {
            usages.put(usage, effect);
          }
        });
    return usages;
  }

  /** The Content-Usage header: all field lines combined into one dictionary. */
  static Signal contentUsageHeader(List<String> fields, String location, Instant at) {
    String combined = String.join(", ", fields);
    String raw = "Content-Usage: " + combined;
    Map<Usage, Effect> usages = aiPreferences(combined);
    if (usages == null) {
      return new Signal(
          Signal.SOURCE_CONTENT_USAGE,
          raw,
          location,
          "not a Structured Fields dictionary, so every preference is unknown",
          Map.of(),
          SignalOutcome.MALFORMED,
          at);
    }
    return new Signal(
        Signal.SOURCE_CONTENT_USAGE,
        raw,
        location,
        usages.isEmpty() ? "no known category set to y or n" : "AI preferences " + ids(usages),
        usages,
        SignalOutcome.READ,
        at);
  }

  /**
   * The category of an AI preferences label. vocab-08 lets Search override AI Training and AI Use
   * for a use that is search; that holds because search-indexing lies under neither of the other
   * two categories, so only {@code search} bears on a search-indexing use and {@code search} bears
   * on nothing else. Keep them apart if the mapping or the hierarchy changes.
   */
  private static Usage aiprefCategory(String key) {
    switch (key) {
      case "train-ai":
        return Usage.GENERATIVE_AI_TRAINING;
      case "ai-use":
        return Usage.AI_INFERENCE;
      case "search":
        return Usage.SEARCH_INDEXING;
      default:
        return null;
    }
  }

  private static Effect yesNo(Object member) {
    if (!(member instanceof StructuredFields.Item)) {
      return null;
    }
    Object value = ((StructuredFields.Item) member).value();
    if (!(value instanceof StructuredFields.Token)) {
      return null;
    }
    String token = ((StructuredFields.Token) value).value();
    return token.equals("y") ? Effect.ALLOWED : token.equals("n") ? Effect.RESERVED : null;
  }

  /**
   * X-Robots-Tag fields or meta robots elements, each given as (scope or null, directives).
   * Unscoped directives apply; scoped ones apply when the scope is the fetching agent or a product
   * token of the table.
   */
  static Signal robotsTags(
      List<String[]> scopedValues,
      String raw,
      String location,
      boolean image,
      String fetchingAgent,
      Instant at) {
    Map<Usage, Effect> usages = new EnumMap<>(Usage.class);
    List<String> read = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (String[] scoped : scopedValues) {
      String scope = scoped[0];
      boolean applies =
          scope == null
              || scope.equalsIgnoreCase(fetchingAgent == null ? "" : fetchingAgent)
              || ProductTokens.isKnown(scope);
      for (String directive : scoped[1].split(",")) {
        String name = directive.strip().toLowerCase(Locale.ROOT);
        Usage usage = directiveUsage(name, image);
        if (usage == null) {
          continue;
        }
        String label = scope == null ? name : scope + ": " + name;
        if (applies) {
          usages.put(usage, Effect.RESERVED);
          read.add(label);
        } else {
          ignored.add(label);
        }
      }
    }
    String meaning =
        (read.isEmpty() ? "no AI or indexing directive applies" : String.join(", ", read))
            + (ignored.isEmpty() ? "" : "; scoped to other agents: " + String.join(", ", ignored));
    return new Signal(
        Signal.SOURCE_ROBOTS_TAG, raw, location, meaning, usages, SignalOutcome.READ, at);
  }

  private static Usage directiveUsage(String name, boolean image) {
    switch (name) {
      case "noai":
        return Usage.AI_TRAINING;
      case "noimageai":
        return image ? Usage.AI_TRAINING : null;
      case "noindex":
      case "none":
        return Usage.SEARCH_INDEXING;
      default:
        return null;
    }
  }

  /** Splits one X-Robots-Tag field value into (scope or null, directives). */
  static String[] scoped(String value) {
    String trimmed = value.strip();
    int colon = trimmed.indexOf(':');
    if (colon > 0) {
      String head = trimmed.substring(0, colon).strip();
      boolean isName = !head.isEmpty() && head.chars().allMatch(Readers::isAgentChar);
      if (isName && !COLON_DIRECTIVES.contains(head.toLowerCase(Locale.ROOT))) {
        return new String[] {head, trimmed.substring(colon + 1)};
      }
    }
    return new String[] {null, trimmed};
  }

  private static boolean isAgentChar(int c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
  }

  static Effect stricter(Effect a, Effect b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }

  static String ids(Map<Usage, Effect> usages) {
    StringBuilder out = new StringBuilder();
    usages.forEach(
        (usage, effect) ->
            out.append(out.length() == 0 ? "" : ", ")
                .append(usage.id())
                .append(' ')
                .append(effect.id()));
    return out.toString();
  }
}
