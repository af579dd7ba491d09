package org.rightsregistry.client.signals;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.SignalOutcome;
import org.rightsregistry.client.Usage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Signals inside the file: IPTC {@code plus:DataMining} and TDMRep in XMP (via metadata-extractor
 * and Adobe xmpcore), TDMRep in EPUB OPF, and C2PA 1.4 / CAWG 1.1 training-and-data-mining
 * assertions read from the JUMBF manifest store of JPEG (APP11) and PNG ({@code caBX}) files or
 * from a manifest's JSON form.
 */
final class Embedded {

  static final String PLUS = "http://ns.useplus.org/ldf/xmp/1.0/";
  private static final String DMI_PREFIX = "http://ns.useplus.org/ldf/vocab/";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final CBORMapper CBOR = CBORMapper.builder().build();

  private Embedded() {}

  /** What the file said: its own signals and its TDMRep reading (the highest layer). */
  record Reading(List<Signal> signals, TdmRep.Reading tdm) {}

  static Reading read(byte[] file, String location, Instant at) {
    List<Signal> signals = new ArrayList<>();
    TdmRep.Reading tdm = TdmRep.absent("file metadata");
    if (isZip(file)) {
      tdm = epub(file, location);
    } else if (startsWith(file, "<?xml") || startsWith(file, "<package") || looksLikeOpf(file)) {
      String text = new String(file, StandardCharsets.UTF_8);
      tdm = text.contains("<package") ? opf(text, location) : tdm;
    }
    if (isJpeg(file) || isPng(file)) {
      c2pa(Jumbf.manifestStore(file), location, at, signals);
    }
    XmpResult xmp = xmp(file, location);
    if (xmp.problem != null) {
      signals.add(
          new Signal(
              Signal.SOURCE_IPTC,
              xmp.raw,
              location + " XMP",
              "XMP packet is not well-formed (" + xmp.problem + "), so its signals are unset",
              Map.of(),
              SignalOutcome.MALFORMED,
              at));
    } else if (xmp.meta != null) {
      Signal iptc = dataMining(xmp.meta, location, at);
      if (iptc != null) {
        signals.add(iptc);
      }
      TdmRep.Reading fromXmp = tdmInXmp(xmp.meta, location);
      if (!fromXmp.isAbsent()) {
        tdm = fromXmp;
      }
    }
    return new Reading(signals, tdm);
  }

  // ---- XMP ------------------------------------------------------------------------------

  private record XmpResult(XMPMeta meta, String raw, String problem) {}

