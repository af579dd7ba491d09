package org.rightsregistry.client.signals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the C2PA manifest store (a JUMBF superbox, ISO/IEC 19566-5) in JPEG APP11 segments and PNG
 * {@code caBX} chunks, and the training-mining assertions inside it. No Java C2PA reader is on
 * Maven Central, so the boxes are walked here; signatures are not validated.
 */
final class Jumbf {

  /** One assertion box: its label, its place in the store, its content and whether it is CBOR. */
  record Assertion(String label, String path, byte[] payload, boolean cbor) {}

  private static final int MAX_DEPTH = 8;

  private Jumbf() {}

  static List<Assertion> manifestStore(byte[] file) {
    byte[] store = Embedded.isJpeg(file) ? fromJpeg(file) : fromPng(file);
    List<Assertion> found = new ArrayList<>();
    if (store != null) {
      try {
        walk(store, 0, store.length, "", 0, found);
      } catch (RuntimeException e) {
        // A truncated or corrupt store yields what was found before the damage.
      }
    }
    return found;
  }

  private static byte[] fromJpeg(byte[] file) {
    Map<Integer, Map<Long, byte[]>> byInstance = new TreeMap<>();
    int pos = 2;
    while (pos + 4 <= file.length && (file[pos] & 0xff) == 0xFF) {
      int marker = file[pos + 1] & 0xff;
      if (marker == 0xDA || marker == 0xD9) {
        break;
      }
      int length = u16(file, pos + 2);
      int payload = pos + 4;
      int end = Math.min(file.length, pos + 2 + length);
      if (marker == 0xEB
          && end - payload > 16
          && file[payload] == 'J'
          && file[payload + 1] == 'P') {
        int instance = u16(file, payload + 2);
        long sequence = u32(file, payload + 4);
        int boxStart = payload + 8;
        int skip = sequence == 1 ? 0 : (u32(file, boxStart) == 1 ? 16 : 8);
        byte[] part = java.util.Arrays.copyOfRange(file, boxStart + skip, end);
        if (sequence == 1) {
          part = java.util.Arrays.copyOfRange(file, boxStart, end);
        }
        byInstance.computeIfAbsent(instance, k -> new TreeMap<>()).put(sequence, part);
      }
      pos = pos + 2 + length;
    }
    for (Map<Long, byte[]> parts : byInstance.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      parts.values().forEach(out::writeBytes);
      byte[] box = out.toByteArray();
      if (box.length > 8 && type(box, 4).equals("jumb")) {
        return box;
      }
    }
    return null;
  }

  private static byte[] fromPng(byte[] file) {
    int pos = 8;
    while (pos + 8 <= file.length) {
      long length = u32(file, pos);
      String type = type(file, pos + 4);
      int data = pos + 8;
      if (length > file.length - data) {
        return null;
      }
      if (type.equals("caBX")) {
        return java.util.Arrays.copyOfRange(file, data, data + (int) length);
      }
      pos = data + (int) length + 4;
    }
    return null;
  }

  private static void walk(
      byte[] b, int start, int end, String path, int depth, List<Assertion> found) {
    int pos = start;
    String label = null;
    while (pos + 8 <= end) {
      long length = u32(b, pos);
      String type = type(b, pos + 4);
      int header = 8;
      if (length == 1) {
        length = ((long) u32(b, pos + 8) << 32) | u32(b, pos + 12);
        header = 16;
      } else if (length == 0) {
        length = end - pos;
      }
      if (length < header || pos + length > end) {
        return;
      }
      int content = pos + header;
      int boxEnd = (int) (pos + length);
      if (type.equals("jumd")) {
        label = descriptionLabel(b, content, boxEnd);
      } else if (type.equals("jumb") && depth < MAX_DEPTH) {
        walk(b, content, boxEnd, path, depth + 1, found);
      } else if ((type.equals("cbor") || type.equals("json"))
          && label != null
          && Embedded.isTrainingMining(label)) {
        found.add(
            new Assertion(
                label,
                "C2PA manifest store " + path + label,
                java.util.Arrays.copyOfRange(b, content, boxEnd),
                type.equals("cbor")));
      }
      pos = boxEnd;
    }
  }

  /** The label of a JUMBF description box: 16-byte type, toggles, then the label if flagged. */
  private static String descriptionLabel(byte[] b, int content, int end) {
    int togglesAt = content + 16;
    if (togglesAt >= end || (b[togglesAt] & 0x02) == 0) {
      return null;
    }
    int labelStart = togglesAt + 1;
    int labelEnd = labelStart;
    while (labelEnd < end && b[labelEnd] != 0) {
      labelEnd++;
    }
    return new String(b, labelStart, labelEnd - labelStart, StandardCharsets.UTF_8);
  }

  private static String type(byte[] b, int at) {
    return new String(b, at, 4, StandardCharsets.ISO_8859_1);
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private static long u32(byte[] b, int at) {
    return ((long) (b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }
}
