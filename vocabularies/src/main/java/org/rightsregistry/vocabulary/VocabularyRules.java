package org.rightsregistry.vocabulary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * The rules a vocabulary must follow before anything uses it. Checking collects every problem
 * rather than stopping at the first, so one run tells a contributor all there is to fix.
 */
final class VocabularyRules {

  static final List<Resource> SCHEMES =
      List.of(RightsRegistryVocab.USAGE_SCHEME, RightsRegistryVocab.EFFECT_SCHEME);

  /** Each rule has a short name for messages and tests, and says what it requires. */
  enum Rule {
    SCHEME_DEFINED(
        "scheme-defined",
        "the vocabulary defines the usage and effect schemes, each with concepts"),
    IN_SCHEME("in-scheme", "every concept is skos:inScheme exactly one scheme of the vocabulary"),
    PREF_LABEL("pref-label", "every concept has exactly one English skos:prefLabel"),
    DEFINITION("definition", "every concept has exactly one English skos:definition"),
    NOTATION("notation", "every concept has exactly one skos:notation"),
    NOTATION_NAMES_IRI(
        "notation-names-iri", "a concept's IRI is its scheme's IRI, '/' and its notation"),
    UNIQUE_NOTATION("unique-notation", "no two concepts of a scheme share a notation"),
    BROADER_IN_SCHEME("broader-in-scheme", "skos:broader names a concept of the same scheme"),
    SINGLE_BROADER("single-broader", "a concept has at most one skos:broader"),
    ACYCLIC("acyclic", "no concept is broader than itself through skos:broader"),
    DEPRECATED_REPLACED(
        "deprecated-replaced",
        "a deprecated concept names one replacement in its scheme with dct:isReplacedBy");

    final String code;
    private final String requirement;

    Rule(String code, String requirement) {
      this.code = code;
      this.requirement = requirement;
    }

    String problem(Resource term, String detail) {
      return "<" + term + "> breaks rule '" + code + "' (" + requirement + "): " + detail + ".";
    }
  }

  private final Model model;
  private final List<Resource> concepts;
  private final List<String> problems = new ArrayList<>();

  private VocabularyRules(Model model) {
    this.model = model;
    Set<Resource> found = new TreeSet<>(Term.BY_NAME);
    found.addAll(model.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList());
    found.addAll(model.listSubjectsWithProperty(SKOS.inScheme).toList());
    this.concepts = List.copyOf(found);
  }

  /** Every problem found, in a stable order; empty when the vocabulary is valid. */
  static List<String> check(Model model) {
    VocabularyRules rules = new VocabularyRules(model);
    SCHEMES.forEach(rules::checkScheme);
    rules.concepts.forEach(rules::checkConcept);
    rules.checkUniqueNotations();
    rules.checkAcyclic();
    return List.copyOf(rules.problems);
  }

  private void checkScheme(Resource scheme) {
    if (!model.contains(scheme, RDF.type, SKOS.ConceptScheme)) {
      problems.add(Rule.SCHEME_DEFINED.problem(scheme, "it is not a skos:ConceptScheme"));
    } else if (!model.contains(null, SKOS.inScheme, scheme)) {
      problems.add(Rule.SCHEME_DEFINED.problem(scheme, "no concept is in it"));
    }
  }

  private void checkConcept(Resource concept) {
    requireOne(concept, Term.englishValues(model, concept, SKOS.prefLabel), Rule.PREF_LABEL);
    requireOne(concept, Term.englishValues(model, concept, SKOS.definition), Rule.DEFINITION);
    boolean oneNotation = requireOne(concept, Term.notations(model, concept), Rule.NOTATION);

    Optional<Resource> scheme = schemeOf(concept);
    if (scheme.isEmpty()) {
      return;
    }

    if (oneNotation) {
      checkIri(concept, scheme.get(), Term.notations(model, concept).get(0));
    }
    checkBroader(concept, scheme.get());
    checkDeprecation(concept, scheme.get());
  }

  private Optional<Resource> schemeOf(Resource concept) {
    List<Resource> schemes = Term.relatedAll(model, concept, SKOS.inScheme);
    if (schemes.size() != 1) {
      problems.add(Rule.IN_SCHEME.problem(concept, "found " + count(schemes.size())));
      return Optional.empty();
    }
    if (!SCHEMES.contains(schemes.get(0))) {
      problems.add(
          Rule.IN_SCHEME.problem(
              concept, "<" + schemes.get(0) + "> is not a scheme of this vocabulary"));
      return Optional.empty();
    }
    return Optional.of(schemes.get(0));
  }

