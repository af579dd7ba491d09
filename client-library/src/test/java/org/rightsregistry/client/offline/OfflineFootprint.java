package org.rightsregistry.client.offline;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Measures what a snapshot costs: file size, write, read and index build times, and heap bytes per
 * entry after a full GC, next to a plain {@code HashSet<String>} of the same normalised URLs. Run
 * by {@code client-library/bench/offline.sh}; never part of the test run.
 */
final class OfflineFootprint {

  private OfflineFootprint() {}

  public static void main(String[] args) throws Exception {
    List<String> real = BenchData.realUrls();
    System.out.printf(Locale.ROOT, "real URLs read: %,d%n", real.size());
    for (String arg : args) {
      measure(real, Integer.parseInt(arg));
    }
  }

  private static void measure(List<String> real, int entries) throws Exception {
    Path file = Files.createTempFile("offline-bench-", ".snapshot");
    try {
      String[] urls = BenchData.urls(real, entries, 0);
      long start = System.nanoTime();
      BenchData.writeSnapshot(urls, file);
      double writeSeconds = seconds(start);

      long baseline = usedAfterGc();
      Set<String> floor = new HashSet<>(List.of(urls));
      long setBytes = usedAfterGc() - baseline;
      floor = null;
      long urlBytes = usedAfterGc();
      urls = null;
      urlBytes -= usedAfterGc();

      start = System.nanoTime();
      SnapshotFormat.Header header = SnapshotFormat.read(file, (id, s, r, t, subjects) -> {});
      double readSeconds = seconds(start);

      baseline = usedAfterGc();
      start = System.nanoTime();
      OfflineIndex.Builder builder = OfflineIndex.builder();
      SnapshotFormat.read(file, builder);
      OfflineIndex index = builder.position(header.sequence(), header.exportedAt()).build();
      double loadSeconds = seconds(start);
      long indexBytes = usedAfterGc() - baseline;

      System.out.printf(
          Locale.ROOT,
          "%,d entries (%,d declarations, %,d exact keys): file %,d bytes (%.1f per declaration),"
              + " written in %.2f s%n"
              + "  read and verify only: %.2f s; load (read + verify + index build): %.2f s%n"
              + "  exact-key table: %,d bytes = %.1f bytes per exact key (capacity %,d)%n"
              + "  whole index, heap after GC: %,d bytes = %.1f bytes per declaration"
              + " (arrays alone: %.1f)%n"
              + "  floor, HashSet<String> of the same URLs: %.1f bytes per entry, plus the"
              + " strings themselves %.1f bytes per entry%n",
          entries,
          index.declarationCount(),
          index.exactKeyCount(),
          Files.size(file),
          (double) Files.size(file) / index.declarationCount(),
          writeSeconds,
          readSeconds,
          loadSeconds,
          index.exactKeyBytes(),
          (double) index.exactKeyBytes() / index.exactKeyCount(),
          exactCapacity(index),
          indexBytes,
          (double) indexBytes / index.declarationCount(),
          (double) index.footprintBytes() / index.declarationCount(),
          (double) setBytes / entries,
          (double) urlBytes / entries);
      keep(index);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static long exactCapacity(OfflineIndex index) {
    return (index.exactKeyBytes() - 32) / 12;
  }

  private static Object kept;

  private static void keep(Object value) {
    kept = value;
    kept = null;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
