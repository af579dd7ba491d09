package org.rightsregistry.client.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples of RFC 9651 (sections 3 and 4), and the aipref spec examples. */
class StructuredFieldsTest {

  private static Object value(Object member) {
    return ((StructuredFields.Item) member).value();
  }

  @Test
  void rfcDictionaryExamples() {
    Map<String, Object> d =
        StructuredFields.parseDictionary("en=\"Applepie\", da=:w4ZibGV0w6ZydGU=:");
    assertThat(value(d.get("en"))).isEqualTo("Applepie");
    assertThat(new String((byte[]) value(d.get("da")), StandardCharsets.UTF_8))
        .isEqualTo("Æbletærte");

    Map<String, Object> flags = StructuredFields.parseDictionary("a=?0, b, c; foo=bar");
    assertThat(value(flags.get("a"))).isEqualTo(false);
    assertThat(value(flags.get("b"))).isEqualTo(true);
    assertThat(((StructuredFields.Item) flags.get("c")).parameters())
        .containsEntry("foo", new StructuredFields.Token("bar"));

    Map<String, Object> inner =
        StructuredFields.parseDictionary("rating=1.5, feelings=(joy sadness)");
    assertThat(value(inner.get("rating"))).isEqualTo(new BigDecimal("1.5"));
    assertThat(((StructuredFields.InnerList) inner.get("feelings")).items()).hasSize(2);
  }

  @Test
  void rfcListAndItemExamples() {
    assertThat(StructuredFields.parseList("sugar, tea, rum")).hasSize(3);
    assertThat(StructuredFields.parseList("(\"foo\" \"bar\"), (\"baz\"), (\"bat\" \"one\"), ()"))
        .hasSize(4);
    assertThat(StructuredFields.parseList("abc;a=1;b=2; cde_456, (ghi;jk=4 l);q=\"9\";r=w"))
        .hasSize(2);
    assertThat(StructuredFields.parseItem("5; foo=bar").value()).isEqualTo(5L);
    assertThat(StructuredFields.parseItem("42").value()).isEqualTo(42L);
    assertThat(StructuredFields.parseItem("4.5").value()).isEqualTo(new BigDecimal("4.5"));
    assertThat(StructuredFields.parseItem("\"hello world\"").value()).isEqualTo("hello world");
    assertThat(StructuredFields.parseItem("foo123/456").value())
        .isEqualTo(new StructuredFields.Token("foo123/456"));
    assertThat(StructuredFields.parseItem("?1").value()).isEqualTo(true);
    assertThat(StructuredFields.parseItem("@1659578233").value())
        .isEqualTo(new StructuredFields.Date(1659578233));
    assertThat(
            StructuredFields.parseItem("%\"This is intended for display to %c3%bcsers.\"").value())
        .isEqualTo(new StructuredFields.DisplayString("This is intended for display to üsers."));
  }

  @Test
  void duplicateDictionaryKey_lastWins() {
    assertThat(value(StructuredFields.parseDictionary("a=1, b=2, a=3").get("a"))).isEqualTo(3L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Train-AI=n",
        "a=1,",
        "a=\"unterminated",
        "a=1.2345",
        "a=1234567890123456",
        "a=?2",
        "a=(1 2",
        "a=:not base64!:",
        "a=1 b=2",
        "1a=1",
        "a=%\"%zz\""
      })
  void malformedInput_fails(String field) {
    assertThatIllegalArgumentException().isThrownBy(() -> StructuredFields.parseDictionary(field));
  }

  @Test
  void aiprefSpecExamples_parse() throws Exception {
    Path dir = RealFiles.data().resolve("spec-examples");
    for (String name :
        List.of(
            "aipref-vocab-1.txt",
            "aipref-vocab-2.txt",
            "aipref-vocab-3.txt",
            "aipref-vocab-4.txt",
            "aipref-header-1.txt")) {
      List<String> lines = Files.readAllLines(dir.resolve(name));
      assertThat(lines).as(name).isNotEmpty();
    }
    assertThat(Readers.aiPreferences("train-ai=n, search=y"))
        .containsEntry(
            org.rightsregistry.client.Usage.GENERATIVE_AI_TRAINING,
            org.rightsregistry.client.Effect.RESERVED);
  }
}
