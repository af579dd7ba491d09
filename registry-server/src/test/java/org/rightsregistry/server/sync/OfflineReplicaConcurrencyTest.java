package org.rightsregistry.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.RightsChecker;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.offline.OfflineReplica;
import org.rightsregistry.client.wire.DecisionDocuments;
import org.rightsregistry.server.RegistryTest;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 7's concurrency test: writers declare, supersede and revoke, and grant and revoke licences,
 * through the API while a client syncs repeatedly; after each sync the client's decision for every
 * item equals the server's at the same registry state, and so it does after a final sync once the
 * writers stop.
 */
@RegistryTest
class OfflineReplicaConcurrencyTest {

  @Value("${local.server.port}")
  int port;

  @TempDir Path directory;

  @Test
  void replicaSyncingDuringWrites_decidesAsTheServer_afterEverySync() throws Exception {
    SyncScene scene = new SyncScene(port);
    List<SyncScene.Writer> writers =
        List.of(scene.new Writer(1), scene.new Writer(2), scene.new Writer(3));
    writers.get(0).step(); // the history has at least one change of this scene before the copy
    ExecutorService threads = Executors.newFixedThreadPool(writers.size());
    AtomicInteger syncsDone = new AtomicInteger();
    try (OfflineReplica replica =
        OfflineReplica.builder()
            .registry(URI.create("http://127.0.0.1:" + port + "/"))
            .store(directory.resolve("registry.snapshot"))
            .bearerToken(scene.licenseeToken)
            .maxAge(Duration.ofHours(1))
            .pageSize(7)
            .compactAfter(60)
            .build()) {
      List<Future<?>> running = new ArrayList<>();
      for (SyncScene.Writer writer : writers) {
        running.add(
            threads.submit(
                () -> {
                  // Write until the client has synced often enough, within a bound.
                  for (int i = 0; i < 300 && syncsDone.get() < 8; i++) {
                    writer.step();
                    Thread.sleep(10);
                  }
                  return null;
                }));
      }
      int syncs = 0;
      int compared = 0;
      while (running.stream().anyMatch(future -> !future.isDone()) && syncs < 200) {
        replica.sync();
        syncs++;
        syncsDone.set(syncs);
        compared += scene.assertReplicaDecidesAsTheServer(replica);
      }
      for (Future<?> future : running) {
        future.get(5, TimeUnit.MINUTES);
      }

      long head = replica.sync();
      compared += scene.assertReplicaDecidesAsTheServer(replica);

      // At rest, the replica equals an online checker asking as the same party, sequence included.
      RightsChecker online =
          RightsChecker.builder()
              .registry(URI.create("http://127.0.0.1:" + port + "/"))
              .credential(scene.licenseeToken)
              .build();
      for (Usage usage : SyncScene.USAGES) {
        List<Decision> local = replica.checkAll(scene.items(), usage);
        List<Decision> remote = online.checkAll(scene.items(), usage);
        for (int i = 0; i < local.size(); i++) {
          assertThat(remote.get(i).registrySequence()).hasValue(head);
          assertThat(SnapshotApiTest.comparable(DecisionDocuments.toJson(local.get(i))))
              .isEqualTo(SnapshotApiTest.comparable(DecisionDocuments.toJson(remote.get(i))));
          assertThat(local.get(i).registrySequence()).isEqualTo(remote.get(i).registrySequence());
        }
      }

      assertThat(syncs).as("syncs while the writers wrote").isGreaterThanOrEqualTo(3);
      assertThat(compared).isGreaterThan(0);
      // Not vacuous: the items met every kind of answer, licences to the client included.
      assertThat(scene.rulesSeen)
          .contains("reservation", "allowed", "licence-required", "licensed", "no-statement");
      System.out.printf(
          "Offline replica concurrency: %d syncs while writing, %d decisions compared, head %d%n",
          syncs, compared, head);
      assertThat(head).isEqualTo(replica.registrySequence().orElseThrow());
    } finally {
      threads.shutdownNow();
    }
  }
}
