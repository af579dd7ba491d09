package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class UsageTest {

  @ParameterizedTest
  @CsvSource({
    "text-and-data-mining,       ''",
    "ai-training,                text-and-data-mining",
    "generative-ai-training,     ai-training",
    "non-generative-ai-training, ai-training",
    "ai-inference,               text-and-data-mining",
    "search-indexing,            text-and-data-mining",
  })
  void broader_followsTheWireFormatHierarchy(String id, String broaderId) {
    Optional<Usage> expected =
        broaderId.isEmpty() ? Optional.empty() : Optional.of(Usage.fromId(broaderId));

    assertThat(Usage.fromId(id).broader()).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Usage.class)
  void fromId_ofId_givesTheSameCategory(Usage usage) {
    assertThat(Usage.fromId(usage.id())).isSameAs(usage);
  }

  @Test
  void fromId_unknownId_namesTheValidIds() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Usage.fromId("AI_TRAINING"))
        .withMessage(
            "Unknown usage category 'AI_TRAINING'; valid ids are: text-and-data-mining,"
                + " ai-training, generative-ai-training, non-generative-ai-training, ai-inference,"
                + " search-indexing");
  }

  @ParameterizedTest
  @CsvSource({
    "generative-ai-training, generative-ai-training, true",
    "generative-ai-training, ai-training,            true",
    "generative-ai-training, text-and-data-mining,   true",
    "ai-training,            generative-ai-training, false",
    "ai-inference,           ai-training,            false",
    "search-indexing,        text-and-data-mining,   true",
  })
  void isWithin_holdsForItselfAndBroaderCategoriesOnly(String id, String otherId, boolean within) {
    assertThat(Usage.fromId(id).isWithin(Usage.fromId(otherId))).isEqualTo(within);
  }

  @Test
  void effectAndSelectorTypeIds_matchTheWireFormat() {
    assertThat(Effect.values())
        .extracting(Effect::id)
        .containsExactly("reserved", "allowed", "licence-required");
    assertThat(SelectorType.values())
        .extracting(SelectorType::id)
        .containsExactly("url", "url-prefix", "domain", "sha256", "accession", "party-works");
    assertThat(Effect.fromId("licence-required")).isEqualTo(Effect.LICENCE_REQUIRED);
    assertThat(SelectorType.fromId("url-prefix")).isEqualTo(SelectorType.URL_PREFIX);
  }

  @Test
  void effectFromId_unknownId_namesTheValidIds() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Effect.fromId("forbidden"))
        .withMessageContaining("'forbidden'")
        .withMessageContaining("reserved, allowed, licence-required");
  }
}
