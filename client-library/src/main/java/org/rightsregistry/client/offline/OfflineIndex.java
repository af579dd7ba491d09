package org.rightsregistry.client.offline;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsregistry.client.Accession;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.Statement;
import org.rightsregistry.client.VerdictResolver;

/**
 * The selectors of a snapshot, filed and found the way the registry server's {@code LookupKeys}
 * files and finds them, so that {@link #statementsFor} gives the statements the server would give
 * for the same item and registry state, in the same order: exact URL, URL prefixes by directory cut
 * (shortest first), domains from the host up, SHA-256, accession number.
 *
 * <ul>
 *   <li>Exact keys (URL, SHA-256, accession) are kept only as 64-bit fingerprints of the normalised
 *       key in a {@link FingerprintTable}: about 17 bytes a key. The key itself is not kept, so a
 *       lookup cannot compare it: a key that is not in the snapshot falsely matches with
 *       probability about (probed slots) × 2<sup>-64</sup>, at most about 10<sup>-18</sup> a lookup
 *       at the table's load. The seed is random per index.
 *   <li>URL prefixes are filed by the fingerprint of their directory cut (up to the last '/'),
 *       domains by their own; both keep their value, and every candidate is compared in full, so
 *       they never match falsely.
 *   <li>Statements on all works of a party are filed by party id. Once an item's other selectors
 *       have matched, the party-works statements of every declarant of a matched statement are
 *       added, as the server does: every declaration of a snapshot is in force, so each of them
 *       that names no other rights holder makes the item a work of its declarant (a party speaks
 *       for its own works: see {@link Statement#worksOwner}).
 * </ul>
 */
final class OfflineIndex {

  private static final int[] NO_ROWS = new int[0];
  private static final long EXACT_RANK = VerdictResolver.specificity(SelectorType.URL, 0);
  private static final long PARTY_WORKS_RANK =
      VerdictResolver.specificity(SelectorType.PARTY_WORKS, 0);

  private final long seed;
  private final long sequence;
  private final Instant exportedAt;
  private final DeclarationTable declarations;
  private final FingerprintTable exact;
  private final FingerprintTable prefixes;
  private final int[] prefixRows;
  private final String[] prefixValues;
  private final int[] prefixCuts;
  private final boolean[] isPrefixCutLength;
  private final boolean[] isDomainLength;
  private final FingerprintTable domains;
  private final int[] domainRows;
  private final String[] domainValues;
  private final Map<String, int[]> partyWorksRows;

  /**
   * The statement of each URL-prefix and domain entry, made on its first match: the selector that
   * matches is the entry's own, so every check that matches it would build the same statement.
   * Statements are immutable, so a check that reads a slot before another's write only builds one
   * more of the same.
   */
  private final Statement[] prefixStatements;

  private final Statement[] domainStatements;

  private OfflineIndex(Builder builder) {
    this.seed = builder.seed;
    this.sequence = builder.sequence;
    this.exportedAt = builder.exportedAt;
    builder.declarations.trim();
    this.declarations = builder.declarations;
    this.exact = builder.exact.table();
    this.prefixes = builder.prefixes.table();
    this.prefixRows = Arrays.copyOf(builder.prefixRows, builder.prefixes.count);
    this.prefixValues = builder.prefixValues.toArray(String[]::new);
    this.prefixCuts = cutsOf(prefixValues);
    this.isPrefixCutLength = lengthsOf(prefixCuts);
    this.domains = builder.domains.table();
    this.domainRows = Arrays.copyOf(builder.domainRows, builder.domains.count);
    this.domainValues = builder.domainValues.toArray(String[]::new);
    this.isDomainLength = lengthsOf(Arrays.stream(domainValues).mapToInt(String::length).toArray());
    this.prefixStatements = new Statement[prefixValues.length];
    this.domainStatements = new Statement[domainValues.length];
    this.partyWorksRows = new HashMap<>();
    builder.partyWorks.forEach(
        (party, rows) ->
            partyWorksRows.put(party, rows.stream().mapToInt(Integer::intValue).toArray()));
  }

  static Builder builder() {
    return new Builder(new SecureRandom().nextLong());
  }

