package org.rightsregistry.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;

/**
 * The SHACL shapes of {@code vocab/shapes.ttl}, which check the vocabulary's own terms and mappings
 * and the RDF form of declarations. Each violation is reported as one sentence that names the node,
 * the rule (the shape) and what the rule requires.
 */
public final class ShapeRules {

  /** Where the shapes are on the classpath. */
  public static final String RESOURCE = "vocab/shapes.ttl";

  private static final String SHAPE_NAMESPACE = RightsRegistryVocab.NS + "shapes#";
  private static final Shapes SHAPES = Shapes.parse(load());

  private ShapeRules() {}

  /** Every violation of the shapes in this RDF data, one sentence each; empty when it conforms. */
  public static List<String> check(Model data) {
    return check(data.getGraph());
  }

  /** Every violation of the shapes in this graph, one sentence each; empty when it conforms. */
  public static List<String> check(Graph data) {
    ValidationReport report = ShaclValidator.get().validate(SHAPES, data);
    return report.getEntries().stream()
        .map(ShapeRules::describe)
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  private static String describe(ReportEntry entry) {
    String path = entry.resultPath() == null ? "" : " at " + entry.resultPath();
    String value = entry.value() == null ? "" : "; found " + entry.value();
    return "<"
        + uriOf(entry.focusNode())
        + "> breaks rule '"
        + ruleOf(entry.source())
        + "' ("
        + entry.message()
        + ")"
        + path
        + value
        + ".";
  }

  /** The named shape a violation comes from: its own IRI, or the node shape that holds it. */
  private static String ruleOf(Node shape) {
    Node named = shape;
    if (named.isBlank()) {
      named =
          SHAPES
              .getGraph()
              .find(Node.ANY, SHACL.property, shape)
              .nextOptional()
              .map(Triple::getSubject)
              .orElse(shape);
    }
    String name = uriOf(named);
    return name.startsWith(SHAPE_NAMESPACE) ? name.substring(SHAPE_NAMESPACE.length()) : "shape";
  }

  private static String uriOf(Node node) {
    return node.isURI()
        ? node.getURI()
        : node.isBlank() ? "_:" + node.getBlankNodeLabel() : "" + node;
  }

  private static Graph load() {
    try (InputStream in = ShapeRules.class.getResourceAsStream("/" + RESOURCE)) {
      if (in == null) {
        throw new InvalidVocabularyException(
            "classpath:" + RESOURCE, List.of("it is not on the classpath"));
      }
      Model model = ModelFactory.createDefaultModel();
      RDFParser.source(in).lang(Lang.TURTLE).parse(model);
      return model.getGraph();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the shapes " + RESOURCE, e);
    }
  }
}
