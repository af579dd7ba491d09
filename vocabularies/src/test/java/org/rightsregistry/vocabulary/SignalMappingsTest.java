package org.rightsregistry.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every mapping target is a real token of its standard, read from the standard's own data. */
class SignalMappingsTest {

  private static final String CC = "http://creativecommons.org/ns#";

  private final UsageVocabulary vocabulary = UsageVocabulary.loadDefault();
  private final SignalMappings mappings = vocabulary.signalMappings();

  @Test
  void mapsEveryAgentOfTheAiRobotsTxtListAndNothingElse() throws IOException {
    Path list = SharedData.file("real/robots-txt/ai-robots-txt/robots.json");
    Set<String> agents = new TreeSet<>(JsonMapper.shared().readTree(list.toFile()).propertyNames());

    assertThat(agents).hasSize(166);
    assertThat(tokens(SignalMappings.ROBOTS_TXT)).isEqualTo(agents);
  }

  @Test
  void mapsTheTrainingOnlyProductTokensToGenerativeTraining() {
    for (String token : List.of("Google-Extended", "Applebot-Extended")) {
      assertThat(mappings.lookup(SignalMappings.ROBOTS_TXT, token))
          .as(token)
          .anyMatch(mapping -> mapping.category().equals("generative-ai-training"));
    }
  }

  @Test
  void mapsProductTokensThatDifferOnlyInCaseAlike() {
    Map<String, Map<String, Set<String>>> categoriesByTokenByLowerCase =
        mappings.of(SignalMappings.ROBOTS_TXT).stream()
            .collect(
                Collectors.groupingBy(
                    mapping -> mapping.token().toLowerCase(Locale.ROOT),
                    Collectors.groupingBy(
                        SignalMapping::token,
                        Collectors.mapping(SignalMapping::category, Collectors.toSet()))));

    for (var group : categoriesByTokenByLowerCase.entrySet()) {
      assertThat(Set.copyOf(group.getValue().values())).as(group.getKey()).hasSize(1);
    }
    assertThat(mappings.lookup(SignalMappings.ROBOTS_TXT, "gptbot")).isNotEmpty();
  }

  @Test
  void mapsAllNineIptcDataMiningValues() throws IOException {
    Set<String> values =
        dataLines("spec-examples/iptc-plus-datamining-values.tsv").stream()
            .filter(line -> line.startsWith("http"))
            .map(line -> line.split("\t")[0])
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(values).hasSize(9);
    assertThat(tokens("iptc-plus")).isEqualTo(values);
  }

  @Test
  void mapsTheTwelveRightsStatementsOrgStatements() {
    Model statements =
        RDFDataMgr.loadModel(
            SharedData.file(
                    "real/rights-vocabularies/rightsstatements-data-model/rights-statements.ttl")
                .toString());
    Set<String> defined =
        statements.listSubjectsWithProperty(RDF.type, DCTerms.RightsStatement).toList().stream()
            .map(Resource::getURI)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(defined).hasSize(12);
    assertThat(rightsStatuses("rightsstatements")).isEqualTo(defined);
  }

  @Test
  void readsCommercialUseOfEveryCreativeCommonsLicenceFromItsRdf() throws IOException {
    Path directory =
        SharedData.file("real/rights-vocabularies/creativecommons-licenserdf/licenses");
    List<RightsStatus> licences =
        mappings.rightsStatuses().values().stream()
            .filter(status -> status.standard().equals("creative-commons"))
            .toList();

    assertThat(licences).hasSizeGreaterThanOrEqualTo(30);
    for (RightsStatus licence : licences) {
      String file = licence.iri().replace("http://", "").replace('/', '_') + ".rdf";
      Model rdf = RDFDataMgr.loadModel(directory.resolve(file).toString());
      Resource subject = rdf.getResource(licence.iri());
      boolean prohibitsCommercialUse =
          rdf.contains(
              subject, rdf.createProperty(CC, "prohibits"), rdf.getResource(CC + "CommercialUse"));

      assertThat(rdf.contains(subject, RDF.type)).as(licence.iri()).isTrue();
      assertThat(licence.commercialUse())
          .as(licence.iri())
          .isEqualTo(prohibitsCommercialUse ? "licence-required" : "allowed");
      assertThat(licence.nonCommercialUse()).as(licence.iri()).isEqualTo("allowed");
    }
  }

  @Test
  void usesOnlyTokensTheStandardsDigestNames() throws IOException {
    String digest =
        Files.readString(SharedData.file("../docs/STANDARDS.md"), StandardCharsets.UTF_8);
    for (String standard :
        List.of(
            "aipref-vocab",
            "aipref-earlier-drafts",
            "tdmrep",
            "c2pa",
            "cawg",
            "content-signal",
            "robots-meta")) {
      for (String token : tokens(standard)) {
        String bare = token.replaceFirst("^(c2pa|cawg)\\.", "");
        assertThat(digest.contains("`" + token + "`") || digest.contains("`" + bare))
            .as("%s token %s is named in STANDARDS.md", standard, token)
            .isTrue();
      }
    }
  }

  @Test
  void mapsEveryCategoryFromSomeStandard() {
    for (String category : vocabulary.categoryIds()) {
      assertThat(mappings.to(category)).as(category).isNotEmpty();
    }
  }

  @Test
  void givesEachValueItsEffectAndLetsATokenCarryItsOwn() {
    SignalMapping trainAi = mappings.lookup("aipref-vocab", "train-ai").get(0);
    SignalMapping policy = mappings.lookup("tdmrep", "tdm-policy").get(0);
    SignalMapping unspecified =
        mappings.lookup("iptc-plus", "http://ns.useplus.org/ldf/vocab/DMI-UNSPECIFIED").get(0);

    assertThat(mappings.effectOf(trainAi, "n")).contains("reserved");
    assertThat(mappings.effectOf(trainAi, "?1")).isEmpty();
    assertThat(mappings.effectOf(policy, "https://provider.com/policies/policy.json"))
        .contains("licence-required");
    assertThat(mappings.effectOf(unspecified, null)).isEmpty();
    assertThat(trainAi.match()).isEqualTo(MatchType.EXACT);
  }

  @Test
  void refusesAnUnknownStandardAndListsTheKnownOnes() {
    assertThatThrownBy(() -> mappings.of("dublin-core"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'dublin-core'")
        .hasMessageContaining("tdmrep");
  }

  private Set<String> tokens(String standard) {
    return mappings.of(standard).stream()
        .map(SignalMapping::token)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> rightsStatuses(String standard) {
    return mappings.rightsStatuses().values().stream()
        .filter(status -> status.standard().equals(standard))
        .map(RightsStatus::iri)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> dataLines(String relative) throws IOException {
    try (Stream<String> lines = Files.lines(SharedData.file(relative))) {
      return lines.toList();
    }
  }
}
