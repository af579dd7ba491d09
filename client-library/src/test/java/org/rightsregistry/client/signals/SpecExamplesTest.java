package org.rightsregistry.client.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;

/** The spec examples of shared/data/spec-examples, broken ones in their broken and fixed forms. */
class SpecExamplesTest {

  private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");

  private static String example(String name) {
    return new String(
        RealFiles.read(RealFiles.data().resolve("spec-examples").resolve(name)),
        StandardCharsets.UTF_8);
  }

  private static String withoutFirstLineComment(String text) {
    return text.startsWith("<!--") || text.startsWith("#")
        ? text.substring(text.indexOf('\n') + 1)
        : text;
  }

  @Test
  void pdfXmp_brokenAsPublished_isMalformed_fixedReserves() {
    String broken = withoutFirstLineComment(example("tdmrep-pdf-xmp-1.xml"));
    Embedded.Reading asPublished =
        Embedded.read(broken.getBytes(StandardCharsets.UTF_8), "spec.pdf", AT);
    assertThat(asPublished.signals())
        .singleElement()
        .extracting(Signal::outcome)
        .isEqualTo(SignalOutcome.MALFORMED);

    String fixed =
        broken
            .replace(
                "xmlns:rdf=http://www.w3.org/1999/02/22-rdf-syntax-ns#>",
                "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">")
            .replace("  ...\n", "");
    Embedded.Reading reading =
        Embedded.read(fixed.getBytes(StandardCharsets.UTF_8), "spec.pdf", AT);
    assertThat(reading.tdm().reservation()).isEqualTo(1);
    assertThat(reading.tdm().policy()).isEqualTo("https://publisher.com/policies/policy.json");
  }

  @Test
  void epub2AndEpub3Opf_reserve() {
    for (String name : List.of("tdmrep-epub2-opf-1.xml", "tdmrep-epub3-opf-1.xml")) {
      TdmRep.Reading reading = Embedded.opf(example(name), name);
      assertThat(reading.reservation()).as(name).isEqualTo(1);
      assertThat(reading.policy()).as(name).isNotNull();
    }
  }

  @Test
  void htmlMeta_reserves() {
    List<TdmRep.Reading> tdm = new ArrayList<>();
    ResponseSignals.html(
        example("tdmrep-html-meta-1.html"), "page", null, AT, tdm, new ArrayList<>());
    assertThat(tdm).singleElement().extracting(TdmRep.Reading::reservation).isEqualTo(1);
  }

  @Test
  void wellKnown_asStored_reads_andWithTheSpecsTrailingComma_isMalformed() {
    String stored = example("tdmrep-wellknown-2.json");
    assertThat(TdmRep.wellKnown(stored.getBytes(StandardCharsets.UTF_8), "t", "/").problem())
        .isNull();
    // The spec's full example 2 has a trailing comma after its last rule (STANDARDS.md).
    String broken = stored.substring(0, stored.lastIndexOf(']')) + ",]";
    TdmRep.Reading reading =
        TdmRep.wellKnown(broken.getBytes(StandardCharsets.UTF_8), "tdmrep.json", "/");
    assertThat(reading.problem()).contains("not valid JSON");
    assertThat(TdmRep.layer(List.of(reading), AT))
        .singleElement()
        .extracting(Signal::outcome)
        .isEqualTo(SignalOutcome.MALFORMED);
    String firstMatch =
        "[{\"location\":\"/directory-a/\",\"tdm-reservation\":1},"
            + "{\"location\":\"/\",\"tdm-reservation\":0}]";
    assertThat(
            TdmRep.wellKnown(firstMatch.getBytes(StandardCharsets.UTF_8), "t", "/directory-a/x")
                .reservation())
        .isEqualTo(1);
  }

  @Test
  void noaiMetaAndHeaderExamples_reserve() {
    List<Signal> signals = new ArrayList<>();
    ResponseSignals.html(example("noai-meta-1.html"), "page", null, AT, new ArrayList<>(), signals);
    assertThat(signals).anyMatch(s -> !s.usages().isEmpty());
  }

  @Test
  void robotsSpecExamples_parseWithoutCrash() {
    for (String name :
        List.of(
            "robots-rfc9309-simple-1.txt",
            "robots-rfc9309-merge-1.txt",
            "robots-rfc9309-longest-match-1.txt",
            "robots-google-extended-1.txt",
            "aipref-robots-1.txt",
            "aipref-robots-2.txt",
            "content-signal-robots-1.txt",
            "ai-robots-txt-excerpt-1.txt")) {
      RobotsTxt parsed = RobotsTxt.parse(example(name));
      assertThat(parsed).as(name).isNotNull();
    }
    assertThat(
            RobotsTxt.parse(example("robots-google-extended-1.txt"))
                .isAllowed("Google-Extended", "/x"))
        .isFalse();
  }
}
