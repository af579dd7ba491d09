package org.rightsregistry.client.offline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.rightsregistry.client.Accession;
import org.rightsregistry.client.Agreement;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.Statement;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.VerdictResolver;

/**
 * What an offline checker decides from at one registry sequence: an immutable base index (read from
 * a snapshot) with an overlay of the changes applied since, and the licence agreements granted to
 * the requester. Applying a page of changes gives a new state; this one is never modified, so a
 * check running while a sync applies a page sees the old state or the new one, never a mix.
 *
 * <p>A declaration revoked or superseded after the snapshot is a tombstone over the base (its id in
 * {@link #removed}); one created after it is in the overlay, a small index rebuilt from {@link
 * #added} when a page is applied. The owner compacts (writes a new snapshot at the current sequence
 * and starts again from it) once {@link #overlaySize} grows large.
 *
 * <p>A party suspended after the snapshot is in {@link #suspended}: every declaration it made, in
 * the base or the overlay, then counts as self-asserted, as the registry weighs it from the
 * suspension on.
 */
final class OfflineState {

  private final OfflineIndex base;
  private final Set<String> removed;
  private final DeclarationIds removedIds;
  private final Map<String, SnapshotDeclaration> added;
  private final OfflineIndex overlay;
  private final Set<String> suspended;
  private final String requester;
  private final Map<String, SnapshotAgreement> agreements;

  /**
   * The agreements as the verdict path weighs them, made once: which of its covered subjects
   * matched changes nothing in a verdict, so one {@link Agreement} each serves every item.
   */
  private final SnapshotAgreement[] verdictCovers;

  private final Agreement[] verdictAgreements;
  private final long sequence;
  private final Instant registryTime;

  private OfflineState(
      OfflineIndex base,
      Set<String> removed,
      Map<String, SnapshotDeclaration> added,
      Set<String> suspended,
      String requester,
      Map<String, SnapshotAgreement> agreements,
      long sequence,
      Instant registryTime) {
    this.base = base;
    this.suspended = suspended;
    this.removed = removed;
    this.removedIds = removed.isEmpty() ? DeclarationIds.NONE : new DeclarationIds(removed);
    this.added = added;
    this.overlay =
        added.isEmpty()
            ? null
            : OfflineIndex.of(new Snapshot(sequence, registryTime, List.copyOf(added.values())));
    this.requester = requester;
    this.agreements = agreements;
    this.verdictCovers = agreements.values().toArray(SnapshotAgreement[]::new);
    this.verdictAgreements = new Agreement[verdictCovers.length];
    for (int i = 0; i < verdictCovers.length; i++) {
      verdictAgreements[i] = verdictCovers[i].agreement(verdictCovers[i].covers().get(0));
    }
    this.sequence = sequence;
    this.registryTime = registryTime;
  }

  /** The state of a snapshot, with no change applied. */
  static OfflineState of(OfflineIndex base, String requester, List<SnapshotAgreement> agreements) {
    Map<String, SnapshotAgreement> byId = new LinkedHashMap<>();
    agreements.forEach(agreement -> byId.put(agreement.id(), agreement));
    return new OfflineState(
        base, Set.of(), Map.of(), Set.of(), requester, byId, base.sequence(), base.exportedAt());
  }

  long sequence() {
    return sequence;
  }

  /** When the registry was last known to be at {@link #sequence}: freshness counts from here. */
  Instant registryTime() {
    return registryTime;
  }

  String requester() {
    return requester;
  }

  /** Declarations and tombstones held beside the base: what a compaction would fold in. */
  int overlaySize() {
    return removed.size() + added.size();
  }

  /** Whether a declaration is active in this state. */
  boolean isActive(String declarationId) {
    return added.containsKey(declarationId) || !removed.contains(declarationId);
  }

  Map<String, SnapshotDeclaration> added() {
    return added;
  }

  Set<String> removed() {
    return removed;
  }

