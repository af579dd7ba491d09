package org.rightsregistry.server.vocabulary;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.rightsregistry.vocabulary.RightsRegistryVocab;
import org.rightsregistry.vocabulary.RightsStatus;
import org.rightsregistry.vocabulary.SignalMapping;
import org.rightsregistry.vocabulary.SignalMappings;
import org.rightsregistry.vocabulary.Standard;
import org.rightsregistry.vocabulary.UsageVocabulary;

/**
 * The vocabulary as one HTML page for people: every usage category with its definition and its
 * mappings to each standard, the effects, the standards with what their values mean, the rights
 * statuses, and the classes and properties. Each term's anchor is its IRI after the namespace.
 */
final class VocabularyPage {

  private static final String STYLE =
      """
      body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;\
      color:#1d2329}
      h1{font-size:1.8rem}h2{margin-top:2.5rem;border-bottom:2px solid #d0d7de}\
      h3{margin-bottom:.2rem}
      code{background:#f3f4f6;padding:0 .25rem;border-radius:3px}
      .iri{color:#57606a;font-size:.85rem}.def{margin:.3rem 0 .8rem}
      table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:.9rem}
      th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
      th{background:#f6f8fa}td.note{color:#57606a}
      nav a{margin-right:1rem}
      """;

  private VocabularyPage() {}

  static String render(UsageVocabulary vocabulary) {
    StringBuilder html = new StringBuilder(200_000);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Rights Registry vocabulary</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>Rights Registry vocabulary</h1>\n")
        .append("<p>The uses of creative works that rights holders reserve, allow or license")
        .append(" through the registry, the effects a declaration gives them, and how the")
        .append(" signals of other standards map onto both. Namespace <code>")
        .append(RightsRegistryVocab.NS)
        .append("</code>. The same data is served as Turtle, JSON-LD, RDF/XML and N-Triples at")
        .append(" this address and at every term's IRI: ask with an <code>Accept</code> header.")
        .append(" Declarations are JSON-LD with the context <a href=\"")
        .append(VocabularyController.CONTEXT_PATH)
        .append("\"><code>")
        .append(VocabularyController.CONTEXT_PATH)
        .append("</code></a>.</p>\n<nav><a href=\"#categories\">Usage categories</a>")
        .append("<a href=\"#effects\">Effects</a><a href=\"#standards\">Standards</a>")
        .append("<a href=\"#rights-statuses\">Rights statuses</a>")
        .append("<a href=\"#terms\">Classes and properties</a></nav>\n");
    categories(vocabulary, html);
    effects(vocabulary, html);
    standards(vocabulary.signalMappings(), html);
    rightsStatuses(vocabulary.signalMappings(), html);
    terms(vocabulary.model(), html);
    return html.append("</body></html>\n").toString();
  }

  private static void categories(UsageVocabulary vocabulary, StringBuilder html) {
    html.append("<h2 id=\"categories\">Usage categories</h2>\n")
        .append("<p>A statement about a broader category applies to each narrower one unless a")
        .append(" statement about the narrower one says otherwise. In the mapping tables,")
        .append(" <em>match</em> compares the token's scope with the category: exact, close,")
        .append(" broader (the token covers more) or narrower (it covers less). A token without")
        .append(" an effect of its own takes it from its value (see Standards).</p>\n");
    for (String id : treeOrder(vocabulary)) {
      html.append("<h3 id=\"usage/").append(id).append("\">").append(esc(vocabulary.label(id)));
      html.append(" <code>").append(id).append("</code></h3>\n<div class=\"iri\">");
      html.append(esc(vocabulary.iri(id))).append("</div>\n<p class=\"def\">");
      html.append(esc(vocabulary.definition(id)));
      vocabulary
          .broader(id)
          .ifPresent(
              up ->
                  html.append(" Narrower than <a href=\"#usage/")
                      .append(up)
                      .append("\">")
                      .append(esc(vocabulary.label(up)))
                      .append("</a>."));
      html.append("</p>\n");
      mappingTable(vocabulary.signalMappings(), vocabulary.signalMappings().to(id), html);
    }
  }

