package org.rightsregistry.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;

/**
 * The usage categories and effects of the Rights Registry vocabulary, checked against the rules of
 * the module README when loaded. A usage category is known by its id, which is its {@code
 * skos:notation} and the last segment of its IRI (for example {@code ai-training}).
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class UsageVocabulary {

  /** Where {@link #loadDefault()} finds the vocabulary on the classpath. */
  public static final String DEFAULT_RESOURCE = "vocab/usage-categories.ttl";

  private static final List<Lang> WRITABLE =
      List.of(Lang.TURTLE, Lang.JSONLD, Lang.RDFXML, Lang.NTRIPLES);

  private final Model model;
  private final Map<String, Term> categories;
  private final Set<String> categoryIds;
  private final Map<String, Set<String>> narrower;
  private final Set<String> effectIds;

  private UsageVocabulary(Model model) {
    this.model = model;
    this.categories = Map.copyOf(Term.readAll(model, RightsRegistryVocab.USAGE_SCHEME));
    this.categoryIds = sorted(categories.keySet());
    this.narrower = narrowerByBroader(categories.values());
    this.effectIds = sorted(Term.readAll(model, RightsRegistryVocab.EFFECT_SCHEME).keySet());
  }

  /**
   * Loads the vocabulary this module ships.
   *
   * @throws InvalidVocabularyException when it is missing or breaks a rule; the message names each
   *     term at fault and the rule it breaks
   */
  public static UsageVocabulary loadDefault() {
    String source = "classpath:" + DEFAULT_RESOURCE;
    try (InputStream in = UsageVocabulary.class.getResourceAsStream("/" + DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new InvalidVocabularyException(source, List.of("it is not on the classpath"));
      }
      return load(in, Lang.TURTLE, source);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the vocabulary " + source, e);
    }
  }

  /**
   * Loads a vocabulary in any RDF syntax Jena reads, such as one written by {@link #write}.
   *
   * @throws InvalidVocabularyException when it does not parse or breaks a rule; the message names
   *     each term at fault and the rule it breaks
   */
  public static UsageVocabulary load(InputStream in, Lang lang) {
    return load(in, lang, "read as " + Objects.requireNonNull(lang, "lang").getLabel());
  }

  private static UsageVocabulary load(InputStream in, Lang lang, String source) {
    Objects.requireNonNull(in, "in");
    Model model = parse(in, lang, source);

    List<String> problems = VocabularyRules.check(model);
    if (!problems.isEmpty()) {
      throw new InvalidVocabularyException(source, problems);
    }
    return new UsageVocabulary(model);
  }

  private static Model parse(InputStream in, Lang lang, String source) {
    Model model = ModelFactory.createDefaultModel();
    try {
      RDFParser.source(in)
          .lang(lang)
          .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
          .parse(model);
      return model;
    } catch (RiotException e) {
      throw new InvalidVocabularyException(
          source, List.of("it is not valid " + lang.getLabel() + ": " + e.getMessage()));
    }
  }

  /** The ids of all usage categories, deprecated ones included, in alphabetical order. */
  public Set<String> categoryIds() {
    return categoryIds;
  }

  /** The ids of all effects a declaration can give a usage category. */
  public Set<String> effectIds() {
    return effectIds;
  }

  /** The id of the category directly broader than this one; empty for a top category. */
  public Optional<String> broader(String id) {
    return Optional.ofNullable(term(id).broader());
  }

  /** The ids of the categories directly narrower than this one; empty for a leaf. */
  public Set<String> narrower(String id) {
    term(id);
    return narrower.getOrDefault(id, Set.of());
  }

  /** The English preferred label, such as "AI training". */
  public String label(String id) {
    return term(id).label();
  }

  /** The English definition. */
  public String definition(String id) {
    return term(id).definition();
  }

  /** Whether the category is retired; a retired category keeps its meaning for old data. */
  public boolean isDeprecated(String id) {
    return term(id).deprecated();
  }

  /** The id of the category that replaces a deprecated one; empty for a current category. */
  public Optional<String> replacement(String id) {
    return Optional.ofNullable(term(id).replacement());
  }

  /** The IRI of the category: the usage scheme's namespace followed by the id. */
  public String iri(String id) {
    return term(id).iri();
  }

  /** A copy of the whole vocabulary, both schemes; changes to it do not reach this object. */
  public Model model() {
    Model copy = ModelFactory.createDefaultModel();
    copy.setNsPrefixes(model.getNsPrefixMap());
    return copy.add(model);
  }

  /**
   * Writes the whole vocabulary in one of {@link Lang#TURTLE}, {@link Lang#JSONLD}, {@link
   * Lang#RDFXML} or {@link Lang#NTRIPLES}.
   */
  public void write(OutputStream out, Lang lang) {
    Objects.requireNonNull(out, "out");
    if (!WRITABLE.contains(lang)) {
      throw new IllegalArgumentException(
          "Cannot write the vocabulary as "
              + lang
              + "; choose one of "
              + WRITABLE.stream().map(Lang::getLabel).toList());
    }
    RDFDataMgr.write(out, model, lang);
  }

  private Term term(String id) {
    Objects.requireNonNull(id, "id");
    Term term = categories.get(id);
    if (term == null) {
      throw new IllegalArgumentException(
          "Usage category '"
              + id
              + "' is not in the vocabulary; known categories: "
              + categoryIds());
    }
    return term;
  }

  private static Map<String, Set<String>> narrowerByBroader(Collection<Term> terms) {
    Map<String, Set<String>> narrower = new HashMap<>();
    for (Term term : terms) {
      if (term.broader() != null) {
        narrower.computeIfAbsent(term.broader(), id -> new TreeSet<>()).add(term.id());
      }
    }
    narrower.replaceAll((id, ids) -> sorted(ids));
    return Map.copyOf(narrower);
  }

  private static Set<String> sorted(Set<String> ids) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(ids));
  }
}
