package org.rightsregistry.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.UrlIdentity;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestDeclarations;
import org.rightsregistry.server.TestParties;
import org.rightsregistry.server.persistence.DeclarationStore.KeyedStatement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A large lookup reads half its keys on a second connection; both halves see the one state of the
 * registry the caller's transaction sees, whatever is written meanwhile.
 */
@RegistryTest
class SplitLookupTest {

  @Value("${local.server.port}")
  int port;

  @Autowired DeclarationStore store;
  @Autowired SnapshotReaders readers;
  @Autowired DSLContext dsl;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void start_inARepeatableReadTransaction_readerSeesTheCallersSnapshot() {
    List<String> snapshots =
        inOneSnapshot(
            () -> {
              String own = currentSnapshot(dsl);
              declare(TestDeclarations.uniqueUrl());
              Future<String> read = readers.start(dsl, SplitLookupTest::currentSnapshot);
              assertThat(read).as("a reader is free").isNotNull();
              return List.of(own, SnapshotReaders.finish(read), currentSnapshot(dsl));
            });

    assertThat(snapshots.get(1)).isEqualTo(snapshots.get(0)).isEqualTo(snapshots.get(2));
  }

  @Test
  void statementsAt_writesAfterTheSnapshot_invisibleInBothHalves() {
    for (boolean inFirstHalf : new boolean[] {true, false}) {
      String revokedLater = normal(TestDeclarations.uniqueUrl());
      String id = declare(revokedLater);
      String declaredLater = normal(TestDeclarations.uniqueUrl());
      List<String> keys =
          keys(
              inFirstHalf,
              LookupKeys.forExactUrl(revokedLater),
              LookupKeys.forExactUrl(declaredLater));

      List<KeyedStatement> found =
          inOneSnapshot(
              () -> {
                store.headSequence();
                declare(declaredLater);
                revoke(id);
                return store.statementsAt(keys, Instant.now());
              });

      assertThat(found)
          .as(inFirstHalf ? "read by the caller" : "read by a snapshot reader")
          .extracting(KeyedStatement::lookupKey)
          .containsExactly(LookupKeys.forExactUrl(revokedLater));
      assertThat(found.get(0).statement().endedAt()).isNull();
    }
  }

  @Test
  void statementsAt_matchesInBothHalves_findsEachOnce() {
    String first = normal(TestDeclarations.uniqueUrl());
    String last = normal(TestDeclarations.uniqueUrl());
    declare(first);
    declare(last);
    List<String> keys = keys(true, LookupKeys.forExactUrl(first));
    keys.add(LookupKeys.forExactUrl(last));

    List<KeyedStatement> found = inOneSnapshot(() -> store.statementsAt(keys, Instant.now()));

    assertThat(found)
        .extracting(KeyedStatement::lookupKey)
        .containsExactlyInAnyOrder(LookupKeys.forExactUrl(first), LookupKeys.forExactUrl(last));
  }

  @Test
  void statementsAt_everyReaderBusy_readsAloneWithoutWaiting() {
    String url = normal(TestDeclarations.uniqueUrl());
    declare(url);
    List<String> keys = keys(false, LookupKeys.forExactUrl(url));

    List<KeyedStatement> found =
        inOneSnapshot(
            () -> {
              List<Future<Object>> busy = new ArrayList<>();
              for (Future<Object> read = sleepingRead(); read != null; read = sleepingRead()) {
                busy.add(read);
              }
              long started = System.nanoTime();
              List<KeyedStatement> alone = store.statementsAt(keys, Instant.now());
              assertThat(Duration.ofNanos(System.nanoTime() - started))
                  .as("no wait for a reader")
                  .isLessThan(Duration.ofSeconds(2));
              assertThat(busy).as("every reader was taken").isNotEmpty();
              busy.forEach(SnapshotReaders::finish);
              return alone;
            });

    assertThat(found)
        .extracting(KeyedStatement::lookupKey)
        .containsExactly(LookupKeys.forExactUrl(url));
  }

  private Future<Object> sleepingRead() {
    return readers.start(dsl, reader -> reader.fetchValue(DSL.field("pg_sleep(3)")));
  }

  /** Enough keys to split, the given ones at the start (first half) or at the end (second). */
  private static List<String> keys(boolean inFirstHalf, String... wanted) {
    List<String> keys = new ArrayList<>();
    String absent = "https://absent-" + UUID.randomUUID() + ".example/";
    for (int i = 0; i < DeclarationStore.SPLIT_LOOKUP_AT; i++) {
      keys.add(LookupKeys.forExactUrl(absent + i));
    }
    keys.addAll(inFirstHalf ? 0 : keys.size(), List.of(wanted));
    return keys;
  }

  private <T> T inOneSnapshot(Supplier<T> read) {
    TransactionTemplate template = new TransactionTemplate(transactions);
    template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    template.setReadOnly(true);
    return template.execute(status -> read.get());
  }

  private static String currentSnapshot(DSLContext dsl) {
    return dsl.fetchValue(DSL.field("pg_current_snapshot()::text", String.class));
  }

  private String declare(String url) {
    RegistryHttp.Response created =
        new RegistryHttp(port)
            .as(TestParties.token(port, "example-photographer"))
            .postJson("/v1/declarations", TestDeclarations.declaration(url));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private void revoke(String id) {
    RegistryHttp.Response revoked =
        new RegistryHttp(port)
            .as(TestParties.token(port, "example-photographer"))
            .postJson("/v1/declarations/" + id + "/revocation", "");
    assertThat(revoked.status()).as(revoked.body()).isBetween(200, 299);
  }

  private static String normal(String url) {
    return UrlIdentity.normalise(url);
  }
}
