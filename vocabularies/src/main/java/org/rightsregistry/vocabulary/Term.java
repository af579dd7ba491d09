package org.rightsregistry.vocabulary;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.SKOS;

/**
 * One concept of a scheme, read from a model that {@link VocabularyRules} found valid.
 *
 * @param broader the id of the broader term, or {@code null} for a top term
 * @param replacement the id of the term that replaces a deprecated one, or {@code null}
 */
record Term(
    String id,
    String iri,
    String label,
    String definition,
    String broader,
    boolean deprecated,
    String replacement) {

  static final Comparator<RDFNode> BY_NAME = Comparator.comparing(RDFNode::toString);

  /** The terms of one scheme by id, in id order. */
  static Map<String, Term> readAll(Model model, Resource scheme) {
    Map<String, Term> terms = new LinkedHashMap<>();
    model.listSubjectsWithProperty(SKOS.inScheme, scheme).toList().stream()
        .map(concept -> read(model, concept))
        .sorted(Comparator.comparing(Term::id))
        .forEach(term -> terms.put(term.id(), term));
    return terms;
  }

  private static Term read(Model model, Resource concept) {
    return new Term(
        notations(model, concept).get(0),
        concept.getURI(),
        englishValues(model, concept, SKOS.prefLabel).get(0),
        englishValues(model, concept, SKOS.definition).get(0),
        related(model, concept, SKOS.broader).map(up -> notations(model, up).get(0)).orElse(null),
        isDeprecated(model, concept),
        related(model, concept, DCTerms.isReplacedBy)
            .map(next -> notations(model, next).get(0))
            .orElse(null));
  }

  static List<String> englishValues(Model model, Resource concept, Property property) {
    return model
        .listObjectsOfProperty(concept, property)
        .filterKeep(
            node -> node.isLiteral() && "en".equalsIgnoreCase(node.asLiteral().getLanguage()))
        .mapWith(node -> node.asLiteral().getLexicalForm())
        .toList();
  }

  static List<String> notations(Model model, Resource concept) {
    return model
        .listObjectsOfProperty(concept, SKOS.notation)
        .filterKeep(RDFNode::isLiteral)
        .mapWith(node -> node.asLiteral().getLexicalForm())
        .toList();
  }

  static List<Resource> relatedAll(Model model, Resource concept, Property property) {
    return model
        .listObjectsOfProperty(concept, property)
        .filterKeep(RDFNode::isResource)
        .mapWith(RDFNode::asResource)
        .toList()
        .stream()
        .sorted(BY_NAME)
        .toList();
  }

  static boolean isDeprecated(Model model, Resource concept) {
    return model
        .listObjectsOfProperty(concept, OWL2.deprecated)
        .filterKeep(RDFNode::isLiteral)
        .mapWith(RDFNode::asLiteral)
        .mapWith(Literal::getLexicalForm)
        .filterKeep(value -> value.equals("true") || value.equals("1"))
        .hasNext();
  }

  private static Optional<Resource> related(Model model, Resource concept, Property property) {
    return relatedAll(model, concept, property).stream().findFirst();
  }
}
