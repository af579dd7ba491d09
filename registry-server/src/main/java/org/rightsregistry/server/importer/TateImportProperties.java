package org.rightsregistry.server.importer;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Tate demo import reads from.
 *
 * @param enabled whether the registry imports the collection on its first start
 * @param source the folder of the Tate export (artworks.jsonl.gz, artist_data.csv)
 * @param mapping the mapping file
 * @param vouchForSteward whether the operator, by this configuration, verifies the steward as an
 *     institution controlling {@code stewardDomain} (the demo run does; tests prove the domain by
 *     an HTTP challenge instead)
 * @param stewardDomain the steward's domain
 */
@ConfigurationProperties("rightsregistry.import.tate")
record TateImportProperties(
    boolean enabled,
    String source,
    String mapping,
    boolean vouchForSteward,
    @DefaultValue("tate.org.uk") String stewardDomain) {

  // Bound as strings: Spring's Path conversion reads "../x" as a class path resource.
  Path sourceFolder() {
    return Path.of(source);
  }

  Path mappingFile() {
    return Path.of(mapping);
  }
}
