package org.rightsregistry.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
 * The usage categories and effects of the Rights Registry vocabulary, with its terms and its
 * mappings to other standards, checked against the rules of the module README and the shapes of
 * {@code vocab/shapes.ttl} when loaded. A usage category is known by its id, which is its {@code
 * skos:notation} and the last segment of its IRI (for example {@code ai-training}).
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class UsageVocabulary {

  /** Where {@link #loadDefault()} finds the usage categories and effects on the classpath. */
  public static final String DEFAULT_RESOURCE = "vocab/usage-categories.ttl";

  /** The classes and properties that declarations and mappings are written with. */
  public static final String TERMS_RESOURCE = "vocab/terms.ttl";

  /** The mappings from the signals of other standards to the categories and effects. */
  public static final String MAPPINGS_RESOURCE = "vocab/signal-mappings.ttl";

  /** The JSON-LD context that makes a declaration document RDF. */
  public static final String CONTEXT_RESOURCE = "vocab/context.jsonld";

  /**
   * The light form of the mappings for readers without Jena, generated from the Turtle (see the
   * module README).
   */
  public static final String LIGHT_MAPPINGS_RESOURCE = "vocab/signal-mappings.json";

  /** Every Turtle file of the published vocabulary, in the order they are read. */
  public static final List<String> TURTLE_RESOURCES =
      List.of(DEFAULT_RESOURCE, TERMS_RESOURCE, MAPPINGS_RESOURCE);

  private static final List<Lang> WRITABLE =
      List.of(Lang.TURTLE, Lang.JSONLD, Lang.RDFXML, Lang.NTRIPLES);

  private final Model model;
  private final Map<String, Term> categories;
  private final Set<String> categoryIds;
  private final Map<String, Set<String>> narrower;
  private final Map<String, Term> effects;
  private final Set<String> effectIds;
  private final SignalMappings mappings;

  private UsageVocabulary(Model model) {
    this.model = model;
    this.categories = Map.copyOf(Term.readAll(model, RightsRegistryVocab.USAGE_SCHEME));
    this.categoryIds = sorted(categories.keySet());
    this.narrower = narrowerByBroader(categories.values());
    this.effects = Map.copyOf(Term.readAll(model, RightsRegistryVocab.EFFECT_SCHEME));
    this.effectIds = sorted(effects.keySet());
    this.mappings = new SignalMappings(model);
  }

  /**
   * Loads the vocabulary this module ships.
   *
   * @throws InvalidVocabularyException when it is missing or breaks a rule; the message names each
   *     term at fault and the rule it breaks
   */
  public static UsageVocabulary loadDefault() {
    String source = "classpath:" + String.join(" + ", TURTLE_RESOURCES);
    Model model = ModelFactory.createDefaultModel();
    for (String resource : TURTLE_RESOURCES) {
      try (InputStream in = openResource(resource)) {
        model.add(parse(in, Lang.TURTLE, "classpath:" + resource));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the vocabulary " + resource, e);
      }
    }
    return checked(model, source);
  }

  /**
   * Opens one of this module's vocabulary resources, such as {@link #CONTEXT_RESOURCE}; the caller
   * closes the stream.
   *
   * @throws InvalidVocabularyException when the resource is missing from the classpath
   */
  public static InputStream openResource(String resource) {
    InputStream in = UsageVocabulary.class.getResourceAsStream("/" + resource);
    if (in == null) {
      throw new InvalidVocabularyException(
          "classpath:" + resource, List.of("it is not on the classpath"));
    }
    return in;
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
    return checked(parse(in, lang, source), source);
  }

  private static UsageVocabulary checked(Model model, String source) {
    List<String> problems = new ArrayList<>(VocabularyRules.check(model));
    problems.addAll(ShapeRules.check(model));
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

  /** The category and every category above it, nearest first: the categories it is within. */
  public List<String> selfAndBroader(String id) {
    List<String> chain = new ArrayList<>();
    for (String at = id; at != null; at = term(at).broader()) {
      chain.add(at);
    }
    return List.copyOf(chain);
  }

  /** Whether the category is {@code broaderId} or lies below it. */
  public boolean isWithin(String id, String broaderId) {
    term(broaderId);
    return selfAndBroader(id).contains(broaderId);
  }

  /** The English preferred label of an effect, such as "Licence required". */
  public String effectLabel(String id) {
    return effect(id).label();
  }

  /** The English definition of an effect. */
  public String effectDefinition(String id) {
    return effect(id).definition();
  }

  /** Whether the effect is retired; a retired effect keeps its meaning for old data. */
  public boolean isEffectDeprecated(String id) {
    return effect(id).deprecated();
  }

  /** The id of the effect that replaces a deprecated one; empty for a current effect. */
  public Optional<String> effectReplacement(String id) {
    return Optional.ofNullable(effect(id).replacement());
  }

  /** The IRI of the effect: the effect scheme's namespace followed by the id. */
  public String effectIri(String id) {
    return effect(id).iri();
  }

  /**
   * Checks RDF data, such as a declaration read with {@link #CONTEXT_RESOURCE}, against the shapes
   * of {@code vocab/shapes.ttl}, with this vocabulary's terms in view.
   *
   * @return every violation, one sentence each naming the node and the rule; empty if it conforms
   */
  public List<String> validate(Model data) {
    return ShapeRules.check(ModelFactory.createUnion(Objects.requireNonNull(data, "data"), model));
  }

  /** The mappings from the signals of other standards to the categories and effects. */
  public SignalMappings signalMappings() {
    return mappings;
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

  private Term effect(String id) {
    Objects.requireNonNull(id, "id");
    Term effect = effects.get(id);
    if (effect == null) {
      throw new IllegalArgumentException(
          "Effect '" + id + "' is not in the vocabulary; known effects: " + effectIds());
    }
    return effect;
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
