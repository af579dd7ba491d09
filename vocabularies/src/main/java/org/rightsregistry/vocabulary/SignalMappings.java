package org.rightsregistry.vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.rightsregistry.vocabulary.RightsRegistryVocab.Classes;
import org.rightsregistry.vocabulary.RightsRegistryVocab.Properties;

/**
 * The mappings from the signals of other standards to the usage categories and effects, read from
 * {@code vocab/signal-mappings.ttl} once the vocabulary has passed its shapes.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class SignalMappings {

  /** The standard whose product tokens are compared without regard to case (RFC 9309). */
  public static final String ROBOTS_TXT = "robots-txt";

  private final Map<String, Standard> standards;
  private final List<SignalMapping> mappings;
  private final Map<String, RightsStatus> rightsStatuses;

  SignalMappings(Model model) {
    this.standards = index(readStandards(model), Standard::id);
    this.mappings = readMappings(model);
    this.rightsStatuses = index(readRightsStatuses(model), RightsStatus::iri);
  }

  /** Every standard by id, in id order. */
  public Map<String, Standard> standards() {
    return standards;
  }

  /**
   * One standard.
   *
   * @throws IllegalArgumentException when no standard has this id
   */
  public Standard standard(String id) {
    Standard standard = standards.get(Objects.requireNonNull(id, "id"));
    if (standard == null) {
      throw new IllegalArgumentException(
          "No standard '" + id + "' is mapped; known standards: " + standards.keySet());
    }
    return standard;
  }

  /** Every signal mapping, ordered by standard, then as the Turtle source lists them by IRI. */
  public List<SignalMapping> all() {
    return mappings;
  }

  /** The mappings of one standard. */
  public List<SignalMapping> of(String standardId) {
    standard(standardId);
    return mappings.stream().filter(m -> m.standard().equals(standardId)).toList();
  }

  /** The mappings of every standard to one usage category. */
  public List<SignalMapping> to(String categoryId) {
    return mappings.stream().filter(m -> m.category().equals(categoryId)).toList();
  }

  /**
   * The mappings of one token of a standard, compared as the standard compares tokens (without
   * regard to case for robots.txt product tokens, exactly otherwise); empty when the token is not
   * mapped.
   */
  public List<SignalMapping> lookup(String standardId, String token) {
    standard(standardId);
    Objects.requireNonNull(token, "token");
    boolean ignoreCase = standardId.equals(ROBOTS_TXT);
    return mappings.stream()
        .filter(m -> m.standard().equals(standardId))
        .filter(m -> ignoreCase ? m.token().equalsIgnoreCase(token) : m.token().equals(token))
        .toList();
  }

  /**
   * The effect one token with one value gives a mapping: the token's own effect if it carries one,
   * else what the standard says the value means; empty when neither gives an effect (the signal
   * then says nothing about the category).
   *
   * @param value the value given to the token, or {@code null} for tokens without a value
   */
  public Optional<String> effectOf(SignalMapping mapping, String value) {
    if (mapping.effect() != null) {
      return Optional.of(mapping.effect());
    }
    return value == null ? Optional.empty() : standard(mapping.standard()).effectOf(value);
  }

  /** Every rights status by statement or licence IRI, in IRI order. */
  public Map<String, RightsStatus> rightsStatuses() {
    return rightsStatuses;
  }

  /** What a rights statement or licence implies; empty when the vocabulary does not map it. */
  public Optional<RightsStatus> rightsStatus(String iri) {
    return Optional.ofNullable(rightsStatuses.get(iri));
  }

  private static List<Standard> readStandards(Model model) {
    List<Standard> found = new ArrayList<>();
    for (Resource standard : model.listSubjectsWithProperty(RDF.type, Classes.STANDARD).toList()) {
      Map<String, String> values = new LinkedHashMap<>();
      for (Statement entry : standard.listProperties(Properties.VALUE_EFFECT).toList()) {
        Resource node = entry.getResource();
        values.put(
            text(node, Properties.VALUE),
            id(node.getPropertyResourceValue(Properties.GIVES_EFFECT)));
      }
      found.add(
          new Standard(
              id(standard),
              standard.getURI(),
              text(standard, RDFS.label),
              text(standard, Properties.SPECIFICATION),
              text(standard, RDFS.comment),
              values));
    }
    return found;
  }

  private static List<SignalMapping> readMappings(Model model) {
    return model.listSubjectsWithProperty(RDF.type, Classes.SIGNAL_MAPPING).toList().stream()
        .map(SignalMappings::readMapping)
        .sorted(Comparator.comparing(SignalMapping::standard).thenComparing(SignalMapping::iri))
        .toList();
  }

  private static SignalMapping readMapping(Resource mapping) {
    return new SignalMapping(
        mapping.getURI(),
        id(mapping.getPropertyResourceValue(Properties.STANDARD)),
        text(mapping, Properties.TOKEN),
        id(mapping.getPropertyResourceValue(Properties.CATEGORY)),
        MatchType.fromProperty(mapping.getPropertyResourceValue(Properties.MATCH).getURI()),
        id(mapping.getPropertyResourceValue(Properties.GIVES_EFFECT)),
        text(mapping, Properties.CITATION),
        text(mapping, RDFS.comment));
  }

  private static List<RightsStatus> readRightsStatuses(Model model) {
    return model
        .listSubjectsWithProperty(RDF.type, Classes.RIGHTS_STATUS_MAPPING)
        .mapWith(
            status ->
                new RightsStatus(
                    status.getPropertyResourceValue(Properties.RIGHTS_STATUS).getURI(),
                    id(status.getPropertyResourceValue(Properties.STANDARD)),
                    id(status.getPropertyResourceValue(Properties.COMMERCIAL_USE)),
                    id(status.getPropertyResourceValue(Properties.NON_COMMERCIAL_USE)),
                    text(status, Properties.CITATION),
                    text(status, RDFS.comment)))
        .toList();
  }

  /** A concept's notation, or else the last segment of a resource's IRI; null for null. */
  private static String id(Resource resource) {
    if (resource == null) {
      return null;
    }
    Statement notation = resource.getProperty(SKOS.notation);
    if (notation != null) {
      return notation.getString();
    }
    String iri = resource.getURI();
    return iri.substring(iri.lastIndexOf('/') + 1);
  }

  private static String text(Resource subject, Property property) {
    Statement statement = subject.getProperty(property);
    if (statement == null) {
      return null;
    }
    RDFNode object = statement.getObject();
    return object.isLiteral() ? object.asLiteral().getLexicalForm() : object.toString();
  }

  private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
    return Collections.unmodifiableMap(
        values.stream()
            .sorted(
                Comparator.comparing(key, Comparator.comparing(k -> k.toLowerCase(Locale.ROOT))))
            .collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
  }
}