  static OfflineIndex of(Snapshot snapshot) {
    Builder builder = builder().position(snapshot.sequence(), snapshot.exportedAt());
    for (SnapshotDeclaration declaration : snapshot.declarations()) {
      builder.declaration(
          declaration.id(),
          declaration.sequence(),
          declaration.recordedAt(),
          DeclarationTerms.of(declaration),
          declaration.subjects());
    }
    return builder.build();
  }

  long sequence() {
    return sequence;
  }

  Instant exportedAt() {
    return exportedAt;
  }

  int declarationCount() {
    return declarations.size();
  }

  int exactKeyCount() {
    return exact.size();
  }

  /** Heap bytes of the exact-key table alone. */
  long exactKeyBytes() {
    return exact.footprintBytes();
  }

  /** Heap bytes of every array of the index (not the shared parties and terms). */
  long footprintBytes() {
    return declarations.footprintBytes()
        + exact.footprintBytes()
        + prefixes.footprintBytes()
        + domains.footprintBytes()
        + 4L * (prefixRows.length + prefixCuts.length + domainRows.length)
        + 8L * (prefixStatements.length + domainStatements.length)
        + 4L * partyWorksRows.values().stream().mapToLong(rows -> rows.length).sum();
  }

  /**
   * Which lengths occur: a lookup asks the prefix or domain table only about a cut or a host suffix
   * of a length some entry has, which spares the hashing and the probe of most of them.
   */
  private static boolean[] lengthsOf(int[] lengths) {
    boolean[] present = new boolean[Arrays.stream(lengths).max().orElse(-1) + 1];
    for (int length : lengths) {
      present[length] = true;
    }
    return present;
  }

  private boolean mayBePrefixCut(int length) {
    return length < isPrefixCutLength.length && isPrefixCutLength[length];
  }

  private boolean mayBeDomain(int length) {
    return length < isDomainLength.length && isDomainLength[length];
  }

  /**
   * The length of each prefix's directory cut (up to its last '/'), so lookups need not seek it.
   */
  private static int[] cutsOf(String[] prefixes) {
    int[] cuts = new int[prefixes.length];
    for (int i = 0; i < prefixes.length; i++) {
      cuts[i] = prefixes[i].lastIndexOf('/') + 1;
    }
    return cuts;
  }

  /**
   * Returns the statements of every selector that covers an item.
   *
   * @param item an item whose URL and SHA-256 are already in normal form
   */
  List<Statement> statementsFor(Item item) {
    List<Statement> found = directStatementsFor(item);
    return partyWorksRows.isEmpty() ? found : add(found, partyWorksStatements(found));
  }

  /**
   * The statements whose subjects other than all works of a party cover an item: what makes the
   * item a work of their declarants.
   *
   * @param item an item whose URL and SHA-256 are already in normal form
   */
  List<Statement> directStatementsFor(Item item) {
    List<Statement> found = List.of();
    if (item.url() != null) {
      found = urlStatements(item.url(), found);
    }
    if (item.sha256() != null) {
      long fingerprint = KeyHash.of(seed, KeyHash.SHA256, item.sha256());
      found = exactStatements(fingerprint, Selector.sha256(item.sha256()), found);
    }
    Accession accession = item.accession();
    if (accession != null) {
      long fingerprint = KeyHash.accession(seed, accession.institution(), accession.number());
      Selector selector = Selector.accession(accession.institution(), accession.number());
      found = exactStatements(fingerprint, selector, found);
    }
    return found;
  }

  /**
   * Notes every row whose selector other than all works of a party covers an item, with the rank of
   * that selector: the same matches as {@link #directStatementsFor}, without statements.
   *
   * @param item an item whose URL and SHA-256 are already in normal form
   */
  void directMatches(Item item, VerdictLookup found) {
    if (item.url() != null) {
      urlMatches(item.url(), found);
    }
    if (item.sha256() != null) {
      exactMatches(exact.get(KeyHash.of(seed, KeyHash.SHA256, item.sha256())), found);
    }
    Accession accession = item.accession();
    if (accession != null) {
      long fingerprint = KeyHash.accession(seed, accession.institution(), accession.number());
      exactMatches(exact.get(fingerprint), found);
    }
  }

  /**
   * Notes the rows on all works of a party that the party declared itself, but for rows among the
   * first {@code direct} matches: the same as {@link #partyWorksStatements}, without statements.
   */
  void partyWorksMatches(String holder, VerdictLookup found, int direct) {
    for (int row : partyWorksRows.getOrDefault(holder, NO_ROWS)) {
      if (holder.equals(declarations.verdictTerms(row).worksOwner())
          && !found.isMatched(this, row, direct)) {
        found.found(this, row, PARTY_WORKS_RANK);
      }
    }
  }

