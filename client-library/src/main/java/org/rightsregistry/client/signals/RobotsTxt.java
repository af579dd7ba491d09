package org.rightsregistry.client.signals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A robots.txt file parsed as RFC 9309 says, with the IETF AI preferences {@code Content-Usage}
 * rule (draft-ietf-aipref-attach-05).
 *
 * <ul>
 *   <li>Stacked {@code user-agent} lines form one group; a group ends at the next {@code
 *       user-agent} line after a rule; a line whose token is not a valid RFC 9309 product token
 *       still starts or joins a group (it is matched as written and reported in {@link
 *       #problems()}); other records such as {@code Sitemap} do not end a group; rules outside any
 *       group are ignored.
 *   <li>A name is reduced to its product token the same way on both sides, in the file and in the
 *       agent asked about: a version after {@code /}, or after white space when it starts with a
 *       digit, is cut off, so {@code MistralAI-User/1.0} and {@code Brightbot 1.0} are {@code
 *       MistralAI-User} and {@code Brightbot}; other names are matched as written.
 *   <li>Product tokens match case-insensitively; every group naming the agent is merged; the {@code
 *       *} group applies only when no group names the agent.
 *   <li>The most specific rule (most octets, after percent-encoding is normalised on both sides)
 *       decides; an allow wins a tie; {@code *} matches any run of characters and a final {@code $}
 *       anchors the end; no match allows; {@code /robots.txt} is always allowed.
 *   <li>A leading UTF-8 byte-order mark is ignored; the first {@value #MAX_BYTES} bytes are parsed.
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class RobotsTxt {

  /** How many bytes are parsed; RFC 9309 asks for at least 500 KiB. */
  public static final int MAX_BYTES = 512 * 1024;

  private static final RobotsTxt EMPTY = new RobotsTxt(Map.of(), null, List.of());

  private final Map<String, Group> byAgent;
  private final Group star;
  private final List<String> problems;

  private RobotsTxt(Map<String, Group> byAgent, Group star, List<String> problems) {
    this.byAgent = byAgent;
    this.star = star;
    this.problems = problems;
  }

  /**
   * Returns the rules of an absent robots.txt (4xx): everything is allowed.
   *
   * @return a robots.txt without groups
   */
  public static RobotsTxt empty() {
    return EMPTY;
  }

  /**
   * Parses a robots.txt file.
   *
   * @param content the bytes as served, UTF-8, with or without a byte-order mark
   * @return the parsed rules; never throws for bad content, which is reported in {@link
   *     #problems()}
   */
  public static RobotsTxt parse(byte[] content) {
    if (content == null) {
      throw new IllegalArgumentException("content must not be null");
    }
    int start = startsWithBom(content) ? 3 : 0;
    int end = Math.min(content.length, start + MAX_BYTES);
    List<String> problems = new ArrayList<>();
    if (content.length - start > MAX_BYTES) {
      problems.add("only the first " + MAX_BYTES + " bytes of " + content.length + " were read");
    }
    return new Parser(new String(content, start, end - start, StandardCharsets.UTF_8), problems)
        .parse();
  }

  /**
   * Parses a robots.txt file given as text.
   *
   * @param content the text
   * @return the parsed rules
   */
  public static RobotsTxt parse(String content) {
    if (content == null) {
      throw new IllegalArgumentException("content must not be null");
    }
    return parse(content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Tells whether an agent may fetch a path.
   *
   * @param productToken the agent's product token, such as {@code GPTBot} (any case; a version such
   *     as {@code /1.1} is ignored)
   * @param pathAndQuery the path and query of the URL, such as {@code /a/b?c=d}
   * @return false if the most specific matching rule of the agent's groups disallows the path
   */
  public boolean isAllowed(String productToken, String pathAndQuery) {
    Group group = groupFor(productToken);
    if (group == null || "/robots.txt".equals(pathAndQuery)) {
      return true;
    }
    Rule rule = group.decisive(PathPatterns.normalisePath(pathAndQuery));
    return rule == null || rule.allow;
  }

  /**
   * Returns the rule that decides for an agent and a path.
   *
   * @param productToken the agent's product token
   * @param pathAndQuery the path and query of the URL
   * @return the rule as written with its line number, such as {@code line 4: Disallow: /}, or null
   *     if no rule matches
   */
  public String decisiveRule(String productToken, String pathAndQuery) {
    Group group = groupFor(productToken);
    Rule rule = group == null ? null : group.decisive(PathPatterns.normalisePath(pathAndQuery));
    return rule == null ? null : rule.raw;
  }

  /**
   * Returns the {@code Content-Usage} preference that applies to an agent and a path: the value of
   * the rules with the longest matching path (a rule without a path matches every path with length
   * 0), joined with commas when several tie so that the most restrictive one wins.
   *
   * @param productToken the agent's product token
   * @param pathAndQuery the path and query of the URL
   * @return the preference values, or null if no {@code Content-Usage} rule applies
   */
  public List<String> contentUsage(String productToken, String pathAndQuery) {
    Group group = groupFor(productToken);
    return group == null ? null : group.contentUsage(PathPatterns.normalisePath(pathAndQuery));
  }

  /**
   * Tells whether a group names the agent (as opposed to the {@code *} group applying).
   *
   * @param productToken the agent's product token
   * @return true if some group names it
   */
  public boolean names(String productToken) {
    return byAgent.containsKey(key(productToken));
  }

  /**
   * Returns the agents named by some group, lower-cased.
   *
   * @return the agents
   */
  public Set<String> namedAgents() {
    return byAgent.keySet();
  }

  /**
   * Returns what was wrong in the file: lines that are not records, invalid tokens, rules outside
   * groups, truncation. Each names its line.
   *
   * @return the problems; empty for a clean file
   */
  public List<String> problems() {
    return problems;
  }

  private Group groupFor(String productToken) {
    if (productToken == null || productToken.isBlank()) {
      throw new IllegalArgumentException(
          "productToken must be a product token such as GPTBot, but was '" + productToken + "'");
    }
    Group named = byAgent.get(key(productToken));
    return named != null ? named : star;
  }

  /**
   * The product token of a name, lower-cased: the name without a version, which follows a {@code /}
   * or white space and a digit ({@code MistralAI-User/1.0}, {@code Brightbot 1.0}). Other names,
   * also those of several words such as {@code ChatGPT Agent}, are kept as written. The file's
   * lines and the agent asked about go through this one reduction, so that they can meet.
   */
  private static String key(String name) {
    String value = name.strip();
    int end = value.length();
    for (int i = 1; i < value.length() && end == value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/') {
        end = i;
      } else if ((c == ' ' || c == '\t') && startsWithDigit(value.substring(i).strip())) {
        end = i;
      }
    }
    return value.substring(0, end).strip().toLowerCase(Locale.ROOT);
  }

  private static boolean startsWithDigit(String text) {
    return !text.isEmpty() && text.charAt(0) >= '0' && text.charAt(0) <= '9';
  }

  private static boolean startsWithBom(byte[] content) {
    return content.length >= 3
        && (content[0] & 0xff) == 0xEF
        && (content[1] & 0xff) == 0xBB
        && (content[2] & 0xff) == 0xBF;
  }

  /** One allow or disallow rule. */
  private static final class Rule {
    final boolean allow;
    final PathPatterns.Pattern pattern;
    final String raw;

    Rule(boolean allow, PathPatterns.Pattern pattern, String raw) {
      this.allow = allow;
      this.pattern = pattern;
      this.raw = raw;
    }
  }

  /** One Content-Usage rule; a null pattern applies to every path. */
  private record UsageRule(PathPatterns.Pattern pattern, String preference) {
    int length() {
      return pattern == null ? 0 : pattern.length();
    }
  }

  /** The merged rules of every group naming one agent, most specific first. */
  private static final class Group {
    private Rule[] rules = new Rule[0];
    private final List<UsageRule> usageRules = new ArrayList<>();
    private final List<Rule> pending = new ArrayList<>();

    void add(Rule rule) {
      pending.add(rule);
    }

    void seal() {
      pending.sort(
          Comparator.comparingInt((Rule r) -> -r.pattern.length())
              .thenComparing(r -> r.allow ? 0 : 1));
      rules = pending.toArray(new Rule[0]);
      pending.clear();
    }

    Rule decisive(String path) {
      for (Rule rule : rules) {
        if (rule.pattern.matches(path)) {
          return rule;
        }
      }
      return null;
    }

    List<String> contentUsage(String path) {
      int best = -1;
      List<String> preferences = new ArrayList<>();
      for (UsageRule rule : usageRules) {
        if (rule.pattern != null && !rule.pattern.matches(path)) {
          continue;
        }
        if (rule.length() > best) {
          best = rule.length();
          preferences.clear();
        }
        if (rule.length() == best) {
          preferences.add(rule.preference);
        }
      }
      return preferences.isEmpty() ? null : List.copyOf(preferences);
    }
  }

  /** Reads lines into groups. */
  private static final class Parser {
    private final String text;
    private final List<String> problems;
    private final Map<String, Group> byAgent = new LinkedHashMap<>();
    private Group star;
    private List<String> agents = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<UsageRule> usageRules = new ArrayList<>();
    private boolean inAgentLines;

    Parser(String text, List<String> problems) {
      this.text = text;
      this.problems = problems;
    }

    RobotsTxt parse() {
      int lineNumber = 0;
      int start = 0;
      while (start <= text.length()) {
        int end = lineEnd(start);
        lineNumber++;
        line(text.substring(start, end), lineNumber);
        if (end >= text.length()) {
          break;
        }
        start =
            end
                + (text.charAt(end) == '\r'
                        && end + 1 < text.length()
                        && text.charAt(end + 1) == '\n'
                    ? 2
                    : 1);
      }
      flush();
      byAgent.values().forEach(Group::seal);
      if (star != null) {
        star.seal();
      }
      return new RobotsTxt(
          Collections.unmodifiableMap(new HashMap<>(byAgent)), star, List.copyOf(problems));
    }

    private int lineEnd(int start) {
      for (int i = start; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r') {
          return i;
        }
      }
      return text.length();
    }

    private void line(String line, int number) {
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (content.isEmpty()) {
        return;
      }
      int colon = content.indexOf(':');
      if (colon < 0) {
        problems.add("line " + number + ": not a record (no ':'): " + shorten(content));
        return;
      }
      String key = content.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = content.substring(colon + 1).strip();
      String raw = "line " + number + ": " + content;
      switch (key) {
        case "user-agent":
          userAgent(value, number);
          break;
        case "allow":
        case "disallow":
          rule(key.equals("allow"), value, raw, number);
          break;
        case "content-usage":
          usageRule(value, raw, number);
          break;
        default:
          // Sitemap, Crawl-delay, Content-Signal and other records do not end a group.
          break;
      }
    }

    private void userAgent(String value, int number) {
      if (!inAgentLines) {
        flush();
      }
      inAgentLines = true;
      if (value.isEmpty()) {
        problems.add("line " + number + ": user-agent without a product token");
        return;
      }
      String token = key(value);
      boolean asWritten = token.equals(value.toLowerCase(Locale.ROOT));
      if (!token.equals("*") && (!asWritten || !isValidToken(token))) {
        problems.add(
            "line "
                + number
                + ": '"
                + shorten(value)
                + "' is not a valid RFC 9309 product token; matched as '"
                + shorten(token)
                + "'");
      }
      agents.add(token);
    }

    private void rule(boolean allow, String value, String raw, int number) {
      if (!inGroup(number)) {
        return;
      }
      inAgentLines = false;
      if (value.isEmpty()) {
        return; // An empty pattern matches nothing.
      }
      rules.add(new Rule(allow, PathPatterns.compile(value), raw));
    }

    private void usageRule(String value, String raw, int number) {
      if (!inGroup(number)) {
        return;
      }
      inAgentLines = false;
      if (value.startsWith("/")) {
        int space = firstWhitespace(value);
        String path = space < 0 ? value : value.substring(0, space);
        String preference = space < 0 ? "" : value.substring(space).strip();
        usageRules.add(new UsageRule(PathPatterns.compile(path), preference));
      } else {
        usageRules.add(new UsageRule(null, value));
      }
    }

    private boolean inGroup(int number) {
      if (agents.isEmpty()) {
        problems.add("line " + number + ": rule outside any group, ignored");
        return false;
      }
      return true;
    }

    private void flush() {
      for (String agent : agents) {
        Group group =
            agent.equals("*")
                ? (star = star == null ? new Group() : star)
                : byAgent.computeIfAbsent(agent, a -> new Group());
        rules.forEach(group::add);
        group.usageRules.addAll(usageRules);
      }
      agents = new ArrayList<>();
      rules.clear();
      usageRules.clear();
      inAgentLines = false;
    }

    private static int firstWhitespace(String value) {
      for (int i = 0; i < value.length(); i++) {
        if (value.charAt(i) == ' ' || value.charAt(i) == '\t') {
          return i;
        }
      }
      return -1;
    }

    private static boolean isValidToken(String token) {
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
        if (!valid) {
          return false;
        }
      }
      return true;
    }

    private static String shorten(String text) {
      if (text.length() <= 80) {
        return text;
      }
      // Never cut a surrogate pair in half.
      return text.substring(0, Character.isHighSurrogate(text.charAt(79)) ? 79 : 80) + "…";
    }
  }

  @Override
  public String toString() {
    return "RobotsTxt" + Arrays.asList(byAgent.keySet().toArray()) + (star != null ? "+*" : "");
  }
}
