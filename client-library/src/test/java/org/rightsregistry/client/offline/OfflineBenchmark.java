package org.rightsregistry.client.offline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;

/**
 * Local checks per second on one thread, against snapshots of 1 and 10 million entries shaped like
 * real museum and library image URLs, side by side with the floor: normalising the URL and asking a
 * plain {@code HashSet<String>} of the same normalised URLs. Half the checked URLs are in the
 * snapshot, half are not. {@code offlineCheck} builds the whole explained decision, {@code
 * offlineVerdict} only the verdict. Run by {@code client-library/bench/offline.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OfflineBenchmark {

  private static final int QUERIES = 1 << 16;
  private static final int BATCH = 256;

  @Param({"1000000", "10000000"})
  public int entries;

  private OfflineChecker checker;
  private Set<String> floor;
  private Item[] items;
  private List<Item>[] batches;
  private String[] urls;
  private int next;

  @Setup(Level.Trial)
  public void load() throws Exception {
    List<String> real = BenchData.realUrls();
    String[] stored = BenchData.urls(real, entries, 0);
    Path file = Files.createTempFile("offline-bench-", ".snapshot");
    try {
      BenchData.writeSnapshot(stored, file);
      checker =
          OfflineChecker.builder()
              .snapshotFile(file)
              .clock(Clock.fixed(BenchData.EXPORTED, ZoneOffset.UTC))
              .build();
    } finally {
      Files.delete(file);
    }
    floor = new HashSet<>(List.of(stored));
    String[] absent = BenchData.urls(real, QUERIES / 2, 1_000_000);
    Random random = new Random(42);
    urls = new String[QUERIES];
    items = new Item[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      urls[i] = i % 2 == 0 ? stored[random.nextInt(stored.length)] : absent[i / 2];
      items[i] = Item.url(urls[i]);
    }
    @SuppressWarnings("unchecked")
    List<Item>[] cut = new List[QUERIES / BATCH];
    for (int b = 0; b < cut.length; b++) {
      cut[b] = List.of(items).subList(b * BATCH, (b + 1) * BATCH);
    }
    batches = cut;
  }

  /** The offline checker: normalise, look up every key, decide with the engine. */
  @Benchmark
  public Decision offlineCheck() {
    return checker.check(items[next++ & (QUERIES - 1)], Usage.GENERATIVE_AI_TRAINING);
  }

  /**
   * The verdict alone ({@link OfflineChecker#verdict}): the same lookups and the engine's steps,
   * without statements, evidence, explanation or categories.
   */
  @Benchmark
  public Verdict offlineVerdict() {
    return checker.verdict(items[next++ & (QUERIES - 1)], Usage.GENERATIVE_AI_TRAINING);
  }

  /** Verdicts of 256 items a call ({@code verdicts}), per item. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Verdict[] offlineVerdicts() {
    List<Item> batch = batches[(next++) & (batches.length - 1)];
    return checker.verdicts(batch, Usage.GENERATIVE_AI_TRAINING);
  }

  /** The floor: normalise and ask a HashSet; no prefixes, domains, evidence or decision. */
  @Benchmark
  public boolean hashSetFloor() {
    return floor.contains(NormalForm.url(urls[next++ & (QUERIES - 1)]));
  }
}
