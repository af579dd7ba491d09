package org.rightsregistry.server.check;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rightsregistry.client.Agreement;
import org.rightsregistry.client.Decision;
import org.rightsregistry.client.DecisionEngine;
import org.rightsregistry.client.DecisionRequest;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.PolicyProfile;
import org.rightsregistry.client.RegistryState;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.Signal;
import org.rightsregistry.client.Statement;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.Verdict;
import org.rightsregistry.server.InvalidRequestException;
import org.rightsregistry.server.Violation;
import org.rightsregistry.server.agreement.NewAgreement;
import org.rightsregistry.server.agreement.StoredAgreement;
import org.rightsregistry.server.persistence.AgreementStore;
import org.rightsregistry.server.persistence.AgreementStore.AgreementMatch;
import org.rightsregistry.server.persistence.DeclarationStore;
import org.rightsregistry.server.persistence.DeclarationStore.KeyedStatement;
import org.rightsregistry.server.persistence.LookupKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks items against the registry: finds every declaration covering each item, and every licence
 * agreement to the requester covering it, as the history stood at the evaluation time, and lets the
 * client library's decision engine, unchanged, decide, weighing the in-band signals the caller sent
 * with each item.
 *
 * <p>An item is a work of the declarant of every declaration that names it through a subject other
 * than all works of a party, names no other rights holder, and is neither revoked nor superseded at
 * the evaluation time (whatever its validity window): a party speaks for its own works, so a rights
 * holder named by another declarant does not make the item that holder's work (see {@link
 * Statement#worksOwner}). Those parties' own declarations and their agreements on all their works
 * cover the item too.
 */
@Service
public class CheckService {

  private final DeclarationStore store;
  private final AgreementStore agreements;
  private final DecisionEngine engine;
  private final Clock clock;

  CheckService(DeclarationStore store, AgreementStore agreements, Clock clock) {
    this.store = store;
    this.agreements = agreements;
    this.engine = new DecisionEngine();
    this.clock = clock;
  }

  /**
   * Decides every item of a question, all against one registry state: the read runs in one
   * repeatable-read snapshot, and its sequence number is reported with every decision. Evaluated at
   * a past instant, a decision uses only what was recorded up to it, so asking again later with the
   * same instant gives the same decision.
   *
   * @throws InvalidRequestException if the evaluation time is after now
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public CheckResult check(CheckQuestion question) {
    long sequence = store.headSequence();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant at = question.at() == null ? now : question.at();
    if (at.isAfter(now)) {
      throw new InvalidRequestException(
          new Violation(
              "/at",
              "at "
                  + at
                  + " is after the registry's clock ("
                  + now
                  + "); ask about a past instant"));
    }

    List<Item> items = question.items();
    ItemKeys keys = new ItemKeys(items);
    Map<String, List<Statement>> declarationsByKey =
        statementsByKey(store.statementsAt(keys.distinct(), at));
    List<List<Statement>> matchedPerItem = keys.statementsPerItem(declarationsByKey);
    Set<String> holders = new LinkedHashSet<>();
    for (List<Statement> matched : matchedPerItem) {
      for (Statement statement : matched) {
        if (statement.worksOwner() != null) {
          holders.add(statement.worksOwner());
        }
      }
    }
    // An item is a work of every declarant whose declaration in force names it, so their
    // statements on all their works are looked up once for the whole request.
    List<String> worksKeys = holders.stream().map(LookupKeys::partyWorks).toList();
    Map<String, List<Statement>> worksByKey = statementsByKey(store.statementsAt(worksKeys, at));
    Map<String, List<AgreementMatch>> agreementsByKey = new HashMap<>();
    if (question.requester() != null) {
      Set<String> agreementKeys = new LinkedHashSet<>(keys.distinct());
      agreementKeys.addAll(worksKeys);
      for (AgreementMatch match : agreements.licencesAt(question.requester(), agreementKeys, at)) {
        agreementsByKey.computeIfAbsent(match.lookupKey(), key -> new ArrayList<>()).add(match);
      }
    }

    List<Decision> decisions = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      List<Statement> matched = matchedPerItem.get(i);
      List<Agreement> licences =
          agreementsByKey.isEmpty()
              ? List.of()
              : agreementsFor(item, withWorksOfHolders(keys.of(i), matched), agreementsByKey);
      DecisionRequest request =
          DecisionRequest.builder(item, question.usage(), at)
              .statements(withWorksStatements(matched, worksByKey))
              .agreements(licences)
              .requester(question.requester())
              .profile(question.profile())
              .signals(question.signals().get(i))
              .failClosed(question.onUnreadableSignal())
              .registry(RegistryState.live(sequence))
              .build();
      decisions.add(engine.decide(request));
    }
    return new CheckResult(question.usage(), sequence, at, decisions);
  }

  /** The statements found, by the key each was found under. */
  private static Map<String, List<Statement>> statementsByKey(List<KeyedStatement> found) {
    Map<String, List<Statement>> byKey = new HashMap<>();
    for (KeyedStatement keyed : found) {
      byKey.computeIfAbsent(keyed.lookupKey(), key -> new ArrayList<>(1)).add(keyed.statement());
    }
    return byKey;
  }