  VerdictResolver.Terms verdictTerms(int row) {
    return declarations.verdictTerms(row);
  }

  long declarationSequence(int row) {
    return declarations.sequence(row);
  }

  boolean isAmong(int row, DeclarationIds ids) {
    return declarations.isAmong(row, ids);
  }

  private void urlMatches(String url, VerdictLookup found) {
    int hostStart = url.indexOf("://") + 3;
    int pathStart = url.indexOf('/', hostStart);
    long state = KeyHash.steps(seed, url, 0, pathStart);
    for (int i = pathStart; i < url.length(); i++) {
      char c = url.charAt(i);
      state = KeyHash.step(state, c);
      if (c == '/' && mayBePrefixCut(i + 1)) {
        int result = prefixes.get(KeyHash.finish(state, i + 1, KeyHash.URL_PREFIX));
        if (result != FingerprintTable.ABSENT) {
          prefixMatches(url, i + 1, result, found);
        }
      }
    }
    exactMatches(exact.get(KeyHash.finish(state, url.length(), KeyHash.URL)), found);
    if (domains.size() > 0) {
      domainMatches(url, hostStart, pathStart, found);
    }
  }

  private void exactMatches(int result, VerdictLookup found) {
    if (result == FingerprintTable.ABSENT) {
      return;
    }
    if (result >= 0) {
      found.found(this, result, EXACT_RANK);
      return;
    }
    for (int row : exact.valuesOf(result)) {
      found.found(this, row, EXACT_RANK);
    }
  }

  private void prefixMatches(String url, int cutLength, int result, VerdictLookup found) {
    if (result >= 0) {
      prefixMatch(url, cutLength, result, found);
      return;
    }
    for (int entry : prefixes.valuesOf(result)) {
      prefixMatch(url, cutLength, entry, found);
    }
  }

  private void prefixMatch(String url, int cutLength, int entry, VerdictLookup found) {
    if (isPrefixOf(url, cutLength, entry)) {
      long rank =
          VerdictResolver.specificity(SelectorType.URL_PREFIX, prefixValues[entry].length());
      found.found(this, prefixRows[entry], rank);
    }
  }

  private void domainMatches(String url, int hostStart, int pathStart, VerdictLookup found) {
    int colon = url.lastIndexOf(':', pathStart - 1);
    boolean ipv6 = url.charAt(pathStart - 1) == ']';
    int hostEnd = colon >= hostStart && !ipv6 ? colon : pathStart;
    for (int start = hostStart; start < hostEnd; start = nextLabel(url, start, hostEnd)) {
      if (!mayBeDomain(hostEnd - start)) {
        continue;
      }
      long state = KeyHash.steps(seed, url, start, hostEnd);
      int result = domains.get(KeyHash.finish(state, hostEnd - start, KeyHash.DOMAIN));
      if (result >= 0) {
        domainMatch(url, start, hostEnd, result, found);
      } else if (result != FingerprintTable.ABSENT) {
        for (int entry : domains.valuesOf(result)) {
          domainMatch(url, start, hostEnd, entry, found);
        }
      }
    }
  }

  private void domainMatch(String url, int start, int end, int entry, VerdictLookup found) {
    String domain = domainValues[entry];
    if (domain.length() == end - start && url.regionMatches(start, domain, 0, domain.length())) {
      long rank = VerdictResolver.specificity(SelectorType.DOMAIN, domain.length());
      found.found(this, domainRows[entry], rank);
    }
  }

  /** Whether any declaration of the index is on all works of a party. */
  boolean hasPartyWorks() {
    return !partyWorksRows.isEmpty();
  }

  /**
   * The statements on all works of each declarant of a statement already found, but for the
   * declarations already found through a more specific subject.
   */
  private List<Statement> partyWorksStatements(List<Statement> found) {
    Set<String> holders = new LinkedHashSet<>();
    Set<String> matched = new HashSet<>();
    for (Statement statement : found) {
      if (statement.worksOwner() != null) {
        holders.add(statement.worksOwner());
      }
      matched.add(statement.declarationId());
    }
    return partyWorksStatements(holders, matched);
  }

