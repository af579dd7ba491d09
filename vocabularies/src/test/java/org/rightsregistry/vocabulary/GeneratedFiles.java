package org.rightsregistry.vocabulary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the two files generated from the Turtle: the light JSON form of the mappings for readers
 * without Jena, and the mapping table of the documentation. {@link GeneratedFilesTest} fails when
 * the committed copies differ, and rewrites them when run with {@code -Dregenerate=true}.
 */
final class GeneratedFiles {

  private static final JsonNodeFactory json = JsonNodeFactory.instance;
  private static final JsonMapper mapper =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private GeneratedFiles() {}

  /**
   * {@code vocab/signal-mappings.json}: categories, standards with their tokens, rights statuses.
   */
  static String lightMappings(UsageVocabulary vocabulary) {
    SignalMappings mappings = vocabulary.signalMappings();
    ObjectNode root = json.objectNode();
    root.put(
        "description",
        "Generated from vocab/*.ttl by the vocabularies build; do not edit. The module README"
            + " explains every field.");
    root.put(
        "version",
        vocabulary
            .model()
            .getRequiredProperty(
                RightsRegistryVocab.USAGE_SCHEME, org.apache.jena.vocabulary.OWL2.versionInfo)
            .getString());

    ObjectNode categories = root.putObject("categories");
    for (String id : vocabulary.categoryIds()) {
      ObjectNode category = categories.putObject(id);
      vocabulary.broader(id).ifPresent(broader -> category.put("broader", broader));
      category.put("deprecated", vocabulary.isDeprecated(id));
      vocabulary.replacement(id).ifPresent(next -> category.put("replacedBy", next));
    }
    ArrayNode effects = root.putArray("effects");
    vocabulary.effectIds().forEach(effects::add);

    ObjectNode standards = root.putObject("standards");
    for (Standard standard : mappings.standards().values()) {
      List<SignalMapping> ofStandard = mappings.of(standard.id());
      if (ofStandard.isEmpty()) {
        continue;
      }
      ObjectNode node = standards.putObject(standard.id());
      node.put("label", standard.label());
      node.put("specification", standard.specification());
      node.put(
          "tokenComparison",
          standard.id().equals(SignalMappings.ROBOTS_TXT) ? "ignore-case" : "exact");
      ObjectNode values = node.putObject("values");
      standard.valueEffects().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(entry -> values.put(entry.getKey(), entry.getValue()));
      ObjectNode tokens = node.putObject("tokens");
      for (SignalMapping mapping : ofStandard) {
        ObjectNode target = tokens.withArray(mapping.token()).addObject();
        target.put("category", mapping.category());
        target.put("match", mapping.match().id());
        mapping.tokenEffect().ifPresent(effect -> target.put("effect", effect));
      }
    }

    ObjectNode statuses = root.putObject("rightsStatuses");
    for (RightsStatus status : mappings.rightsStatuses().values()) {
      ObjectNode node = statuses.putObject(status.iri());
      node.put("standard", status.standard());
      status.commercialEffect().ifPresent(effect -> node.put("commercialUse", effect));
      status.nonCommercialEffect().ifPresent(effect -> node.put("nonCommercialUse", effect));
    }
    return mapper.writeValueAsString(root) + "\n";
  }

  /** {@code MAPPINGS.md}: rows are categories, columns are standards, then the rights statuses. */
  static String mappingTable(UsageVocabulary vocabulary) {
    SignalMappings mappings = vocabulary.signalMappings();
    List<Standard> columns =
        mappings.standards().values().stream()
            .filter(standard -> !mappings.of(standard.id()).isEmpty())
            .filter(standard -> !standard.id().equals(SignalMappings.ROBOTS_TXT))
            .toList();
    StringBuilder md = new StringBuilder();
    md.append("# Mappings from existing signals to the usage categories\n\n")
        .append("<!-- Generated from vocabularies/src/main/resources/vocab/*.ttl by")
        .append(" GeneratedFilesTest; do not edit. -->\n\n")
        .append("Each cell lists the tokens of a standard that map to the category, with how their")
        .append(" scope compares\n(= exact, ≈ close, ⊃ the token covers more, ⊂ the token covers")
        .append(
            " less) and, where the token\ncarries it, the effect. Tokens without an effect take")
        .append(
            " it from their value (see the values\nbelow each table). Citations and our reading")
        .append(" of each mapping are in the Turtle and on the\nvocabulary's web page (`GET")
        .append(" /vocab`).\n\n");

    md.append("| category |");
    columns.forEach(standard -> md.append(' ').append(standard.label()).append(" |"));
    md.append("\n|---|");
    columns.forEach(standard -> md.append("---|"));
    md.append('\n');
    for (String category : vocabulary.categoryIds()) {
      md.append("| `").append(category).append("` |");
      for (Standard standard : columns) {
        String cell =
            mappings.of(standard.id()).stream()
                .filter(mapping -> mapping.category().equals(category))
                .map(GeneratedFiles::cell)
                .distinct()
                .collect(Collectors.joining("<br>"));
        md.append(' ').append(cell.isEmpty() ? "—" : cell).append(" |");
      }
      md.append('\n');
    }

    md.append("\n## Values\n\n| standard | value → effect |\n|---|---|\n");
    for (Standard standard : columns) {
      if (!standard.valueEffects().isEmpty()) {
        md.append("| ").append(standard.label()).append(" | ");
        md.append(
            standard.valueEffects().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> "`" + entry.getKey() + "` → " + entry.getValue())
                .collect(Collectors.joining(", ")));
        md.append(" |\n");
      }
    }

    robotsSection(vocabulary, mappings, md);
    rightsSection(mappings, md);
    return md.toString();
  }

  private static void robotsSection(
      UsageVocabulary vocabulary, SignalMappings mappings, StringBuilder md) {
    Standard robots = mappings.standard(SignalMappings.ROBOTS_TXT);
    md.append("\n## ").append(robots.label()).append("\n\n");
    md.append("Every mapping is ⊂ (the token binds one operator). `disallow` → reserved,")
        .append(" `allow` → allowed.\n\n| category | product tokens |\n|---|---|\n");
    for (String category : vocabulary.categoryIds()) {
      String tokens =
          mappings.of(robots.id()).stream()
              .filter(mapping -> mapping.category().equals(category))
              .map(mapping -> "`" + mapping.token() + "`")
              .collect(Collectors.joining(", "));
      md.append("| `").append(category).append("` | ").append(tokens.isEmpty() ? "—" : tokens);
      md.append(" |\n");
    }
  }

  private static void rightsSection(SignalMappings mappings, StringBuilder md) {
    md.append("\n## Rights statuses\n\n")
        .append("What each statement or licence implies for commercial and non-commercial use")
        .append(" (— = not settled by the status).\n\n")
        .append("| statement or licence | commercial use | non-commercial use |\n|---|---|---|\n");
    for (RightsStatus status : mappings.rightsStatuses().values()) {
      md.append("| ").append(status.iri()).append(" | ");
      md.append(status.commercialEffect().orElse("—")).append(" | ");
      md.append(status.nonCommercialEffect().orElse("—")).append(" |\n");
    }
  }

  private static String cell(SignalMapping mapping) {
    String token = mapping.token().replaceFirst("^http://ns\\.useplus\\.org/ldf/vocab/", "");
    String sign =
        switch (mapping.match()) {
          case EXACT -> "=";
          case CLOSE -> "≈";
          case BROADER -> "⊃";
          case NARROWER -> "⊂";
        };
    Optional<String> effect = mapping.tokenEffect();
    return sign + " `" + token + "`" + effect.map(e -> " → " + e).orElse("");
  }
}