  private static void mappingTable(
      SignalMappings mappings, List<SignalMapping> toCategory, StringBuilder html) {
    html.append("<table><tr><th>standard</th><th>token</th><th>match</th><th>effect</th>")
        .append("<th>source</th><th>our reading</th></tr>\n");
    Map<String, List<SignalMapping>> byStandard =
        toCategory.stream()
            .collect(
                Collectors.groupingBy(
                    SignalMapping::standard, java.util.TreeMap::new, Collectors.toList()));
    for (var entry : byStandard.entrySet()) {
      Standard standard = mappings.standard(entry.getKey());
      if (entry.getKey().equals(SignalMappings.ROBOTS_TXT)) {
        robotsRow(standard, entry.getValue(), html);
        continue;
      }
      for (SignalMapping mapping : entry.getValue()) {
        html.append("<tr><td><a href=\"#standard/").append(standard.id()).append("\">");
        html.append(esc(standard.label())).append("</a></td><td><code title=\"");
        html.append(esc(mapping.token())).append("\">");
        html.append(esc(mapping.token().replaceFirst("^http://ns\\.useplus\\.org/ldf/vocab/", "")));
        html.append("</code></td><td>");
        html.append(mapping.match().id()).append("</td><td>");
        html.append(mapping.tokenEffect().orElse("by value")).append("</td><td>");
        html.append(esc(mapping.citation())).append("</td><td class=\"note\">");
        html.append(mapping.comment() == null ? "" : esc(mapping.comment()));
        html.append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }

  private static void robotsRow(Standard standard, List<SignalMapping> rows, StringBuilder html) {
    html.append("<tr><td><a href=\"#standard/").append(standard.id()).append("\">");
    html.append(esc(standard.label())).append("</a></td><td>");
    html.append(
        rows.stream()
            .map(mapping -> "<code>" + esc(mapping.token()) + "</code>")
            .collect(Collectors.joining(", ")));
    html.append("</td><td>narrower</td><td>by value</td><td>")
        .append(esc(standard.specification()))
        .append("</td><td class=\"note\">A disallow binds the agent's operator only.</td></tr>\n");
  }

  private static void effects(UsageVocabulary vocabulary, StringBuilder html) {
    html.append("<h2 id=\"effects\">Effects</h2>\n");
    for (String id : vocabulary.effectIds()) {
      html.append("<h3 id=\"effect/").append(id).append("\">");
      html.append(esc(vocabulary.effectLabel(id))).append(" <code>").append(id);
      html.append("</code></h3>\n<div class=\"iri\">").append(esc(vocabulary.effectIri(id)));
      html.append("</div>\n<p class=\"def\">").append(esc(vocabulary.effectDefinition(id)));
      html.append("</p>\n");
    }
  }

  private static void standards(SignalMappings mappings, StringBuilder html) {
    html.append("<h2 id=\"standards\">Standards</h2>\n");
    for (Standard standard : mappings.standards().values()) {
      html.append("<h3 id=\"standard/").append(standard.id()).append("\">");
      html.append(esc(standard.label())).append("</h3>\n<div class=\"iri\">");
      html.append(esc(standard.iri())).append("</div>\n<p class=\"def\">");
      html.append(esc(standard.comment())).append(" <em>Read from: ");
      html.append(esc(standard.specification())).append(".</em></p>\n");
      if (!standard.valueEffects().isEmpty()) {
        html.append("<table><tr><th>value</th><th>effect</th></tr>\n");
        standard.valueEffects().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .forEach(
                value ->
                    html.append("<tr><td><code>")
                        .append(esc(value.getKey()))
                        .append("</code></td><td>")
                        .append(value.getValue())
                        .append("</td></tr>\n"));
        html.append("</table>\n");
      }
    }
  }

  private static void rightsStatuses(SignalMappings mappings, StringBuilder html) {
    html.append("<h2 id=\"rights-statuses\">Rights statuses</h2>\n")
        .append("<p>What each rights statement or licence implies for commercial and")
        .append(" non-commercial use; a dash means the status does not settle it.</p>\n")
        .append("<table><tr><th>statement or licence</th><th>commercial use</th>")
        .append("<th>non-commercial use</th><th>our reading</th></tr>\n");
    for (RightsStatus status : mappings.rightsStatuses().values()) {
      html.append("<tr><td><code>").append(esc(status.iri())).append("</code></td><td>");
      html.append(status.commercialEffect().orElse("—")).append("</td><td>");
      html.append(status.nonCommercialEffect().orElse("—")).append("</td><td class=\"note\">");
      html.append(esc(status.comment())).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void terms(Model model, StringBuilder html) {
    html.append("<h2 id=\"terms\">Classes and properties</h2>\n<table>")
        .append("<tr><th>term</th><th>kind</th><th>definition</th></tr>\n");
    for (Resource type : List.of(OWL2.Class, OWL2.ObjectProperty, OWL2.DatatypeProperty)) {
      model.listSubjectsWithProperty(RDF.type, type).toList().stream()
          .filter(term -> term.getURI().startsWith(RightsRegistryVocab.NS))
          .sorted(java.util.Comparator.comparing(Resource::getURI))
          .forEach(
              term -> {
                String local = term.getURI().substring(RightsRegistryVocab.NS.length());
                html.append("<tr id=\"").append(local).append("\"><td><code>rrv:");
                html.append(local).append("</code></td><td>").append(type.getLocalName());
                html.append("</td><td>").append(esc(term.getProperty(RDFS.comment).getString()));
                html.append("</td></tr>\n");
              });
    }
    html.append("</table>\n");
  }

  private static List<String> treeOrder(UsageVocabulary vocabulary) {
    List<String> ordered = new java.util.ArrayList<>();
    vocabulary.categoryIds().stream()
        .filter(id -> vocabulary.broader(id).isEmpty())
        .forEach(top -> addTree(vocabulary, top, ordered));
    return ordered;
  }

  private static void addTree(UsageVocabulary vocabulary, String id, List<String> ordered) {
    ordered.add(id);
    vocabulary.narrower(id).forEach(child -> addTree(vocabulary, child, ordered));
  }

  static String esc(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
