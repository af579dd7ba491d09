package org.rightsregistry.client.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.Usage;

/** Every real file is read or reported malformed with a reason; nothing crashes. */
class RealFilesTest {

  private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");

  @Test
  void everyRealRobotsTxt_isParsed() {
    List<RealFiles.Robots> all = RealFiles.robots();
    assertThat(all).hasSizeGreaterThan(1000);
    for (RealFiles.Robots robots : all) {
      RobotsTxt parsed = RobotsTxt.parse(robots.body());
      Signal signal = Readers.robots(parsed, robots.name(), "/", AT);
      assertThat(signal.outcome()).as(robots.name()).isEqualTo(SignalOutcome.READ);
      parsed.problems().forEach(problem -> assertThat(problem).startsWith("line "));
    }
  }

  @Test
  void aiRobotsTxt_disallowsEveryTableTokenItLists() {
    RobotsTxt parsed =
        RobotsTxt.parse(RealFiles.read(RealFiles.real("robots-txt/ai-robots-txt/robots.txt")));
    for (String token : List.of("GPTBot", "CCBot", "ClaudeBot", "Google-Extended", "AI2Bot")) {
      assertThat(parsed.isAllowed(token, "/any")).as(token).isFalse();
    }
    assertThat(parsed.isAllowed("Googlebot", "/any")).isTrue();
  }

  @Test
  void everyRealTdmrepJson_isReadOrReportedMalformedWithAReason() {
    Path dir = RealFiles.real("image-rights-metadata/tdmrep-wellknown");
    List<String> malformed = new ArrayList<>();
    int reserved = 0;
    for (Path file : RealFiles.files(dir)) {
      if (file.getParent().endsWith("policies")) {
        continue;
      }
      TdmRep.Reading reading = TdmRep.wellKnown(RealFiles.read(file), file.toString(), "/");
      List<Signal> signals = TdmRep.layer(List.of(reading), AT);
      if (reading.problem() != null) {
        malformed.add(file.getFileName() + ": " + reading.problem());
        assertThat(signals)
            .singleElement()
            .extracting(Signal::outcome)
            .isEqualTo(SignalOutcome.MALFORMED);
      } else if (Integer.valueOf(1).equals(reading.reservation())) {
        reserved++;
      }
    }
    assertThat(reserved).isGreaterThan(10);
    assertThat(malformed).anyMatch(m -> m.contains("not a JSON array"));
  }

  @Test
  void realImages_c2paAndIptc() {
    Map<String, Usage> reserving =
        Map.of(
            "datadiligence_sample_c2pa.png", Usage.GENERATIVE_AI_TRAINING,
            "c2pa-rs_C_with_CAWG_data.jpg", Usage.GENERATIVE_AI_TRAINING,
            "IPTC-PhotometadataRef-Std2023.2_xmp-packet.xmp", Usage.GENERATIVE_AI_TRAINING);
    int files = 0;
    for (Path file : RealFiles.files(RealFiles.real("image-rights-metadata"))) {
      String name = file.getFileName().toString();
      if (file.toString().contains("tdmrep-wellknown")
          || name.startsWith("LICENSE")
          || name.endsWith(".md")) {
        continue;
      }
      files++;
      byte[] bytes = RealFiles.read(file);
      List<Signal> signals =
          name.endsWith(".manifest.json")
              ? Embedded.manifestJson(bytes, name, AT)
              : Embedded.read(bytes, name, AT).signals();
      for (Signal signal : signals) {
        assertThat(signal.meaning()).as(name).isNotBlank();
      }
      if (reserving.containsKey(name)) {
        assertThat(signals).as(name).anyMatch(s -> s.usages().containsValue(Effect.RESERVED));
      }
      if (name.equals("c2pa-rs_C.jpg") || name.startsWith("IMG_0003")) {
        assertThat(signals).as(name).noneMatch(s -> !s.usages().isEmpty());
      }
      if (name.equals("c2pa-rs_ims_multiple_manifests.jpg")) {
        assertThat(signals)
            .as(name)
            .isNotEmpty()
            .allMatch(s -> !s.usages().containsValue(Effect.RESERVED));
      }
    }
    assertThat(files).isGreaterThan(10);
  }
}