  /** The item's own keys and the keys of all works of each declarant of a matched statement. */
  private static List<String> withWorksOfHolders(List<String> keys, List<Statement> matched) {
    Set<String> all = new LinkedHashSet<>(keys);
    matched.stream()
        .map(Statement::worksOwner)
        .filter(Objects::nonNull)
        .forEach(owner -> all.add(LookupKeys.partyWorks(owner)));
    return List.copyOf(all);
  }

  /**
   * The matched statements and the statements on all works of each of their declarants, but for a
   * declaration that already matched through a more specific subject; only a party's own
   * declaration speaks for all its works (a record from before the registry enforced that is
   * ignored).
   */
  private static List<Statement> withWorksStatements(
      List<Statement> matched, Map<String, List<Statement>> worksByKey) {
    if (matched.isEmpty()) {
      return matched;
    }
    List<Statement> statements = new ArrayList<>(matched);
    Set<String> found = new HashSet<>();
    Set<String> holders = new LinkedHashSet<>();
    for (Statement statement : matched) {
      found.add(statement.declarationId());
      if (statement.worksOwner() != null) {
        holders.add(statement.worksOwner());
      }
    }
    for (String holder : holders) {
      for (Statement works : worksByKey.getOrDefault(LookupKeys.partyWorks(holder), List.of())) {
        if (!found.contains(works.declarationId()) && holder.equals(works.worksOwner())) {
          statements.add(works);
        }
      }
    }
    // The engine reports evidence in the order it is given; the specification's order is the
    // order of recording, not the order the lookup found things in.
    statements.sort(Comparator.comparingLong(Statement::sequence));
    return statements;
  }

  private static List<Agreement> agreementsFor(
      Item item, List<String> keys, Map<String, List<AgreementMatch>> matchesByKey) {
    List<Agreement> found = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String key : keys) {
      for (AgreementMatch match : matchesByKey.getOrDefault(key, List.of())) {
        boolean covers = item.url() == null || LookupKeys.covers(match.selector(), item.url());
        boolean viaWorks = match.selector().type() == SelectorType.PARTY_WORKS;
        if (covers && (!viaWorks || !ids.contains(match.agreement().id().toString()))) {
          found.add(toAgreement(match));
          ids.add(match.agreement().id().toString());
        }
      }
    }
    found.sort(Comparator.comparingLong(Agreement::sequence));
    return found;
  }

  private static Agreement toAgreement(AgreementMatch match) {
    StoredAgreement agreement = match.agreement();
    NewAgreement content = agreement.content();
    return new Agreement(
        agreement.id().toString(),
        agreement.sequence(),
        agreement.recordedAt(),
        content.licensor(),
        content.licensee(),
        match.selector(),
        content.usages(),
        content.validFrom(),
        content.validUntil(),
        match.endedAt());
  }

  /**
   * What a check asks.
   *
   * @param items normalised items (URLs through UrlIdentity, hashes in lower case)
   * @param requester the authenticated party asking, whose licences apply; null when anonymous
   * @param profile the requester's policy profile, or null for none
   * @param at the evaluation time, or null for now
   * @param signals per item, in item order, the in-band signals the caller read for it
   * @param onUnreadableSignal the verdict for an item with an unreachable or malformed signal
   *     (unless a reservation decides first): DENY or UNKNOWN
   */
  public record CheckQuestion(
      List<Item> items,
      Usage usage,
      String requester,
      PolicyProfile profile,
      Instant at,
      List<List<Signal>> signals,
      Verdict onUnreadableSignal) {

    /**
     * Checks that there is one list of signals per item.
     *
     * @throws IllegalArgumentException if the lists differ in length
     */
    public CheckQuestion {
      if (signals.size() != items.size()) {
        throw new IllegalArgumentException(
            "signals must hold one list per item: " + signals.size() + " for " + items.size());
      }
    }
  }

  /** The decisions for one request, in item order, with the registry state they used. */
  public record CheckResult(
      Usage usage, long registrySequence, Instant evaluatedAt, List<Decision> decisions) {}
}
