package org.rightsregistry.server.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.server.access.Caller;
import org.rightsregistry.server.audit.AuditTrail;
import org.rightsregistry.server.declaration.DeclarationService;
import org.rightsregistry.server.declaration.NewDeclaration;
import org.rightsregistry.server.declaration.StoredDeclaration;
import org.rightsregistry.server.importer.TateArtworkMapper.Mapped;
import org.rightsregistry.server.party.OperatorBootstrap;
import org.rightsregistry.server.party.PartyRole;
import org.rightsregistry.server.party.PartyService;
import org.rightsregistry.server.party.PartyService.Identifier;
import org.rightsregistry.server.persistence.CollectionImportStore;
import org.rightsregistry.server.persistence.CollectionImportStore.CollectionImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the Tate collection export as declarations made by Tate. The whole import is one
 * transaction: a crash part-way leaves nothing behind, and the next start imports again. Once it
 * has committed it is recorded, and later starts reuse the data.
 */
@Service
public class TateCollectionImporter {

  static final String SOURCE = "tate";
  private static final String ARTWORKS = "artworks.jsonl.gz";
  private static final String ARTISTS = "artist_data.csv";
  private static final int CHUNK = 5_000;
  private static final Logger log = LoggerFactory.getLogger(TateCollectionImporter.class);

  private final DeclarationService declarations;
  private final PartyService parties;
  private final AuditTrail audit;
  private final TateImportProperties properties;
  private final CollectionImportStore imports;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  TateCollectionImporter(
      DeclarationService declarations,
      PartyService parties,
      AuditTrail audit,
      TateImportProperties properties,
      CollectionImportStore imports,
      TransactionTemplate transaction,
      Clock clock) {
    this.declarations = declarations;
    this.parties = parties;
    this.audit = audit;
    this.properties = properties;
    this.imports = imports;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Imports the export in {@code source} with the mapping file, unless it was imported before.
   *
   * @return what was imported now, or what had been imported before
   */
  public ImportSummary importOnce(Path source, Path mappingFile) {
    Instant started = clock.instant();
    TateMapping mapping = readMapping(mappingFile);
    Path artworks = source.resolve(ARTWORKS);
    if (!Files.isRegularFile(artworks)) {
      throw new ImportException(
          "The Tate export is not at "
              + artworks.toAbsolutePath()
              + "; set rightsregistry.import.tate.source to the folder that holds "
              + ARTWORKS);
    }
    Map<Integer, Integer> deathYears = ArtistDeathYears.read(source.resolve(ARTISTS));
    int importYear = started.atZone(ZoneOffset.UTC).getYear();
    TateArtworkMapper mapper = new TateArtworkMapper(mapping, deathYears, importYear);

    ImportSummary summary =
        transaction.execute(
            status -> {
              var earlier = imports.find(SOURCE);
              if (earlier.isPresent()) {
                return ImportSummary.of(earlier.get(), Map.of(), true, Duration.ZERO);
              }
              return importAll(artworks, mapper, started, steward(mapping.steward()));
            });
    if (!summary.reused()) {
      imports.refreshStatistics();
    }
    log.info("Tate import: {}", summary);
    return summary;
  }

  /**
   * The steward declares as a registered institution. With {@code vouch-for-steward} the operator,
   * by this configuration, verifies it as an institution controlling its domain; the audit trail
   * records that it was the configuration that vouched.
   */
  private Caller steward(Party steward) {
    Caller operator =
        Caller.internal(OperatorBootstrap.OPERATOR_ID, true, "configuration of the Tate import");
    parties.registerIfAbsent(steward.id(), steward.name(), PartyRole.INSTITUTION, operator);
    if (properties.vouchForSteward()
        && parties.find(steward.id()).verification() != TrustLevel.INSTITUTION_VERIFIED) {
      parties.verify(
          steward.id(),
          TrustLevel.INSTITUTION_VERIFIED,
          List.of(new Identifier("domain", properties.stewardDomain())),
          operator);
    }
    return Caller.internal(steward.id(), false, "import of the " + SOURCE + " export");
  }

  private ImportSummary importAll(
      Path artworks, TateArtworkMapper mapper, Instant started, Caller steward) {
    Map<String, Integer> byRule = new TreeMap<>();
    List<NewDeclaration> pending = new ArrayList<>(CHUNK);
    long first = 0;
    long last = 0;
    int declared = 0;
    int artworksRead = 0;
    int unmatchedImages = 0;
    MessageDigest digest = sha256();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(new DigestInputStream(Files.newInputStream(artworks), digest)),
                StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        JsonNode artwork = json.readTree(line);
        artworksRead++;
        Mapped mapped = mapper.map(artwork);
        unmatchedImages += mapped.unmatched();
        mapped.rules().forEach(rule -> byRule.merge(rule, 1, Integer::sum));
        pending.addAll(mapped.declarations());
        if (pending.size() >= CHUNK) {
          List<StoredDeclaration> stored = declarations.appendAll(pending, steward);
          first = first == 0 ? stored.get(0).sequence() : first;
          last = stored.get(stored.size() - 1).sequence();
          declared += stored.size();
          pending.clear();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the Tate export " + artworks, e);
    }
    if (!pending.isEmpty()) {
      List<StoredDeclaration> stored = declarations.appendAll(pending, steward);
      first = first == 0 ? stored.get(0).sequence() : first;
      last = stored.get(stored.size() - 1).sequence();
      declared += stored.size();
    }
    CollectionImport record =
        new CollectionImport(
            SOURCE,
            HexFormat.of().formatHex(digest.digest()),
            first,
            last,
            declared,
            unmatchedImages,
            artworksRead,
            clock.instant());
    imports.record(record);
    audit.record(
        steward,
        null,
        "collection.imported",
        SOURCE,
        declared + " declarations at sequences " + first + "-" + last);
    return ImportSummary.of(record, byRule, false, Duration.between(started, clock.instant()));
  }

  private static TateMapping readMapping(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return TateMapping.read(in);
    } catch (IOException e) {
      throw new ImportException(
          "The Tate mapping file cannot be read at "
              + file.toAbsolutePath()
              + "; set rightsregistry.import.tate.mapping",
          e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /**
   * What an import did.
   *
   * @param reused true when the collection had been imported before and nothing was done now
   */
  public record ImportSummary(
      int artworks,
      int declarations,
      int unmatchedImages,
      long firstSequence,
      long lastSequence,
      Map<String, Integer> declarationsByRule,
      boolean reused,
      Duration took) {

    static ImportSummary of(
        CollectionImport record, Map<String, Integer> byRule, boolean reused, Duration took) {
      return new ImportSummary(
          record.artworks(),
          record.declared(),
          record.unmatchedImages(),
          record.firstSequence(),
          record.lastSequence(),
          Map.copyOf(byRule),
          reused,
          took);
    }
  }
}