  /**
   * A declaration of the base or the overlay as the registry now weighs it: self-asserted once its
   * declarant was suspended after the snapshot.
   */
  SnapshotDeclaration asNow(SnapshotDeclaration declaration) {
    return suspended.contains(declaration.declarant().id())
        ? declaration.withTrust(TrustLevel.SELF_ASSERTED)
        : declaration;
  }

  List<SnapshotAgreement> agreements() {
    return List.copyOf(agreements.values());
  }

  /**
   * The statements of every active declaration covering an item, in the order the registry reports
   * them: by sequence.
   *
   * @param item an item whose URL and SHA-256 are in normal form
   */
  List<Statement> statementsFor(Item item) {
    List<Statement> found = withoutRemoved(base.directStatementsFor(item));
    if (overlay != null) {
      found = joined(found, overlay.directStatementsFor(item));
    }
    if (!found.isEmpty() && (base.hasPartyWorks() || overlay != null && overlay.hasPartyWorks())) {
      // The item is a work of every declarant of a declaration found so far, whichever part of
      // the state holds it; their declarations on all their works cover it too.
      Set<String> holders = new LinkedHashSet<>();
      Set<String> matched = new HashSet<>();
      for (Statement statement : found) {
        if (statement.worksOwner() != null) {
          holders.add(statement.worksOwner());
        }
        matched.add(statement.declarationId());
      }
      found = joined(found, withoutRemoved(base.partyWorksStatements(holders, matched)));
      if (overlay != null) {
        found = joined(found, overlay.partyWorksStatements(holders, matched));
      }
    }
    if (!suspended.isEmpty()) {
      found = withSuspensions(found);
    }
    if (isOrdered(found)) {
      return found;
    }
    List<Statement> ordered = new ArrayList<>(found);
    ordered.sort(Comparator.comparingLong(Statement::sequence));
    return ordered;
  }

  /** The statements with those of parties suspended since the snapshot made self-asserted. */
  private List<Statement> withSuspensions(List<Statement> found) {
    List<Statement> weighed = new ArrayList<>(found.size());
    for (Statement statement : found) {
      boolean lowered = suspended.contains(statement.declarant().id());
      weighed.add(lowered ? statement.withTrust(TrustLevel.SELF_ASSERTED) : statement);
    }
    return weighed;
  }

  /**
   * Weighs in the lookup's resolver every active declaration covering an item, and every agreement
   * to the requester covering it: what {@link #statementsFor} and {@link #agreementsFor} give, as
   * rows rather than statements.
   *
   * @param item an item whose URL and SHA-256 are in normal form
   * @param lookup the scratch state, with its resolver started for the item
   */
  void resolve(Item item, VerdictLookup lookup) {
    int direct = directMatches(item, lookup);
    if (direct > 0 && (base.hasPartyWorks() || overlay != null && overlay.hasPartyWorks())) {
      partyWorksMatches(lookup, direct);
    }

    for (int i = 0; i < lookup.count(); i++) {
      VerdictResolver.Terms terms = lookup.terms(i);
      if (!suspended.isEmpty() && suspended.contains(terms.declarantId())) {
        terms = terms.selfAsserted();
      }
      lookup.resolver.statement(terms, lookup.rank(i), lookup.sequence(i));
    }
    for (int a = 0; a < verdictCovers.length; a++) {
      List<Selector> covers = verdictCovers[a].covers();
      for (int c = 0; c < covers.size(); c++) {
        if (rank(covers.get(c), item, lookup) >= 0) {
          lookup.resolver.licence(verdictAgreements[a]);
          break;
        }
      }
    }
  }

  /** The active rows whose other subjects than all works cover the item, and whose works it is. */
  private int directMatches(Item item, VerdictLookup lookup) {
    base.directMatches(item, lookup);
    if (!removedIds.isEmpty()) {
      lookup.dropRemoved(0, base, removedIds);
    }
    if (overlay != null) {
      overlay.directMatches(item, lookup);
    }
    int direct = lookup.count();
    for (int i = 0; i < direct; i++) {
      String owner = lookup.terms(i).worksOwner();
      if (owner != null) {
        lookup.owner(owner);
      }
    }
    return direct;
  }

