package org.rightsregistry.server.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.UrlIdentity;
import org.rightsregistry.server.declaration.NewDeclaration;
import org.rightsregistry.server.importer.TateMapping.Condition;
import org.rightsregistry.server.importer.TateMapping.HolderSource;
import org.rightsregistry.server.importer.TateMapping.Rule;
import tools.jackson.databind.JsonNode;

/**
 * Turns one artwork of the Tate export into declarations by the rules of a {@link TateMapping}.
 * Pure: it reads nothing but its arguments.
 */
final class TateArtworkMapper {

  // The limits of the declaration schema, which the API enforces on every other writer.
  private static final int MAX_NAME = 300;
  private static final int MAX_NOTE = 2000;

  private final TateMapping mapping;
  private final Map<Integer, Integer> deathYearByArtist;
  private final int importYear;

  /**
   * @param deathYearByArtist the year of death of each artist known to have died, by artist id
   * @param importYear the year of the import, against which years since death are counted
   */
  TateArtworkMapper(TateMapping mapping, Map<Integer, Integer> deathYearByArtist, int importYear) {
    this.mapping = mapping;
    this.deathYearByArtist = Map.copyOf(deathYearByArtist);
    this.importYear = importYear;
  }

  /** The declarations for one artwork, and the images no rule matched. */
  Mapped map(JsonNode artwork) {
    List<Image> images = imagesOf(artwork);
    Map<Outcome, List<Image>> byOutcome = new LinkedHashMap<>();
    int unmatched = 0;
    for (Image image : images) {
      Outcome outcome = outcomeOf(image, artwork);
      if (outcome == null) {
        unmatched++;
      } else {
        byOutcome.computeIfAbsent(outcome, key -> new ArrayList<>()).add(image);
      }
    }
    List<NewDeclaration> declarations = new ArrayList<>(byOutcome.size());
    List<String> rules = new ArrayList<>(byOutcome.size());
    byOutcome.forEach(
        (outcome, covered) -> {
          declarations.add(declaration(outcome, covered, artwork));
          rules.add(outcome.rule().name());
        });
    return new Mapped(declarations, rules, images.size(), unmatched);
  }

  private Outcome outcomeOf(Image image, JsonNode artwork) {
    for (Rule rule : mapping.rules()) {
      if (applies(rule.when(), image, artwork)) {
        Party holder =
            rule.holder() == HolderSource.FROM_COPYRIGHT_LINE
                ? holderNamedIn(image.copyright())
                : null;
        return new Outcome(rule, holder, image.copyright());
      }
    }
    return null;
  }

  private boolean applies(Condition condition, Image image, JsonNode artwork) {
    if (condition.cleared() != null && condition.cleared() != image.cleared()) {
      return false;
    }
    if (condition.copyrightMatches() != null
        && (image.copyright() == null
            || !condition.copyrightMatches().matcher(image.copyright()).find())) {
      return false;
    }
    if (Boolean.TRUE.equals(condition.noCopyrightLine()) && image.copyright() != null) {
      return false;
    }
    Integer years = condition.allArtistsDiedMoreThanYearsAgo();
    return years == null || allArtistsDiedBefore(artwork, importYear - years);
  }

  private boolean allArtistsDiedBefore(JsonNode artwork, int year) {
    JsonNode contributors = artwork.path("contributors");
    boolean anyArtist = false;
    for (JsonNode contributor : contributors) {
      if (!"artist".equals(contributor.path("role").asString(""))) {
        continue;
      }
      anyArtist = true;
      OptionalInt died = deathYear(contributor);
      if (died.isEmpty() || died.getAsInt() >= year) {
        return false;
      }
    }
    return anyArtist;
  }

  private OptionalInt deathYear(JsonNode contributor) {
    Integer known = deathYearByArtist.get(contributor.path("id").asInt(-1));
    return known == null ? OptionalInt.empty() : OptionalInt.of(known);
  }

  private Party holderNamedIn(String copyright) {
    Matcher matcher = mapping.holderPattern().matcher(copyright.strip());
    String name = matcher.matches() ? matcher.group("holder").strip() : copyright.strip();
    return new Party(slug(name), limit(name, MAX_NAME));
  }

  private NewDeclaration declaration(Outcome outcome, List<Image> images, JsonNode artwork) {
    List<Selector> subjects = new ArrayList<>(images.size() + 1);
    boolean coversThumbnail = false;
    for (Image image : images) {
      subjects.add(new Selector(SelectorType.URL, image.url(), null));
      coversThumbnail |= image.thumbnail();
    }
    String accession = artwork.path("acno").asString("");
    if (coversThumbnail && !accession.isBlank()) {
      subjects.add(new Selector(SelectorType.ACCESSION, accession.strip(), mapping.steward().id()));
    }
    String note =
        "Imported from the Tate collection export, artwork "
            + accession
            + " (rule "
            + outcome.rule().name()
            + ")"
            + (outcome.copyright() == null ? "" : ": " + outcome.copyright());
    return new NewDeclaration(
        mapping.steward(),
        outcome.holder(),
        subjects,
        outcome.rule().usages(),
        outcome.rule().rightsStatement(),
        null,
        null,
        null,
        limit(note, MAX_NOTE));
  }

  private List<Image> imagesOf(JsonNode artwork) {
    List<Image> images = new ArrayList<>();
    String thumbnail = artwork.path("thumbnailUrl").asString(null);
    if (thumbnail != null && !thumbnail.isBlank()) {
      images.add(
          new Image(
              UrlIdentity.normalise(thumbnail),
              copyrightLine(artwork.path("thumbnailCopyright")),
              true,
              true));
    }
    for (JsonNode additional : artwork.path("additionalImages")) {
      String copyright = copyrightLine(additional.path("copyright"));
      for (JsonNode size : additional.path("sizes")) {
        String file = size.path("file").asString(null);
        if (file != null && !file.isBlank()) {
          images.add(
              new Image(
                  UrlIdentity.normalise(mapping.imageBaseUrl() + file),
                  copyright,
                  size.path("cleared").asBoolean(true),
                  false));
        }
      }
    }
    return images;
  }

  private static String copyrightLine(JsonNode node) {
    String line = node.isString() ? node.asString().strip() : null;
    return line == null || line.isEmpty() ? null : line;
  }

  /**
   * A stable party id from a name: "The Henry Moore Foundation" -> "the-henry-moore-foundation".
   */
  static String slug(String name) {
    String slug =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.length() > 120) {
      slug = slug.substring(0, 120).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "unnamed-holder" : slug;
  }

  private static String limit(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  private record Image(String url, String copyright, boolean cleared, boolean thumbnail) {}

  private record Outcome(Rule rule, Party holder, String copyright) {}

  /**
   * What one artwork became.
   *
   * @param rules the rule behind each declaration, in the same order
   * @param images how many image URLs the artwork has
   * @param unmatched how many of them no rule matched
   */
  record Mapped(List<NewDeclaration> declarations, List<String> rules, int images, int unmatched) {}
}
