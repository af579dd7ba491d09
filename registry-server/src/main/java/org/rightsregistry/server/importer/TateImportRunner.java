package org.rightsregistry.server.importer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Imports the Tate demo collection on the registry's first start, when enabled. */
@Component
@Order(10)
class TateImportRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(TateImportRunner.class);

  private final TateImportProperties properties;
  private final TateCollectionImporter importer;

  TateImportRunner(TateImportProperties properties, TateCollectionImporter importer) {
    this.properties = properties;
    this.importer = importer;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.enabled()) {
      log.debug("The Tate import is disabled");
      return;
    }
    importer.importOnce(properties.sourceFolder(), properties.mappingFile());
  }
}
