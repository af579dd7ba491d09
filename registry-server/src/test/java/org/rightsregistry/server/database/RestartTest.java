package org.rightsregistry.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsregistry.server.RegistryApplication;
import org.rightsregistry.server.RegistryHttp;
import org.rightsregistry.server.TestDeclarations;
import org.rightsregistry.server.TestParties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** A restarted server on the same data directory serves exactly what it acknowledged. */
class RestartTest {

  @TempDir Path dataDirectory;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(RegistryApplication.class)
        .profiles("test")
        .run(
            "--server.port=0",
            "--rightsregistry.embedded-database.data-directory=" + dataDirectory.resolve("pg"));
  }

  private static RegistryHttp http(ConfigurableApplicationContext context) {
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    // Declaring and revoking now require a credential: the declarant's own.
    return new RegistryHttp(port).as(TestParties.token(port, "example-photographer"));
  }

  @Test
  void acknowledgedDeclarationsSurviveARestart() {
    JsonNode created;
    JsonNode revoked;
    try (ConfigurableApplicationContext first = start()) {
      RegistryHttp http = http(first);
      created =
          http.postJson(
                  "/v1/declarations", TestDeclarations.declaration(TestDeclarations.uniqueUrl()))
              .json();
      String other =
          http.postJson(
                  "/v1/declarations", TestDeclarations.declaration(TestDeclarations.uniqueUrl()))
              .json()
              .get("id")
              .asString();
      revoked = http.postJson("/v1/declarations/" + other + "/revocation", "").json();
    }

    try (ConfigurableApplicationContext second = start()) {
      RegistryHttp http = http(second);
      assertThat(http.get("/v1/declarations/" + created.get("id").asString()).json())
          .isEqualTo(created);
      assertThat(http.get("/v1/declarations/" + revoked.get("id").asString()).json())
          .isEqualTo(revoked);
      long sequence =
          http.postJson(
                  "/v1/declarations", TestDeclarations.declaration(TestDeclarations.uniqueUrl()))
              .json()
              .get("sequence")
              .asLong();
      assertThat(sequence).isEqualTo(revoked.get("revocation").get("sequence").asLong() + 1);
    }
  }
}
