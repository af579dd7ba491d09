package org.rightsregistry.client.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.Statement;

/**
 * The registry server's matching, written out with strings the slow way, as the reference the index
 * must agree with: keys as the server's {@code LookupKeys} makes them, looked up in its order
 * (exact URL, directory cuts from the shortest, host and parent domains, SHA-256, accession), each
 * key's declarations in snapshot order; then, for each declarant of a matched declaration naming no
 * other rights holder (whose work the item is), in the order first found, that party's own
 * declarations on all its works not matched already, in snapshot order.
 */
final class ServerMatching {

  private ServerMatching() {}

  static List<Statement> statementsFor(Snapshot snapshot, Item item) {
    List<Statement> found = new ArrayList<>();
    for (String key : keys(item)) {
      for (SnapshotDeclaration declaration : snapshot.declarations()) {
        for (Selector subject : declaration.subjects()) {
          if (filedUnder(subject).equals(key) && covers(subject, item.url())) {
            found.add(declaration.statement(subject));
          }
        }
      }
    }
    found.addAll(partyWorks(snapshot, found));
    return found;
  }

  private static List<Statement> partyWorks(Snapshot snapshot, List<Statement> found) {
    Set<String> holders = new LinkedHashSet<>();
    Set<String> matched = new HashSet<>();
    for (Statement statement : found) {
      if (statement.rightsHolder() == null
          || statement.rightsHolder().id().equals(statement.declarant().id())) {
        holders.add(statement.declarant().id());
      }
      matched.add(statement.declarationId());
    }
    List<Statement> added = new ArrayList<>();
    for (String holder : holders) {
      for (SnapshotDeclaration declaration : snapshot.declarations()) {
        boolean own =
            declaration.declarant().id().equals(holder)
                && (declaration.rightsHolder() == null
                    || declaration.rightsHolder().id().equals(holder));
        if (own
            && !matched.contains(declaration.id())
            && declaration.subjects().contains(Selector.partyWorks(holder))) {
          added.add(declaration.statement(Selector.partyWorks(holder)));
        }
      }
    }
    return added;
  }

  private static List<String> keys(Item item) {
    List<String> keys = new ArrayList<>();
    String url = item.url();
    if (url != null) {
      keys.add("url " + url);
      int pathStart = url.indexOf('/', url.indexOf("://") + 3);
      for (int slash = pathStart; slash >= 0; slash = url.indexOf('/', slash + 1)) {
        keys.add("url-prefix " + url.substring(0, slash + 1));
      }
      String authority = url.substring(url.indexOf("://") + 3, pathStart);
      int colon = authority.lastIndexOf(':');
      String host =
          colon >= 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
      for (int dot = -1; dot < host.length(); ) {
        keys.add("domain " + host.substring(dot + 1));
        int next = host.indexOf('.', dot + 1);
        dot = next < 0 ? host.length() : next;
      }
    }
    if (item.sha256() != null) {
      keys.add("sha256 " + item.sha256());
    }
    if (item.accession() != null) {
      keys.add("accession " + item.accession().institution() + ":" + item.accession().number());
    }
    return keys;
  }

  private static String filedUnder(Selector selector) {
    return switch (selector.type()) {
      case URL_PREFIX ->
          "url-prefix " + selector.value().substring(0, selector.value().lastIndexOf('/') + 1);
      case ACCESSION -> "accession " + selector.institution() + ":" + selector.value();
      default -> selector.type().id() + " " + selector.value();
    };
  }

  private static boolean covers(Selector selector, String url) {
    return url == null
        || selector.type() != SelectorType.URL_PREFIX
        || url.startsWith(selector.value());
  }
}