  /**
   * The statements on all works of the given parties, but for the given declarations.
   *
   * @param holders the party ids whose works the item is: the declarants of its other statements
   * @param matched the ids of declarations already found through a more specific subject
   */
  List<Statement> partyWorksStatements(Set<String> holders, Set<String> matched) {
    List<Statement> statements = new ArrayList<>();
    for (String holder : holders) {
      for (int row : partyWorksRows.getOrDefault(holder, NO_ROWS)) {
        Statement statement = declarations.statement(row, Selector.partyWorks(holder));
        // Only the party itself speaks for all its works (a record from before the registry
        // enforced that is ignored).
        if (!matched.contains(statement.declarationId()) && holder.equals(statement.worksOwner())) {
          statements.add(statement);
        }
      }
    }
    return statements;
  }

  private List<Statement> urlStatements(String url, List<Statement> found) {
    int hostStart = url.indexOf("://") + 3;
    int pathStart = url.indexOf('/', hostStart);
    long state = KeyHash.steps(seed, url, 0, pathStart);
    List<Statement> byPrefix = List.of();
    for (int i = pathStart; i < url.length(); i++) {
      char c = url.charAt(i);
      state = KeyHash.step(state, c);
      if (c == '/' && mayBePrefixCut(i + 1)) {
        int result = prefixes.get(KeyHash.finish(state, i + 1, KeyHash.URL_PREFIX));
        if (result != FingerprintTable.ABSENT) {
          byPrefix = prefixStatements(url, i + 1, result, byPrefix);
        }
      }
    }
    long fingerprint = KeyHash.finish(state, url.length(), KeyHash.URL);
    int result = exact.get(fingerprint);
    if (result != FingerprintTable.ABSENT) {
      found = add(found, rowsStatements(result, Selector.url(url)));
    }
    found = add(found, byPrefix);
    return domains.size() > 0 ? domainStatements(url, hostStart, pathStart, found) : found;
  }

  private List<Statement> exactStatements(
      long fingerprint, Selector matched, List<Statement> found) {
    int result = exact.get(fingerprint);
    if (result == FingerprintTable.ABSENT) {
      return found;
    }
    return add(found, rowsStatements(result, matched));
  }

  /** The statements of one result of the exact table: a single row needs no array. */
  private List<Statement> rowsStatements(int result, Selector matched) {
    if (result >= 0) {
      return List.of(declarations.statement(result, matched));
    }
    int[] rows = exact.valuesOf(result);
    List<Statement> statements = new ArrayList<>(rows.length);
    for (int row : rows) {
      statements.add(declarations.statement(row, matched));
    }
    return statements;
  }

  private List<Statement> prefixStatements(
      String url, int cutLength, int result, List<Statement> found) {
    if (result >= 0) {
      return isPrefixOf(url, cutLength, result)
          ? add(found, List.of(prefixStatement(result)))
          : found;
    }
    int[] entries = prefixes.valuesOf(result);
    List<Statement> statements = new ArrayList<>(found.size() + entries.length);
    statements.addAll(found);
    for (int entry : entries) {
      if (isPrefixOf(url, cutLength, entry)) {
        statements.add(prefixStatement(entry));
      }
    }
    return statements;
  }

  private boolean isPrefixOf(String url, int cutLength, int entry) {
    return prefixCuts[entry] == cutLength && url.startsWith(prefixValues[entry]);
  }

  private Statement prefixStatement(int entry) {
    Statement statement = prefixStatements[entry];
    if (statement == null) {
      statement =
          declarations.statement(prefixRows[entry], Selector.urlPrefix(prefixValues[entry]));
      prefixStatements[entry] = statement;
    }
    return statement;
  }

  private Statement domainStatement(int entry) {
    Statement statement = domainStatements[entry];
    if (statement == null) {
      statement = declarations.statement(domainRows[entry], Selector.domain(domainValues[entry]));
      domainStatements[entry] = statement;
    }
    return statement;
  }

  /** Looks up the host and every parent domain, as {@code LookupKeys.forUrl} does. */
  private List<Statement> domainStatements(
      String url, int hostStart, int pathStart, List<Statement> found) {
    int colon = url.lastIndexOf(':', pathStart - 1);
    boolean ipv6 = url.charAt(pathStart - 1) == ']';
    int hostEnd = colon >= hostStart && !ipv6 ? colon : pathStart;
    for (int start = hostStart; start < hostEnd; start = nextLabel(url, start, hostEnd)) {
      if (!mayBeDomain(hostEnd - start)) {
        continue;
      }
      long state = KeyHash.steps(seed, url, start, hostEnd);
      int result = domains.get(KeyHash.finish(state, hostEnd - start, KeyHash.DOMAIN));
      if (result != FingerprintTable.ABSENT) {
        found = add(found, domainMatches(url, start, hostEnd, result));
      }
    }
    return found;
  }

