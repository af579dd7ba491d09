package org.rightsregistry.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts an embedded PostgreSQL 17 when no external database is configured.
 *
 * <p>Setting {@code spring.datasource.url} switches this off and the standard Spring datasource
 * settings take over. The data directory persists between runs unless it is left empty, in which
 * case a throw-away directory is used (as the tests do).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "50")
              .setServerConfig("fsync", properties.persistent() ? "on" : "off")
              .setServerConfig("synchronous_commit", properties.persistent() ? "on" : "off");
      if (properties.sharedBuffers() != null && !properties.sharedBuffers().isBlank()) {
        builder.setServerConfig("shared_buffers", properties.sharedBuffers());
      }
      if (properties.persistent()) {
        Path directory = Path.of(properties.dataDirectory()).toAbsolutePath();
        Files.createDirectories(directory);
        OrphanedPostmaster.stopIfRunning(directory);
        builder.setDataDirectory(directory).setCleanDataDirectory(false);
        log.info("Starting embedded PostgreSQL with its data in {}", directory);
      } else {
        log.info("Starting embedded PostgreSQL with a throw-away data directory");
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres) {
    return DataSourceBuilder.create()
        .url(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true")
        .username("postgres")
        .build();
  }

  /** Matches when {@code spring.datasource.url} is not set. */
  static final class NoExternalDatabase implements ConfigurationCondition {

    @Override
    public ConfigurationPhase getConfigurationPhase() {
      return ConfigurationPhase.PARSE_CONFIGURATION;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("spring.datasource.url");
      return url == null || url.isBlank();
    }
  }
}
