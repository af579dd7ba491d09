package org.rightsregistry.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.RegistryTest;
import org.rightsregistry.server.TestDeclarations;
import org.rightsregistry.server.TestParties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The database itself refuses to rewrite history, whatever a caller does. */
@RegistryTest
class AppendOnlyHistoryTest {

  @Value("${local.server.port}")
  int port;

  @Autowired DSLContext dsl;

  @Test
  void updatesAndDeletesOfTheHistoryAreRefusedByTheDatabase() {
    String id =
        new RegistryHttp(port)
            .as(TestParties.token(port, "example-photographer"))
            .postJson(
                "/v1/declarations", TestDeclarations.declaration(TestDeclarations.uniqueUrl()))
            .json()
            .get("id")
            .asString();

    for (String sql :
        new String[] {
          "UPDATE declaration SET note = 'rewritten' WHERE id = '" + id + "'",
          "DELETE FROM declaration_usage WHERE declaration_id = '" + id + "'",
          "DELETE FROM declaration_subject WHERE declaration_id = '" + id + "'",
          "UPDATE registry_event SET kind = 'REVOKED' WHERE declaration_id = '" + id + "'",
          "TRUNCATE declaration CASCADE"
        }) {
      assertThatThrownBy(() -> dsl.execute(sql)).as(sql).hasMessageContaining("append-only");
    }
    assertThat(dsl.fetchCount(dsl.selectFrom("declaration").where("id = '" + id + "'")))
        .isEqualTo(1);
  }
}
