package org.rightsregistry.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/** The constants class mirrors the Turtle source: one constant per term, named like it. */
class RightsRegistryVocabTest {

  private final Model model = UsageVocabulary.loadDefault().model();

  @Test
  void declaresBothSchemesOfTheTurtleSource() {
    assertThat(model.contains(RightsRegistryVocab.USAGE_SCHEME, RDF.type, SKOS.ConceptScheme))
        .isTrue();
    assertThat(model.contains(RightsRegistryVocab.EFFECT_SCHEME, RDF.type, SKOS.ConceptScheme))
        .isTrue();
  }

  @Test
  void hasAUsageConstantForEachUsageCategoryNamedLikeIt() {
    assertThat(constants(RightsRegistryVocab.Usage.class))
        .isEqualTo(termsOf(RightsRegistryVocab.USAGE_SCHEME));
  }

  @Test
  void hasAnEffectConstantForEachEffectNamedLikeIt() {
    assertThat(constants(RightsRegistryVocab.Effect.class))
        .isEqualTo(termsOf(RightsRegistryVocab.EFFECT_SCHEME));
  }

  @Test
  void hasAClassesConstantForEachClassOfTheTermsNamedLikeIt() {
    assertThat(constants(RightsRegistryVocab.Classes.class)).isEqualTo(termsOfType(OWL2.Class));
  }

  @Test
  void hasAPropertiesConstantForEachPropertyOfTheTermsNamedLikeIt() {
    Map<String, String> properties = termsOfType(OWL2.ObjectProperty);
    properties.putAll(termsOfType(OWL2.DatatypeProperty));

    assertThat(constants(RightsRegistryVocab.Properties.class)).isEqualTo(properties);
  }

  /** Local name written as a constant name, to IRI, for each term of this type in the namespace. */
  private Map<String, String> termsOfType(Resource type) {
    return model.listSubjectsWithProperty(RDF.type, type).toList().stream()
        .filter(term -> term.getURI().startsWith(RightsRegistryVocab.NS))
        .collect(
            Collectors.toMap(
                term ->
                    term.getURI()
                        .substring(RightsRegistryVocab.NS.length())
                        .replaceAll("(?<=[a-z])(?=[A-Z])", "_")
                        .toUpperCase(Locale.ROOT),
                Resource::getURI,
                (a, b) -> a,
                java.util.HashMap::new));
  }

  /** Constant name to IRI, for each public static Resource field. */
  private static Map<String, String> constants(Class<?> holder) {
    return Arrays.stream(holder.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()))
        .filter(field -> Resource.class.isAssignableFrom(field.getType()))
        .collect(Collectors.toMap(Field::getName, RightsRegistryVocabTest::iri));
  }

  /** Notation written as a constant name, to IRI, for each concept of the scheme. */
  private Map<String, String> termsOf(Resource scheme) {
    return model.listSubjectsWithProperty(SKOS.inScheme, scheme).toList().stream()
        .collect(
            Collectors.toMap(
                concept ->
                    concept
                        .getRequiredProperty(SKOS.notation)
                        .getString()
                        .toUpperCase(Locale.ROOT)
                        .replace('-', '_'),
                Resource::getURI));
  }

  private static String iri(Field field) {
    try {
      return ((Resource) field.get(null)).getURI();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
