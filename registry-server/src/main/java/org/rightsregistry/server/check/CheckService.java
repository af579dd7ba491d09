package org.rightsregistry.server.check;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.DecisionEngine;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Statement;
import org.rightsregistry.client.Usage;
import org.rightsregistry.server.declaration.NewDeclaration;
import org.rightsregistry.server.declaration.StoredDeclaration;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.rightsregistry.server.persistence.DeclarationStore.SubjectMatch;
import org.rightsregistry.server.persistence.LookupKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks items against the registry: finds every active declaration covering each item and lets the
 * client library's decision engine, unchanged, decide.
 */
@Service
public class CheckService {

  private final DeclarationStore store;
  private final DecisionEngine engine;
  private final Clock clock;

  CheckService(DeclarationStore store, Clock clock) {
    this.store = store;
    this.engine = new DecisionEngine();
    this.clock = clock;
  }

  /**
   * Decides every item for one usage, all against one registry state: the read runs in one
   * repeatable-read snapshot, and its sequence number is reported with every decision.
   *
   * @param items normalised items (URLs through UrlIdentity, hashes in lower case)
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public CheckResult check(List<Item> items, Usage usage) {
    long sequence = store.headSequence();
    Instant at = clock.instant();
    List<List<String>> keysPerItem = items.stream().map(CheckService::lookupKeys).toList();
    Set<String> allKeys = new LinkedHashSet<>();
    keysPerItem.forEach(allKeys::addAll);
    Map<String, List<SubjectMatch>> matchesByKey = new HashMap<>();
    for (SubjectMatch match : store.activeMatches(allKeys)) {
      matchesByKey.computeIfAbsent(match.lookupKey(), key -> new ArrayList<>()).add(match);
    }

    List<Decision> decisions = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      List<Statement> statements = statementsFor(items.get(i), keysPerItem.get(i), matchesByKey);
      decisions.add(engine.decide(items.get(i), usage, statements, sequence, at));
    }
    return new CheckResult(usage, sequence, at, decisions);
  }

  private static List<Statement> statementsFor(
      Item item, List<String> keys, Map<String, List<SubjectMatch>> matchesByKey) {
    List<Statement> statements = new ArrayList<>();
    for (String key : keys) {
      for (SubjectMatch match : matchesByKey.getOrDefault(key, List.of())) {
        if (item.url() == null || LookupKeys.covers(match.selector(), item.url())) {
          statements.add(toStatement(match));
        }
      }
    }
    return statements;
  }

  private static Statement toStatement(SubjectMatch match) {
    StoredDeclaration declaration = match.declaration();
    NewDeclaration content = declaration.content();
    return new Statement(
        declaration.id().toString(),
        declaration.sequence(),
        declaration.recordedAt(),
        content.declarant(),
        content.rightsHolder(),
        match.selector(),
        content.usages(),
        content.rightsStatement(),
        content.validFrom(),
        content.validUntil(),
        declaration.effectiveTrustLevel());
  }

  private static List<String> lookupKeys(Item item) {
    List<String> keys = new ArrayList<>();
    if (item.url() != null) {
      keys.addAll(LookupKeys.forUrl(item.url()));
    }
    if (item.sha256() != null) {
      keys.add(LookupKeys.forSha256(item.sha256()));
    }
    if (item.accession() != null) {
      keys.add(LookupKeys.accession(item.accession().institution(), item.accession().number()));
    }
    return keys;
  }

  /** The decisions for one request, in item order, with the registry state they used. */
  public record CheckResult(
      Usage usage, long registrySequence, Instant evaluatedAt, List<Decision> decisions) {}
}
