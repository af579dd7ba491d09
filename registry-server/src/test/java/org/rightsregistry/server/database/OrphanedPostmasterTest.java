package org.rightsregistry.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry killed with its database still running does not block the next start. */
class OrphanedPostmasterTest {

  @TempDir Path directory;

  private EmbeddedPostgres start() throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setPGStartupWait(Duration.ofSeconds(30))
        .start();
  }

  @Test
  void postmasterLeftByAKilledProcessIsStoppedAndTheDataStartsAgain() throws Exception {
    EmbeddedPostgres abandoned = start();
    try (Connection connection = abandoned.getPostgresDatabase().getConnection()) {
      connection.createStatement().execute("CREATE TABLE kept (value int)");
      connection.createStatement().execute("INSERT INTO kept VALUES (42)");
    }
    long pid = OrphanedPostmaster.runningPostmaster(directory).orElseThrow().pid();

    OrphanedPostmaster.stopIfRunning(directory);

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(OrphanedPostmaster.runningPostmaster(directory)).isEmpty();
    // A killed JVM would have released its lock on the directory; this one must let go itself.
    abandoned.close();
    try (EmbeddedPostgres restarted = start();
        Connection connection = restarted.getPostgresDatabase().getConnection();
        ResultSet rows = connection.createStatement().executeQuery("SELECT value FROM kept")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void directoryWithoutARunningServerIsLeftAlone() throws Exception {
    assertThat(OrphanedPostmaster.runningPostmaster(directory)).isEmpty();

    OrphanedPostmaster.stopIfRunning(directory);
  }
}
