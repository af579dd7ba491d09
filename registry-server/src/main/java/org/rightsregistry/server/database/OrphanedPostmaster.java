package org.rightsregistry.server.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a PostgreSQL server left running on the data directory by a registry process that was
 * killed (kill -9, a power cut of the JVM only), so that the next start does not wait for a port
 * that server still holds. PostgreSQL recovers its own data from the write-ahead log.
 */
final class OrphanedPostmaster {

  private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
  private static final Duration GRACE = Duration.ofSeconds(15);

  private OrphanedPostmaster() {}

  static void stopIfRunning(Path dataDirectory) throws IOException {
    Optional<ProcessHandle> postmaster = runningPostmaster(dataDirectory);
    if (postmaster.isEmpty()) {
      return;
    }
    ProcessHandle process = postmaster.get();
    log.warn(
        "Stopping PostgreSQL process {} left running on {} by an earlier registry process",
        process.pid(),
        dataDirectory);
    process.destroy();
    try {
      process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      process.destroyForcibly();
      process.onExit().join();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Could not stop PostgreSQL process " + process.pid(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping PostgreSQL", e);
    }
  }

  /** The live PostgreSQL process named in the directory's postmaster.pid, if there is one. */
  static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
        .filter(ProcessHandle::isAlive)
        .filter(
            process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
  }
}