  /** The active rows on all works of a party whose work the item is, as {@link #statementsFor}. */
  private void partyWorksMatches(VerdictLookup lookup, int direct) {
    for (int o = 0; o < lookup.ownerCount(); o++) {
      base.partyWorksMatches(lookup.owner(o), lookup, direct);
    }
    if (!removedIds.isEmpty()) {
      lookup.dropRemoved(direct, base, removedIds);
    }
    if (overlay != null) {
      for (int o = 0; o < lookup.ownerCount(); o++) {
        overlay.partyWorksMatches(lookup.owner(o), lookup, direct);
      }
    }
  }

  /** Whether the statements are already by sequence, so the (stable) sort would keep them. */
  private static boolean isOrdered(List<Statement> statements) {
    for (int i = 1; i < statements.size(); i++) {
      if (statements.get(i - 1).sequence() > statements.get(i).sequence()) {
        return false;
      }
    }
    return true;
  }

  private List<Statement> withoutRemoved(List<Statement> found) {
    if (removed.isEmpty() || found.isEmpty()) {
      return found;
    }
    List<Statement> kept = new ArrayList<>(found.size());
    for (Statement statement : found) {
      if (!removed.contains(statement.declarationId())) {
        kept.add(statement);
      }
    }
    return kept;
  }

  private static List<Statement> joined(List<Statement> found, List<Statement> more) {
    if (more.isEmpty()) {
      return found;
    }
    if (found.isEmpty()) {
      return more;
    }
    List<Statement> joined = new ArrayList<>(found.size() + more.size());
    joined.addAll(found);
    joined.addAll(more);
    return joined;
  }

  /**
   * The agreements to the requester whose covered subjects match an item, one per matching subject,
   * in the order the registry gives them: by sequence, then in the order of its lookup (exact URL,
   * URL prefixes shortest first, domains from the host up, SHA-256, accession).
   *
   * <p>An agreement on all works of its licensor covers the item when the item is the licensor's
   * work: when one of the item's statements, found through another subject, has the licensor as
   * declarant (made by the licensor or its agent) and names no other rights holder. A declaration
   * by another party naming the licensor as rights holder does not make the item the licensor's
   * work.
   *
   * @param item an item whose URL and SHA-256 are in normal form
   * @param statements the item's statements, as {@link #statementsFor} gives them
   */
  List<Agreement> agreementsFor(Item item, List<Statement> statements) {
    if (agreements.isEmpty()) {
      return List.of();
    }
    Set<String> holders = new HashSet<>();
    for (Statement statement : statements) {
      if (statement.matched().type() != SelectorType.PARTY_WORKS
          && statement.worksOwner() != null) {
        holders.add(statement.worksOwner());
      }
    }
    List<Agreement> found = new ArrayList<>();
    List<Integer> ranks = new ArrayList<>();
    for (SnapshotAgreement agreement : agreements.values()) {
      for (Selector cover : agreement.covers()) {
        int rank = rank(cover, item, holders::contains);
        if (rank >= 0) {
          found.add(agreement.agreement(cover));
          ranks.add(rank);
        }
      }
    }
    if (found.size() < 2) {
      return found;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingLong((Integer i) -> found.get(i).sequence()).thenComparing(ranks::get));
    List<Agreement> ordered = new ArrayList<>(found.size());
    order.forEach(i -> ordered.add(found.get(i)));
    return ordered;
  }

