package org.rightsregistry.server.vocabulary;

import java.util.ArrayList;
import java.util.List;
import org.rightsregistry.server.Violation;
import org.rightsregistry.vocabulary.UsageVocabulary;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Refuses retired vocabulary terms in new declarations. The schema still lists retired terms so
 * that old declarations stay valid; a new one must use the replacement, which the violation names.
 * Call it after schema validation, on a document the schema accepted.
 */
@Component
public class DeprecatedTermCheck {

  private final UsageVocabulary vocabulary;

  public DeprecatedTermCheck(UsageVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** One violation per retired category or effect in {@code usages}; empty when none. */
  public List<Violation> check(JsonNode declaration) {
    List<Violation> violations = new ArrayList<>();
    JsonNode usages = declaration.path("usages");
    for (String category : usages.propertyNames()) {
      String field = "/usages/" + category.replace("~", "~0").replace("/", "~1");
      if (vocabulary.categoryIds().contains(category) && vocabulary.isDeprecated(category)) {
        violations.add(
            new Violation(
                field,
                retired(
                    "usage category", category, vocabulary.replacement(category).orElseThrow())));
      }
      String effect = usages.get(category).asString("");
      if (vocabulary.effectIds().contains(effect) && vocabulary.isEffectDeprecated(effect)) {
        violations.add(
            new Violation(
                field,
                retired("effect", effect, vocabulary.effectReplacement(effect).orElseThrow())));
      }
    }
    return violations;
  }

  private static String retired(String kind, String term, String replacement) {
    return "The "
        + kind
        + " '"
        + term
        + "' is retired; declare '"
        + replacement
        + "' instead, which replaces it";
  }
}
