package org.rightsregistry.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The JSON Schemas and the Turtle vocabulary name the same terms, so neither can drift. */
class SchemaVocabularyAgreementTest {

  private static final String CATEGORY_ENUM = "/$defs/usageCategory/enum";
  private static final String EFFECT_ENUM = "/$defs/effect/enum";

  private final UsageVocabulary vocabulary = UsageVocabulary.loadDefault();
  private final JsonNode declaration = JsonSchemasTest.read(JsonSchemas.DECLARATION);

  @Test
  void theUsageCategoryEnumListsTheNotationsOfTheUsageScheme() {
    assertThat(strings(declaration.at(CATEGORY_ENUM)))
        .containsExactlyInAnyOrderElementsOf(vocabulary.categoryIds());
  }

  @Test
  void theEffectEnumListsTheNotationsOfTheEffectScheme() {
    assertThat(strings(declaration.at(EFFECT_ENUM)))
        .containsExactlyInAnyOrderElementsOf(vocabulary.effectIds());
  }

  @Test
  void noOtherSchemaPartSpellsOutVocabularyTerms() {
    Set<String> terms = new HashSet<>(vocabulary.categoryIds());
    terms.addAll(vocabulary.effectIds());

    for (String name : JsonSchemas.names()) {
      List<String> enums = new ArrayList<>();
      collectEnums(JsonSchemasTest.read(name), "", enums, terms);
      List<String> allowed =
          name.equals(JsonSchemas.DECLARATION) ? List.of(CATEGORY_ENUM, EFFECT_ENUM) : List.of();
      assertThat(enums)
          .as("enums naming vocabulary terms in " + name)
          .containsExactlyInAnyOrderElementsOf(allowed);
    }
  }

  private static void collectEnums(
      JsonNode node, String pointer, List<String> found, Set<String> terms) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              property -> {
                String child = pointer + "/" + property.getKey();
                JsonNode value = property.getValue();
                boolean namesTerms =
                    (property.getKey().equals("enum") || property.getKey().equals("const"))
                        && strings(value).stream().anyMatch(terms::contains);
                if (namesTerms) {
                  found.add(child);
                } else {
                  collectEnums(value, child, found, terms);
                }
              });
    } else if (node.isArray()) {
      int index = 0;
      for (JsonNode element : node.values()) {
        collectEnums(element, pointer + "/" + index++, found, terms);
      }
    }
  }

  private static List<String> strings(JsonNode node) {
    if (node.isString()) {
      return List.of(node.asString());
    }
    return node.valueStream().filter(JsonNode::isString).map(JsonNode::asString).toList();
  }
}
