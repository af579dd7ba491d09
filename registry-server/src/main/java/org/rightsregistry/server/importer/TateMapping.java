package org.rightsregistry.server.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Usage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The editable mapping from the Tate export to declarations ({@code import/tate-mapping.yaml}),
 * checked when it is read so that a mistake stops the import with the key that is wrong.
 */
record TateMapping(Party steward, String imageBaseUrl, Pattern holderPattern, List<Rule> rules) {

  /** One rule: when it applies to an image, and what it declares. */
  record Rule(
      String name,
      Condition when,
      HolderSource holder,
      String rightsStatement,
      Map<Usage, Effect> usages) {}

  /**
   * When a rule applies; every condition given must hold.
   *
   * @param cleared the image size's "cleared" flag must equal this
   * @param copyrightMatches the copyright line must match this
   * @param noCopyrightLine the image must have no copyright line
   * @param allArtistsDiedMoreThanYearsAgo every artist must have died more than this many years
   *     before the import
   */
  record Condition(
      Boolean cleared,
      Pattern copyrightMatches,
      Boolean noCopyrightLine,
      Integer allArtistsDiedMoreThanYearsAgo) {}

  /** Who a rule names as the rights holder. */
  enum HolderSource {
    STEWARD,
    FROM_COPYRIGHT_LINE
  }

  static TateMapping read(InputStream yaml) {
    try {
      File file = mapper().readValue(yaml, File.class);
      return file.toMapping();
    } catch (JacksonException e) {
      throw new ImportException("The Tate mapping file is not valid: " + e.getOriginalMessage(), e);
    }
  }

  private static YAMLMapper mapper() {
    return YAMLMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
  }

  /** The file as written, before its values are checked. */
  record File(
      PartyEntry steward, String imageBaseUrl, String holderPattern, List<RuleEntry> rules) {

    TateMapping toMapping() {
      require(steward != null && steward.id() != null, "steward.id");
      require(imageBaseUrl != null && imageBaseUrl.endsWith("/"), "image-base-url");
      require(rules != null && !rules.isEmpty(), "rules");
      Pattern holder = compile(holderPattern, "holder-pattern");
      require(holder.pattern().contains("(?<holder>"), "holder-pattern");
      List<Rule> checked = new ArrayList<>();
      for (int i = 0; i < rules.size(); i++) {
        checked.add(rules.get(i).toRule("rules[" + i + "]"));
      }
      return new TateMapping(
          new Party(steward.id(), steward.name()), imageBaseUrl, holder, List.copyOf(checked));
    }
  }

  record PartyEntry(String id, String name) {}

  record RuleEntry(
      String name,
      String description,
      ConditionEntry when,
      String holder,
      String rightsStatement,
      Map<String, String> usages) {

    Rule toRule(String at) {
      require(name != null, at + ".name");
      require(when != null, at + ".when");
      require(usages != null && !usages.isEmpty(), at + ".usages");
      Map<Usage, Effect> parsed = new java.util.EnumMap<>(Usage.class);
      usages.forEach(
          (usage, effect) -> {
            try {
              parsed.put(Usage.fromId(usage), Effect.fromId(effect));
            } catch (IllegalArgumentException e) {
              throw new ImportException(
                  "The Tate mapping file is not valid at " + at + ".usages: " + e.getMessage(), e);
            }
          });
      HolderSource source =
          switch (holder == null ? "steward" : holder) {
            case "steward" -> HolderSource.STEWARD;
            case "from-copyright-line" -> HolderSource.FROM_COPYRIGHT_LINE;
            default ->
                throw new ImportException(
                    "The Tate mapping file is not valid at "
                        + at
                        + ".holder: '"
                        + holder
                        + "'; use steward or from-copyright-line");
          };
      Condition condition =
          new Condition(
              when.cleared(),
              when.copyrightMatches() == null
                  ? null
                  : compile(when.copyrightMatches(), at + ".when.copyright-matches"),
              when.noCopyrightLine(),
              when.allArtistsDiedMoreThanYearsAgo());
      return new Rule(name, condition, source, rightsStatement, parsed);
    }
  }

  record ConditionEntry(
      Boolean cleared,
      String copyrightMatches,
      Boolean noCopyrightLine,
      Integer allArtistsDiedMoreThanYearsAgo) {}

  private static Pattern compile(String regex, String key) {
    require(regex != null, key);
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ImportException(
          "The Tate mapping file is not valid at " + key + ": " + e.getDescription(), e);
    }
  }

  private static void require(boolean condition, String key) {
    if (!condition) {
      throw new ImportException(
          "The Tate mapping file is not valid: " + key + " is missing or malformed");
    }
  }
}