  private boolean requireOne(Resource concept, List<String> values, Rule rule) {
    if (values.size() == 1 && !values.get(0).isBlank()) {
      return true;
    }
    String found = values.size() == 1 ? "an empty one" : count(values.size());
    problems.add(rule.problem(concept, "found " + found));
    return false;
  }

  private void checkIri(Resource concept, Resource scheme, String notation) {
    String expected = scheme.getURI() + "/" + notation;
    if (!expected.equals(concept.getURI())) {
      problems.add(
          Rule.NOTATION_NAMES_IRI.problem(
              concept,
              "its notation is '" + notation + "', so its IRI must be <" + expected + ">"));
    }
  }

  private void checkBroader(Resource concept, Resource scheme) {
    List<Resource> broader = Term.relatedAll(model, concept, SKOS.broader);
    if (broader.size() > 1) {
      problems.add(Rule.SINGLE_BROADER.problem(concept, "found " + count(broader.size())));
    }
    for (Resource up : broader) {
      if (!model.contains(up, SKOS.inScheme, scheme)) {
        problems.add(Rule.BROADER_IN_SCHEME.problem(concept, outside("skos:broader", up, scheme)));
      }
    }
  }

  private void checkDeprecation(Resource concept, Resource scheme) {
    if (!Term.isDeprecated(model, concept)) {
      return;
    }

    List<Resource> replacements = Term.relatedAll(model, concept, DCTerms.isReplacedBy);
    if (replacements.isEmpty()) {
      problems.add(
          Rule.DEPRECATED_REPLACED.problem(
              concept, "it is owl:deprecated but has no dct:isReplacedBy"));
    } else if (replacements.size() > 1) {
      problems.add(
          Rule.DEPRECATED_REPLACED.problem(
              concept, "it has " + replacements.size() + " dct:isReplacedBy; name one"));
    } else if (!model.contains(replacements.get(0), SKOS.inScheme, scheme)) {
      problems.add(
          Rule.DEPRECATED_REPLACED.problem(
              concept, outside("dct:isReplacedBy", replacements.get(0), scheme)));
    }
  }

  private void checkUniqueNotations() {
    Map<String, Resource> firstByKey = new LinkedHashMap<>();
    for (Resource concept : concepts) {
      List<Resource> schemes = Term.relatedAll(model, concept, SKOS.inScheme);
      List<String> notations = Term.notations(model, concept);
      if (schemes.size() != 1 || notations.size() != 1) {
        continue;
      }

      String key = schemes.get(0) + " " + notations.get(0);
      Resource first = firstByKey.putIfAbsent(key, concept);
      if (first != null) {
        problems.add(
            Rule.UNIQUE_NOTATION.problem(
                concept,
                "its notation '" + notations.get(0) + "' is also the notation of <" + first + ">"));
      }
    }
  }

  private void checkAcyclic() {
    Set<Resource> finished = new HashSet<>();
    for (Resource concept : concepts) {
      walkUp(concept, new ArrayList<>(), finished);
    }
  }

  private void walkUp(Resource concept, List<Resource> path, Set<Resource> finished) {
    int seenAt = path.indexOf(concept);
    if (seenAt >= 0) {
      reportCycle(path.subList(seenAt, path.size()));
      return;
    }
    if (finished.contains(concept)) {
      return;
    }

    path.add(concept);
    for (Resource up : Term.relatedAll(model, concept, SKOS.broader)) {
      walkUp(up, path, finished);
    }
    path.remove(path.size() - 1);
    finished.add(concept);
  }

  private void reportCycle(List<Resource> cycle) {
    String chain =
        cycle.stream()
            .map(term -> "<" + term + ">")
            .collect(Collectors.joining(" -> ", "", " -> <" + cycle.get(0) + ">"));
    problems.add(
        Rule.ACYCLIC.problem(cycle.get(0), "its skos:broader chain returns to it: " + chain));
  }

  private static String outside(String property, Resource target, Resource scheme) {
    return property + " names <" + target + ">, which is not a concept of <" + scheme + ">";
  }

  private static String count(int values) {
    return values == 0 ? "none" : String.valueOf(values);
  }
}