  /**
   * Where the registry's lookup finds a subject for an item, as a rank, or -1 if it does not cover
   * it: the exact URL, then URL prefixes by length, then domains by how far from the host, then the
   * hash, then the accession number, then all works of a party.
   */
  static int rank(Selector subject, Item item, Predicate<String> isWorkOf) {
    String url = item.url();
    switch (subject.type()) {
      case URL:
        return subject.value().equals(url) ? 0 : -1;
      case URL_PREFIX:
        return url != null && url.startsWith(subject.value()) ? 1 + subject.value().length() : -1;
      case DOMAIN:
        {
          if (url == null) {
            return -1;
          }
          String host = host(url);
          String domain = subject.value();
          boolean under =
              host.equals(domain)
                  || host.endsWith(domain)
                      && host.charAt(host.length() - domain.length() - 1) == '.';
          return under ? (1 << 20) + host.length() - domain.length() : -1;
        }
      case SHA256:
        return subject.value().equals(item.sha256()) ? 1 << 22 : -1;
      case ACCESSION:
        {
          Accession accession = item.accession();
          boolean same =
              accession != null
                  && subject.institution().equals(accession.institution())
                  && subject.value().equals(accession.number());
          return same ? (1 << 22) + 1 : -1;
        }
      case PARTY_WORKS:
        return isWorkOf.test(subject.value()) ? (1 << 22) + 2 : -1;
      default:
        return -1;
    }
  }

  /** The host of a normalised URL, without a port, as the registry's lookup reads it. */
  private static String host(String url) {
    int hostStart = url.indexOf("://") + 3;
    int pathStart = url.indexOf('/', hostStart);
    String authority = url.substring(hostStart, pathStart < 0 ? url.length() : pathStart);
    int colon = authority.lastIndexOf(':');
    boolean ipv6 = authority.endsWith("]");
    return colon >= 0 && !ipv6 ? authority.substring(0, colon) : authority;
  }

  /**
   * Applies a page of changes that follows this state's sequence.
   *
   * @param page a verified page whose {@code after} is this state's sequence
   * @return the state after the page
   * @throws ChangeFeedException if the page does not follow this state, or is for another requester
   */
  OfflineState apply(ChangePage page) {
    if (page.after() != sequence) {
      throw new ChangeFeedException(
          "The change page follows sequence "
              + page.after()
              + " but the local copy is at "
              + sequence
              + "; ask for the changes after "
              + sequence);
    }
    if (!java.util.Objects.equals(page.requester(), requester)) {
      throw new ChangeFeedException(
          "The change page was read for requester "
              + page.requester()
              + " but the local copy holds the agreements of "
              + requester
              + "; start again from a snapshot");
    }
    Set<String> nowRemoved = new HashSet<>(removed);
    Map<String, SnapshotDeclaration> nowAdded = new LinkedHashMap<>(added);
    Map<String, SnapshotAgreement> nowAgreements = new LinkedHashMap<>(agreements);
    Set<String> nowSuspended = new HashSet<>(suspended);
    for (ChangePage.Change change : page.changes()) {
      switch (change.kind()) {
        case CREATED -> nowAdded.put(change.id(), change.declaration());
        case REVOKED, SUPERSEDED -> {
          if (nowAdded.remove(change.id()) == null) {
            nowRemoved.add(change.id());
          }
        }
        case LICENCE_GRANTED -> {
          if (change.agreement() != null) {
            nowAgreements.put(change.id(), change.agreement());
          }
        }
        case LICENCE_REVOKED -> nowAgreements.remove(change.id());
        case PARTY_SUSPENDED -> nowSuspended.add(change.id());
      }
    }
    return new OfflineState(
        base,
        Collections.unmodifiableSet(nowRemoved),
        Collections.unmodifiableMap(nowAdded),
        Collections.unmodifiableSet(nowSuspended),
        requester,
        nowAgreements,
        page.last(),
        page.registryTime());
  }

  /** The same state, known to be current at a later registry time (a page with no change). */
  OfflineState seenAt(Instant time) {
    if (!time.isAfter(registryTime)) {
      return this;
    }
    return new OfflineState(base, removed, added, suspended, requester, agreements, sequence, time);
  }
}
