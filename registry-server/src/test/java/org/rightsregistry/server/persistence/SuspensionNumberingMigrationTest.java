package org.rightsregistry.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A registry upgraded with suspensions from before they were numbered changes: V11 numbers them
 * after the head, so copies already in step learn of them from the change feed, and leaves the
 * history append-only.
 */
class SuspensionNumberingMigrationTest {

  static EmbeddedPostgres postgres;
  static DataSource database;

  @BeforeAll
  static void upgradeARegistryWithEarlierSuspensions() throws Exception {
    postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    database = postgres.getPostgresDatabase();
    migrate("9");
    execute(
        "INSERT INTO party (id, name, role, created_at) VALUES"
            + " ('operator', 'Operator', 'operator', now()),"
            + " ('agency-b', 'Agency B', 'agent', now()),"
            + " ('agency-a', 'Agency A', 'agent', now()),"
            + " ('creator', 'Creator', 'creator', now())",
        "INSERT INTO registry_event (sequence, kind, declaration_id, recorded_at)"
            + " SELECT n, 'CREATED', gen_random_uuid(), now() FROM generate_series(1, 5) n",
        "UPDATE registry_head SET last_sequence = 5",
        "INSERT INTO party_suspension (party_id, suspended_at, suspended_by, reason) VALUES"
            + " ('agency-b', '2026-03-01T00:00:00Z', 'operator', 'first'),"
            + " ('agency-a', '2026-04-01T00:00:00Z', 'operator', 'second')");
    migrate("11");
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void earlierSuspensions_areNumberedAfterTheHead_inTheOrderTheyWereMade() throws SQLException {
    assertThat(rows("SELECT party_id, sequence FROM party_suspension ORDER BY sequence"))
        .containsExactly("agency-b 6", "agency-a 7");
    assertThat(rows("SELECT sequence, kind, declaration_id FROM registry_event WHERE sequence > 5"))
        .containsExactly("6 PARTY_SUSPENDED null", "7 PARTY_SUSPENDED null");
    assertThat(rows("SELECT last_sequence FROM registry_head")).containsExactly("7");
  }

  @Test
  void afterwards_theHistoryIsAppendOnlyAgain_andEverySuspensionHasItsNumber() {
    assertThatThrownBy(() -> execute("UPDATE party_suspension SET reason = 'changed'"))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                execute(
                    "INSERT INTO party_suspension (party_id, suspended_at, suspended_by)"
                        + " VALUES ('creator', now(), 'operator')"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("sequence");
    assertThatThrownBy(
            () ->
                execute(
                    "INSERT INTO registry_event (sequence, kind, declaration_id, recorded_at)"
                        + " VALUES (8, 'PARTY_SUSPENDED', gen_random_uuid(), now())"))
        .as("a suspension's event names no declaration")
        .isInstanceOf(SQLException.class);
  }

  private static void migrate(String target) {
    Flyway.configure()
        .dataSource(database)
        .locations("classpath:db/migration")
        .target(target)
        .load()
        .migrate();
  }

  private static void execute(String... statements) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static List<String> rows(String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i == 1 ? "" : " ").append(result.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