  private static XmpResult xmp(byte[] file, String location) {
    if (isJpeg(file) || isPng(file)) {
      try {
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file));
        for (XmpDirectory directory : metadata.getDirectoriesOfType(XmpDirectory.class)) {
          if (directory.hasErrors()) {
            return new XmpResult(null, "", String.join("; ", directory.getErrors()));
          }
          return new XmpResult(directory.getXMPMeta(), "", null);
        }
        return new XmpResult(null, "", null);
      } catch (ImageProcessingException | IOException | RuntimeException e) {
        return new XmpResult(null, "", "the image could not be read: " + e.getMessage());
      }
    }
    String packet = packet(new String(file, StandardCharsets.ISO_8859_1));
    if (packet == null) {
      return new XmpResult(null, "", null);
    }
    String text = new String(packet.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    try {
      return new XmpResult(XMPMetaFactory.parseFromString(text), text, null);
    } catch (XMPException e) {
      return new XmpResult(null, text, e.getMessage());
    }
  }

  /** The XMP packet in a PDF or other file, or a bare XMP document. */
  private static String packet(String text) {
    int start = text.indexOf("<x:xmpmeta");
    String end = "</x:xmpmeta>";
    if (start < 0) {
      start = text.indexOf("<rdf:RDF");
      end = "</rdf:RDF>";
    }
    if (start < 0) {
      return null;
    }
    int stop = text.indexOf(end, start);
    return stop < 0 ? text.substring(start) : text.substring(start, stop + end.length());
  }

  static Signal dataMining(XMPMeta meta, String location, Instant at) {
    String value;
    String otherConstraints;
    try {
      value = meta.getPropertyString(PLUS, "DataMining");
      otherConstraints = meta.getPropertyString(PLUS, "OtherConstraints[1]");
    } catch (XMPException e) {
      value = null;
      otherConstraints = null;
    }
    if (value == null) {
      return null;
    }
    String raw = "plus:DataMining=" + value;
    Map<Usage, Effect> usages = dmiUsages(value);
    if (usages == null) {
      return new Signal(
          Signal.SOURCE_IPTC,
          raw,
          location + " XMP plus:DataMining",
          "'" + value + "' is none of the nine PLUS Data Mining values",
          Map.of(),
          SignalOutcome.MALFORMED,
          at);
    }
    String meaning = dmiToken(value) + (usages.isEmpty() ? ": no prohibition defined" : "");
    if (otherConstraints != null && dmiToken(value).endsWith("SEECONSTRAINT")) {
      meaning += " (plus:OtherConstraints: " + otherConstraints + ")";
    }
    return new Signal(
        Signal.SOURCE_IPTC,
        raw,
        location + " XMP plus:DataMining",
        meaning,
        usages,
        SignalOutcome.READ,
        at);
  }

  /** The bare DMI token of a value written as a URI, a prefixed name or a bare token. */
  static String dmiToken(String value) {
    String token = value.strip();
    int cut = Math.max(token.lastIndexOf('/'), token.lastIndexOf(':'));
    return (cut >= 0 ? token.substring(cut + 1) : token).toUpperCase(Locale.ROOT);
  }

  /** The usages of a DMI value; null if it is not one of the nine. */
  static Map<Usage, Effect> dmiUsages(String value) {
    String token = dmiToken(value);
    String written = value.strip();
    boolean knownForm =
        written.regionMatches(true, 0, DMI_PREFIX, 0, DMI_PREFIX.length())
            || written.regionMatches(true, 0, "https://ns.useplus.org/ldf/vocab/", 0, 33)
            || written.indexOf('/') < 0;
    if (!knownForm) {
      return null;
    }
    Map<Usage, Effect> usages = new EnumMap<>(Usage.class);
    switch (token) {
      case "DMI-UNSPECIFIED":
        break;
      case "DMI-ALLOWED":
        usages.put(Usage.TEXT_AND_DATA_MINING, Effect.ALLOWED);
        break;
      case "DMI-PROHIBITED-AIMLTRAINING":
        usages.put(Usage.AI_TRAINING, Effect.RESERVED);
        break;
      case "DMI-PROHIBITED-GENAIMLTRAINING":
        usages.put(Usage.GENERATIVE_AI_TRAINING, Effect.RESERVED);
        break;
      case "DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING":
        usages.put(Usage.TEXT_AND_DATA_MINING, Effect.RESERVED);
        usages.put(Usage.SEARCH_INDEXING, Effect.ALLOWED);
        break;
      case "DMI-PROHIBITED":
      case "DMI-PROHIBITED-SEECONSTRAINT":
      case "DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR":
      case "DMI-PROHIBITED-SEELINKEDRIGHTSEXPR":
        // Prohibited unless the constraint or rights expression, which is not read, says more.
        usages.put(Usage.TEXT_AND_DATA_MINING, Effect.RESERVED);
        break;
      default:
        return null;
    }
    return usages;
  }

  private static TdmRep.Reading tdmInXmp(XMPMeta meta, String location) {
    for (String ns : List.of(TdmRep.NS_PDF, TdmRep.NS_EPUB)) {
      try {
        String reservation = meta.getPropertyString(ns, "reservation");
        String policy = meta.getPropertyString(ns, "policy");
        if (reservation != null || policy != null) {
          String raw =
              "tdm:reservation=" + reservation + (policy == null ? "" : " tdm:policy=" + policy);
          return TdmRep.value("file metadata", raw, location + " XMP", reservation, policy);
        }
      } catch (XMPException e) {
        // The namespace is not registered: the property is absent.
      }
    }
    return TdmRep.absent("file metadata");
  }

  // ---- EPUB ------------------------------------------------------------------------------

  private static TdmRep.Reading epub(byte[] file, String location) {
    Map<String, byte[]> entries = new TreeMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.getName().endsWith(".opf")) {
          entries.put(entry.getName(), zip.readNBytes(4 * 1024 * 1024));
        }
      }
    } catch (IOException e) {
      return new TdmRep.Reading(
          "file metadata", "", location, null, null, "the EPUB is not a readable ZIP file");
    }
    for (Map.Entry<String, byte[]> opf : entries.entrySet()) {
      TdmRep.Reading reading =
          opf(new String(opf.getValue(), StandardCharsets.UTF_8), location + " " + opf.getKey());
      if (!reading.isAbsent()) {
        return reading;
      }
    }
    return TdmRep.absent("file metadata");
  }

  /** EPUB 2 ({@code name}/{@code content}) and EPUB 3 ({@code property}, text) meta elements. */
  static TdmRep.Reading opf(String opf, String location) {
    String reservation = null;
    String policy = null;
    String raw = "";
    for (HtmlMeta.Element meta : HtmlMeta.find(opf)) {
      String name = meta.get("name") != null ? meta.get("name") : meta.get("property");
      if (name == null) {
        continue;
      }
      String value = meta.get("name") != null ? meta.get("content") : meta.text();
      if (name.equals("tdm:reservation")) {
        reservation = value;
        raw = name + "=" + value;
      } else if (name.equals("tdm:policy")) {
        policy = value;
      }
    }
    if (reservation == null && policy == null) {
      return TdmRep.absent("file metadata");
    }
    return TdmRep.value("file metadata", raw, location + " OPF", reservation, policy);
  }

  // ---- C2PA / CAWG --------------------------------------------------------------------------

  private static void c2pa(
      List<Jumbf.Assertion> assertions, String location, Instant at, List<Signal> signals) {
    for (Jumbf.Assertion assertion : assertions) {
      JsonNode data;
      try {
        data =
            assertion.cbor()
                ? CBOR.readTree(assertion.payload())
                : JSON.readTree(assertion.payload());
      } catch (JacksonException e) {
        signals.add(
            new Signal(
                Signal.SOURCE_C2PA,
                assertion.label(),
                location + " " + assertion.path(),
                "the assertion's payload could not be decoded: " + e.getOriginalMessage(),
                Map.of(),
                SignalOutcome.MALFORMED,
                at));
        continue;
      }
      signals.add(trainingMining(assertion.label(), data, location + " " + assertion.path(), at));
    }
  }

  /** Reads the C2PA training-mining assertions of a manifest (or manifest definition) in JSON. */
  static List<Signal> manifestJson(byte[] json, String location, Instant at) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      return List.of(
          new Signal(
              Signal.SOURCE_C2PA,
              new String(json, StandardCharsets.UTF_8),
              location,
              "not valid JSON: " + e.getOriginalMessage(),
              Map.of(),
              SignalOutcome.MALFORMED,
              at));
    }
    List<Signal> signals = new ArrayList<>();
    collectAssertions(root, location, at, signals);
    return signals;
  }

  private static void collectAssertions(
      JsonNode node, String location, Instant at, List<Signal> signals) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      JsonNode label = node.get("label");
      if (label != null && label.isString() && isTrainingMining(label.stringValue())) {
        signals.add(trainingMining(label.stringValue(), node.get("data"), location, at));
        return;
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        collectAssertions(field.getValue(), location, at, signals);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collectAssertions(element, location, at, signals);
      }
    }
  }

  static boolean isTrainingMining(String label) {
    String base = label.contains("__") ? label.substring(0, label.indexOf("__")) : label;
    return base.equals("c2pa.training-mining") || base.equals("cawg.training-mining");
  }

  /**
   * One training-mining assertion, in the layout with {@code entries} (C2PA 1.4, CAWG 1.1) or
   * without (CAWG 1.0). {@code constrained} counts as not allowed: no licence is presented here.
   */
  static Signal trainingMining(String label, JsonNode data, String location, Instant at) {
    String raw = "{\"label\":\"" + label + "\",\"data\":" + (data == null ? "null" : data) + "}";
    if (data == null || !data.isObject()) {
      return new Signal(
          Signal.SOURCE_C2PA,
          raw,
          location,
          label + " has no data object",
          Map.of(),
          SignalOutcome.MALFORMED,
          at);
    }
    JsonNode entries = data.has("entries") ? data.get("entries") : data;
    Map<Usage, Effect> usages = new EnumMap<>(Usage.class);
    List<String> problems = new ArrayList<>();
    List<String> read = new ArrayList<>();
    if (entries.isObject()) {
      for (Map.Entry<String, JsonNode> entry : entries.properties()) {
        Usage usage = entryUsage(entry.getKey());
        if (usage == null) {
          continue;
        }
        JsonNode use = entry.getValue().get("use");
        Effect effect = use != null && use.isString() ? useEffect(use.stringValue()) : null;
        if (effect == null) {
          problems.add(entry.getKey() + " has no use of allowed, notAllowed or constrained");
          continue;
        }
        usages.merge(usage, effect, Readers::stricter);
        String info = constraintInfo(entry.getValue());
        read.add(
            entry.getKey() + " " + use.stringValue() + (info == null ? "" : " (" + info + ")"));
      }
    }
    if (usages.isEmpty() && !problems.isEmpty()) {
      return new Signal(
          Signal.SOURCE_C2PA,
          raw,
          location,
          label + ": " + String.join("; ", problems),
          Map.of(),
          SignalOutcome.MALFORMED,
          at);
    }
    String meaning =
        label
            + ": "
            + (read.isEmpty() ? "no known entry" : String.join(", ", read))
            + (problems.isEmpty() ? "" : "; ignored: " + String.join("; ", problems));
    return new Signal(Signal.SOURCE_C2PA, raw, location, meaning, usages, SignalOutcome.READ, at);
  }

  private static String constraintInfo(JsonNode entry) {
    for (String name : List.of("constraint_info", "constraints_info")) {
      JsonNode info = entry.get(name);
      if (info != null && info.isString()) {
        return info.stringValue();
      }
    }
    return null;
  }

  private static Usage entryUsage(String key) {
    if (!key.startsWith("c2pa.") && !key.startsWith("cawg.")) {
      return null;
    }
    switch (key.substring(5)) {
      case "data_mining":
        return Usage.TEXT_AND_DATA_MINING;
      case "ai_inference":
        return Usage.AI_INFERENCE;
      case "ai_generative_training":
        return Usage.GENERATIVE_AI_TRAINING;
      case "ai_training":
        return Usage.NON_GENERATIVE_AI_TRAINING;
      default:
        return null;
    }
  }

  private static Effect useEffect(String use) {
    switch (use) {
      case "allowed":
        return Effect.ALLOWED;
      case "notAllowed":
      case "constrained":
        return Effect.RESERVED;
      default:
        return null;
    }
  }

  // ---- sniffing -----------------------------------------------------------------------------

  static boolean isJpeg(byte[] file) {
    return file.length > 3 && (file[0] & 0xff) == 0xFF && (file[1] & 0xff) == 0xD8;
  }

  static boolean isPng(byte[] file) {
    return file.length > 8 && (file[0] & 0xff) == 0x89 && file[1] == 'P' && file[2] == 'N';
  }

  private static boolean isZip(byte[] file) {
    return file.length > 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
  }

  private static boolean startsWith(byte[] file, String prefix) {
    int start = file.length >= 3 && (file[0] & 0xff) == 0xEF ? 3 : 0;
    byte[] bytes = prefix.getBytes(StandardCharsets.US_ASCII);
    if (file.length < start + bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (file[start + i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeOpf(byte[] file) {
    String head = new String(file, 0, Math.min(file.length, 4096), StandardCharsets.ISO_8859_1);
    return head.contains("<package");
  }
}
