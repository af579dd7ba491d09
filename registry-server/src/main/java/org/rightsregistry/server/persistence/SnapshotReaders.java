package org.rightsregistry.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Second connections that read in the snapshot of the caller's transaction, so that one large read
 * can run on two PostgreSQL backends at once and still see exactly one state of the registry: the
 * caller's REPEATABLE READ transaction exports its snapshot ({@code pg_export_snapshot}) and the
 * reader's transaction imports it ({@code SET TRANSACTION SNAPSHOT}) before reading anything.
 *
 * <p>The readers come from a small pool of their own, never from the application's: a request holds
 * its own connection while it waits for a reader, so taking both from one pool could leave every
 * request waiting for another. When no reader is free at once, the caller reads alone.
 */
@Component
class SnapshotReaders implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SnapshotReaders.class);

  private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]+");

  private final HikariDataSource readers;
  private final Semaphore free;
  private final ExecutorService executor;

  /**
   * Readers for the application's connection pool.
   *
   * @param application the application's data source; readers need it to be Hikari's
   * @param size at most this many reads run beside their callers' at a time; 0 for none
   */
  SnapshotReaders(
      DataSource application, @Value("${rightsregistry.lookup.snapshot-readers:2}") int size) {
    this.readers =
        size > 0 && application instanceof HikariDataSource hikari
            ? readerPool(hikari, size)
            : null;
    this.free = new Semaphore(Math.max(0, size));
    AtomicInteger count = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            Math.max(1, size),
            task -> {
              Thread thread = new Thread(task, "snapshot-reader-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  private static HikariDataSource readerPool(HikariDataSource application, int size) {
    HikariConfig config = new HikariConfig();
    application.copyStateTo(config);
    config.setPoolName(application.getPoolName() + "-snapshot-readers");
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    // A permit guarantees a connection; this bounds only the wait to open one.
    config.setConnectionTimeout(250);
    config.setAutoCommit(true);
    return new HikariDataSource(config);
  }

  /**
   * Starts a read on a reader connection in the snapshot of the transaction {@code current} runs
   * in, which must be REPEATABLE READ (or SERIALIZABLE) and stay open until the read is done.
   *
   * @return the read under way, or null if no reader is free (then read with {@code current})
   */
  <T> Future<T> start(DSLContext current, Function<DSLContext, T> read) {
    if (readers == null || !free.tryAcquire()) {
      return null;
    }
    Connection connection;
    try {
      connection = readers.getConnection();
    } catch (SQLException e) {
      free.release();
      log.debug("No snapshot reader could connect, reading in one connection: {}", e.getMessage());
      return null;
    }
    try {
      String snapshot = current.fetchValue(DSL.field("pg_export_snapshot()", String.class));
      if (snapshot == null || !SNAPSHOT_ID.matcher(snapshot).matches()) {
        throw new DataAccessException("PostgreSQL exported an unexpected snapshot id: " + snapshot);
      }
      return executor.submit(() -> readIn(connection, snapshot, current, read));
    } catch (RuntimeException e) {
      release(connection);
      throw e;
    }
  }

  /** The result of a read {@link #start} started, or its failure as a data access failure. */
  static <T> T finish(Future<T> read) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      // Not cancelled: a read that never started would keep its connection.
      Thread.currentThread().interrupt();
      throw new DataAccessException("Interrupted while a snapshot reader read", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new DataAccessException("A snapshot reader failed", e.getCause());
    }
  }

  private <T> T readIn(
      Connection connection, String snapshot, DSLContext current, Function<DSLContext, T> read)
      throws SQLException {
    try {
      connection.setAutoCommit(false);
      try {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
          statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
        }
        return read.apply(DSL.using(current.configuration().derive(connection)));
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } finally {
      release(connection);
    }
  }

  private void release(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("Could not return a snapshot reader connection: {}", e.getMessage());
    } finally {
      free.release();
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
    if (readers != null) {
      readers.close();
    }
  }
}
