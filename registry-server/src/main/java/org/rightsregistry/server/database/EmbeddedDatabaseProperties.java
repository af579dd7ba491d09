package org.rightsregistry.server.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data, and how much of it it keeps in memory.
 *
 * @param dataDirectory the data directory; blank for a throw-away one
 * @param sharedBuffers PostgreSQL's {@code shared_buffers}, such as {@code 1GB}; blank for
 *     PostgreSQL's default
 */
@ConfigurationProperties("rightsregistry.embedded-database")
record EmbeddedDatabaseProperties(String dataDirectory, String sharedBuffers) {

  boolean persistent() {
    return dataDirectory != null && !dataDirectory.isBlank();
  }
}
