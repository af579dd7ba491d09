package org.rightsregistry.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsregistry.client.offline.OfflineReplica;
import org.rightsregistry.server.RegistryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server restart in the middle of a sync loses nothing and repeats nothing: the registry is
 * stopped while the client pages through the change feed, started again on the same database and
 * port, and the next sync brings the client to the head with every decision equal to the server's.
 */
class OfflineReplicaRestartTest {

  @TempDir Path directory;

  private ConfigurableApplicationContext start(int port) {
    return new SpringApplicationBuilder(RegistryApplication.class)
        .profiles("test")
        .run(
            "--server.port=" + port,
            "--rightsregistry.embedded-database.data-directory=" + directory.resolve("pg"));
  }

  private static int portOf(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  @Test
  void serverRestartMidSync_losesNothingAndRepeatsNothing() throws Exception {
    ConfigurableApplicationContext first = start(0);
    int port = portOf(first);
    SyncScene scene = new SyncScene(port);
    SyncScene.Writer writer = scene.new Writer(42);
    for (int i = 0; i < 20; i++) {
      writer.step();
    }
    Path store = directory.resolve("registry.snapshot");
    try (OfflineReplica replica = replica(port, store, scene)) {
      long base = replica.registrySequence().orElseThrow();
      for (int i = 0; i < 150; i++) {
        writer.step();
      }

      CompletableFuture<Long> syncing = CompletableFuture.supplyAsync(replica::sync);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (replica.registrySequence().orElseThrow() < base + 10
          && !syncing.isDone()
          && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      first.close(); // the registry stops in the middle of the sync

      Throwable failure = syncing.handle((sequence, thrown) -> thrown).get(2, TimeUnit.MINUTES);
      assertThat(failure).as("the sync was cut off by the restart").isNotNull();
      assertThat(failure).hasCauseInstanceOf(UncheckedIOException.class);
      long reached = replica.registrySequence().orElseThrow();
      assertThat(reached).isGreaterThan(base);

      try (ConfigurableApplicationContext second = start(port)) {
        long head = replica.sync();

        assertThat(head).isGreaterThan(reached);
        scene.assertReplicaDecidesAsTheServer(replica);
      }
    }
  }

  private static OfflineReplica replica(int port, Path store, SyncScene scene) {
    return OfflineReplica.builder()
        .registry(URI.create("http://127.0.0.1:" + port + "/"))
        .store(store)
        .bearerToken(scene.licenseeToken)
        .maxAge(Duration.ofHours(1))
        .pageSize(1)
        .requestTimeout(Duration.ofSeconds(10))
        .build();
  }
}
