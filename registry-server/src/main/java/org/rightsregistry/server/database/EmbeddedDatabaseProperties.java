package org.rightsregistry.server.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data.
 *
 * @param dataDirectory the data directory; blank for a throw-away one
 */
@ConfigurationProperties("rightsregistry.embedded-database")
record EmbeddedDatabaseProperties(String dataDirectory) {

  boolean persistent() {
    return dataDirectory != null && !dataDirectory.isBlank();
  }
}