  private List<Statement> domainMatches(String url, int start, int end, int result) {
    List<Statement> statements = new ArrayList<>();
    for (int entry : domains.valuesOf(result)) {
      String domain = domainValues[entry];
      if (domain.length() == end - start && url.regionMatches(start, domain, 0, domain.length())) {
        statements.add(domainStatement(entry));
      }
    }
    return statements;
  }

  private static int nextLabel(String url, int start, int hostEnd) {
    int dot = url.indexOf('.', start);
    return dot < 0 || dot >= hostEnd ? hostEnd : dot + 1;
  }

  private static List<Statement> add(List<Statement> found, List<Statement> more) {
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

  /** Files declarations as they are read; {@link #build} sizes the tables exactly. */
  static final class Builder implements SnapshotFormat.Sink {

    private final long seed;
    private final DeclarationTable declarations = new DeclarationTable();
    private final Keys exact = new Keys();
    private final Keys prefixes = new Keys();
    private final Keys domains = new Keys();
    private int[] prefixRows = new int[16];
    private final List<String> prefixValues = new ArrayList<>();
    private int[] domainRows = new int[16];
    private final List<String> domainValues = new ArrayList<>();
    private final Map<String, List<Integer>> partyWorks = new HashMap<>();
    private long sequence;
    private Instant exportedAt = Instant.EPOCH;

    Builder(long seed) {
      this.seed = seed;
    }

    Builder position(long registrySequence, Instant registryExportedAt) {
      this.sequence = registrySequence;
      this.exportedAt = registryExportedAt;
      return this;
    }

    @Override
    public void declaration(
        String id,
        long declarationSequence,
        Instant recordedAt,
        DeclarationTerms terms,
        List<Selector> subjects) {
      int row = declarations.add(id, declarationSequence, recordedAt, terms);
      for (Selector subject : subjects) {
        file(subject, row);
      }
    }

    OfflineIndex build() {
      return new OfflineIndex(this);
    }

    private void file(Selector subject, int row) {
      String value = subject.value();
      switch (subject.type()) {
        case URL -> exact.add(KeyHash.of(seed, KeyHash.URL, value), row);
        case SHA256 -> exact.add(KeyHash.of(seed, KeyHash.SHA256, value), row);
        case ACCESSION -> exact.add(KeyHash.accession(seed, subject.institution(), value), row);
        case URL_PREFIX -> {
          int cut = value.lastIndexOf('/') + 1;
          long state = KeyHash.steps(seed, value, 0, cut);
          prefixRows = put(prefixRows, prefixValues.size(), row);
          prefixes.add(KeyHash.finish(state, cut, KeyHash.URL_PREFIX), prefixValues.size());
          prefixValues.add(value);
        }
        case DOMAIN -> {
          domainRows = put(domainRows, domainValues.size(), row);
          domains.add(KeyHash.of(seed, KeyHash.DOMAIN, value), domainValues.size());
          domainValues.add(value);
        }
        case PARTY_WORKS -> partyWorks.computeIfAbsent(value, party -> new ArrayList<>()).add(row);
      }
    }

    private static int[] put(int[] array, int index, int value) {
      int[] target = index < array.length ? array : Arrays.copyOf(array, array.length * 2);
      target[index] = value;
      return target;
    }
  }

  /** Fingerprints and values gathered before the table is sized. */
  private static final class Keys {
    private long[] fingerprints = new long[1024];
    private int[] values = new int[1024];
    private int count;

    void add(long fingerprint, int value) {
      if (count == fingerprints.length) {
        fingerprints = Arrays.copyOf(fingerprints, count * 2);
        values = Arrays.copyOf(values, count * 2);
      }
      fingerprints[count] = fingerprint;
      values[count++] = value;
    }

    FingerprintTable table() {
      FingerprintTable table = FingerprintTable.of(fingerprints, values, count);
      fingerprints = null;
      values = null;
      return table;
    }
  }
}
