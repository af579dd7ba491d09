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

  /** Constant name to IRI, for each public static Resource field. */
  private static Map<String, String> constants(Class<?> holder) {
    return Arrays.stream(holder.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()))
        .filter(field -> field.getType() == Resource.class)
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
