package org.rightsregistry.client.signals;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RobotsTxtTest {

  private static boolean allowed(String robots, String agent, String path) {
    return RobotsTxt.parse(robots).isAllowed(agent, path);
  }

  private static boolean crawlerCommonsAllows(String robots, String agent, String path) {
    BaseRobotRules rules =
        new SimpleRobotRulesParser()
            .parseContent(
                "https://example.org/robots.txt",
                robots.getBytes(StandardCharsets.UTF_8),
                "text/plain",
                List.of(agent.toLowerCase()));
    return rules.isAllowed("https://example.org" + path);
  }

  @Test
  void stackedUserAgents_formOneGroup_ccbotDisallowed() {
    String robots = "User-agent: GPTBot\nUser-agent: CCBot\nUser-agent: ClaudeBot\nDisallow: /\n";
    assertThat(allowed(robots, "CCBot", "/p")).isFalse();
    assertThat(allowed(robots, "ClaudeBot", "/p")).isFalse();
    assertThat(allowed(robots, "Googlebot", "/p")).isTrue();
  }

  @Test
  void namedGroupCaseInsensitive_winsOverStar() {
    String robots = "User-agent: *\nAllow: /\n\nUSER-AGENT: gptbot\nDISALLOW: /\n";
    assertThat(allowed(robots, "GPTBot", "/a")).isFalse();
    assertThat(allowed(robots, "CCBot", "/a")).isTrue();
  }

  @Test
  void longestMatchWins_overEarlierShorterAllow() {
    String robots = "User-agent: GPTBot\nAllow: /\nDisallow: /gallery/\n";
    assertThat(allowed(robots, "GPTBot", "/gallery/img.jpg")).isFalse();
    assertThat(allowed(robots, "GPTBot", "/about")).isTrue();
  }

  @Test
  void equalLengthAllowAndDisallow_allowWins() {
    assertThat(allowed("User-agent: *\nAllow: /a\nDisallow: /a\n", "CCBot", "/a/x")).isTrue();
    assertThat(allowed("User-agent: *\nDisallow: /a\nAllow: /a\n", "CCBot", "/a/x")).isTrue();
  }

  @Test
  void leadingByteOrderMark_isIgnored() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "User-agent: *\nDisallow: /\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, content, 0, 3);
    System.arraycopy(body, 0, content, 3, body.length);
    assertThat(RobotsTxt.parse(content).isAllowed("CCBot", "/x")).isFalse();
  }

  @Test
  void groupsNamingTheSameAgent_areMerged() {
    String robots =
        "User-agent: GPTBot\nDisallow: /a/\n\nUser-agent: *\nDisallow: /\n\n"
            + "User-agent: gptbot\nDisallow: /b/\n";
    assertThat(allowed(robots, "GPTBot", "/a/1")).isFalse();
    assertThat(allowed(robots, "GPTBot", "/b/1")).isFalse();
    assertThat(allowed(robots, "GPTBot", "/c/1")).isTrue();
  }

  @Test
  void invalidToken_stillStartsANewGroup() {
    String robots = "User-agent: GPTBot\nDisallow: /private/\nUser-agent: AI2Bot\nDisallow: /\n";
    RobotsTxt parsed = RobotsTxt.parse(robots);
    assertThat(parsed.isAllowed("GPTBot", "/public")).isTrue();
    assertThat(parsed.isAllowed("AI2Bot", "/public")).isFalse();
    assertThat(parsed.problems()).anyMatch(p -> p.contains("AI2Bot"));
  }

  @Test
  void otherRecords_doNotEndAGroup() {
    String robots = "User-agent: GPTBot\nSitemap: https://e.org/s.xml\nDisallow: /\n";
    assertThat(allowed(robots, "GPTBot", "/x")).isFalse();
  }

  @Test
  void rulesOutsideAnyGroup_areIgnored() {
    RobotsTxt parsed = RobotsTxt.parse("Disallow: /\nUser-agent: *\nAllow: /\n");
    assertThat(parsed.isAllowed("CCBot", "/x")).isTrue();
    assertThat(parsed.problems()).anyMatch(p -> p.contains("outside any group"));
  }

  @ParameterizedTest(name = "{0} for {1} -> allowed={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Disallow: /*.gif$|/a/b.gif|false",
        "Disallow: /*.gif$|/a/b.gif?x=1|true",
        "Disallow: /fish*|/fish.html|false",
        "Disallow: /fish$|/fish|false",
        "Disallow: /fish$|/fishes|true",
        "Disallow: /*/private/|/a/private/x|false",
        "Disallow: /foo/bar/%62%61%7A|/foo/bar/baz|false",
        "Disallow: /foo/bar/baz|/foo/bar/%62%61%7A|false",
        "Disallow: /ä|/%C3%A4|false",
        "Disallow: /%c3%a4|/ä|false",
        "Disallow: /path/foo-%24|/path/foo-$|false",
        "Disallow: /path/foo-%2A|/path/foo-*|false",
        "Disallow: /path/foo-%2A|/path/foo-bar|true",
        "Disallow: /Fish|/fish|true",
        "Disallow: /|/robots.txt|true",
        "Disallow: /index.html|/|true",
        "Disallow: /a/index.htm|/a/|true",
      })
  void pathMatching_followsRfc9309(String rule, String path, boolean expected) {
    assertThat(allowed("User-agent: *\n" + rule + "\n", "CCBot", path)).isEqualTo(expected);
  }

  @Test
  void longestMatch_countsOctetsOfTheEncodedPattern() {
    // "/ä" is 7 octets encoded (/%C3%A4), longer than the 5-octet allow "/%C3".
    String robots = "User-agent: *\nAllow: /abcde\nDisallow: /ä\n";
    assertThat(allowed(robots, "CCBot", "/ä/x")).isFalse();
  }

  @Test
  void atLeast500KibAreParsed() {
    StringBuilder big = new StringBuilder("User-agent: *\n");
    while (big.length() < 500 * 1024) {
      big.append("Disallow: /filler/").append(big.length()).append('\n');
    }
    big.append("Disallow: /last/\n");
    assertThat(allowed(big.toString(), "CCBot", "/last/x")).isFalse();
  }

  @Test
  void emptyDisallow_allowsEverything() {
    assertThat(allowed("User-agent: *\nDisallow:\n", "CCBot", "/x")).isTrue();
  }

  @Test
  void contentUsageRule_longestPathAndMostRestrictiveOnTies() {
    String robots =
        "User-agent: *\nAllow: /\nContent-Usage: train-ai=y\n"
            + "Content-Usage: /photos/ train-ai=n\nContent-Usage: /photos/ train-ai=y\n";
    RobotsTxt parsed = RobotsTxt.parse(robots);
    assertThat(parsed.contentUsage("CCBot", "/blog/1")).containsExactly("train-ai=y");
    assertThat(parsed.contentUsage("CCBot", "/photos/1"))
        .containsExactly("train-ai=n", "train-ai=y");
  }

  /**
   * Regression: the one real robots.txt where crawler-commons 1.5 disallows "/" for every agent and
   * we do not, shared/data/real/robots-txt/texting-robots-testdata/ipwatchdog.robots.txt (lines 3
   * to 7 and 49). crawler-commons also applies a rule ending in index.html or index.htm to the
   * directory itself; RFC 9309 section 2.2.2 matches a rule from the first octet of the path, so
   * "/index.html" does not match "/", and we follow the RFC.
   */
  @Test
  void indexHtmlRule_doesNotCoverItsDirectory_ipwatchdog() {
    String robots =
        "User-agent: ia_archiver\nDisallow: /\n\nUser-agent: *\n\n"
            + "Disallow: /wp-admin/\nDisallow: /index.html\n";
    assertThat(allowed(robots, "GPTBot", "/")).isTrue();
    assertThat(allowed(robots, "GPTBot", "/index.html")).isFalse();
    assertThat(crawlerCommonsAllows(robots, "GPTBot", "/")).as("crawler-commons 1.5").isFalse();
    String allowIndex = "User-agent: *\nDisallow: /\nAllow: /index.html\n";
    assertThat(allowed(allowIndex, "GPTBot", "/")).isFalse();
  }

  /**
   * Fault found with the same comparison: the file's "User-agent: MistralAI-User/1.0" (real:
   * news-top100-monthly/may_2026/robots_txt_2026-05-05_agents.csv, abc.es, line 91) lost its
   * version but the token asked about, the vocabulary's MistralAI-User/1.0, kept it, so the two
   * never met. Both sides now reduce a name to its product token (RFC 9309 section 2.2.1: letters,
   * "_" and "-"; the version after "/" or a space is not part of it).
   */
  @Test
  void versionedNames_reduceToTheirProductToken_inTheFileAndInTheQuestion() {
    String robots = "User-agent: MistralAI-User/1.0\nUser-agent: Brightbot 1.0\nDisallow: /\n";
    RobotsTxt parsed = RobotsTxt.parse(robots);
    assertThat(parsed.isAllowed("MistralAI-User/1.0", "/x")).isFalse();
    assertThat(parsed.isAllowed("MistralAI-User", "/x")).isFalse();
    assertThat(parsed.isAllowed("Brightbot 1.0", "/x")).isFalse();
    assertThat(parsed.isAllowed("Brightbot", "/x")).isFalse();
    assertThat(parsed.names("mistralai-user/2.0")).isTrue();
    assertThat(parsed.problems()).anyMatch(p -> p.contains("matched as 'brightbot'"));
    assertThat(allowed("User-agent: iaskspider\nDisallow: /\n", "iaskspider/2.0", "/x")).isFalse();
    // Words that are not a version stay: ChatGPT Agent is not ChatGPT.
    assertThat(allowed("User-agent: ChatGPT Agent\nDisallow: /\n", "ChatGPT", "/x")).isTrue();
    assertThat(allowed("User-agent: ChatGPT Agent\nDisallow: /\n", "chatgpt agent", "/")).isFalse();
    // A dot is not a version separator: panscient.com is a name of its own, not Panscient.
    assertThat(allowed("User-agent: panscient.com\nDisallow: /\n", "Panscient", "/x")).isTrue();
    assertThat(allowed("User-agent: panscient.com\nDisallow: /\n", "panscient.com", "/")).isFalse();
  }

  /** crawler-commons 1.5 is the cross-check: it agrees on these cases (see README). */
  @Test
  void crawlerCommons_agreesOnMergeInvalidTokenAndTie() {
    String merged = "User-agent: GPTBot\nDisallow: /a/\n\nUser-agent: gptbot\nDisallow: /b/\n";
    String invalid = "User-agent: GPTBot\nDisallow: /private/\nUser-agent: AI2Bot\nDisallow: /\n";
    String tie = "User-agent: *\nDisallow: /a\nAllow: /a\n";
    boolean[] cc = {
      crawlerCommonsAllows(merged, "GPTBot", "/b/1"),
      crawlerCommonsAllows(invalid, "GPTBot", "/public"),
      crawlerCommonsAllows(tie, "CCBot", "/a/x"),
    };
    boolean[] ours = {
      allowed(merged, "GPTBot", "/b/1"),
      allowed(invalid, "GPTBot", "/public"),
      allowed(tie, "CCBot", "/a/x"),
    };
    assertThat(ours).containsExactly(false, true, true);
    assertThat(cc).containsExactly(ours);
  }
}
