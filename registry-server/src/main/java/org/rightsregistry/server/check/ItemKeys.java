package org.rightsregistry.server.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Statement;
import org.rightsregistry.server.persistence.LookupKeys;

/**
 * The lookup keys of one request's items, in {@link LookupKeys}' order for each item: its exact
 * URL, the prefixes and domains of its URL's directory, its hash, its accession number. The items
 * of a crawl come a directory at a time, so the keys of a directory, and the statements found under
 * them, are made once per request and shared by every URL in it.
 */
final class ItemKeys {

  private final List<Keys> perItem;
  private final Set<String> distinct = new LinkedHashSet<>();

  ItemKeys(List<Item> items) {
    this.perItem = new ArrayList<>(items.size());
    Map<String, Directory> directories = new HashMap<>();
    for (Item item : items) {
      String exactUrl = null;
      Directory directory = null;
      if (item.url() != null) {
        exactUrl = LookupKeys.forExactUrl(item.url());
        distinct.add(exactUrl);
        String path = LookupKeys.directoryOf(item.url());
        directory = directories.get(path);
        if (directory == null) {
          directory = new Directory(LookupKeys.forDirectory(path));
          directories.put(path, directory);
          distinct.addAll(directory.keys);
        }
      }
      List<String> others = new ArrayList<>(2);
      if (item.sha256() != null) {
        others.add(LookupKeys.forSha256(item.sha256()));
      }
      if (item.accession() != null) {
        others.add(LookupKeys.accession(item.accession().institution(), item.accession().number()));
      }
      distinct.addAll(others);
      perItem.add(new Keys(item.url(), exactUrl, directory, others));
    }
  }

  /** Every key of every item, each once. */
  Set<String> distinct() {
    return distinct;
  }

  /** The keys of one item, in order. */
  List<String> of(int item) {
    Keys keys = perItem.get(item);
    List<String> all = new ArrayList<>();
    if (keys.url != null) {
      all.add(keys.exactUrl);
      all.addAll(keys.directory.keys);
    }
    all.addAll(keys.others);
    return all;
  }

  /**
   * Per item, the statements found under its keys, key by key, that really cover it (a URL prefix
   * is filed under the directory it ends in, so a prefix found there may not cover every URL
   * there).
   *
   * @param byKey the statements found, by the key each was found under
   */
  List<List<Statement>> statementsPerItem(Map<String, List<Statement>> byKey) {
    Map<Directory, List<Statement>> foundInDirectory = new IdentityHashMap<>();
    List<List<Statement>> statements = new ArrayList<>(perItem.size());
    for (Keys keys : perItem) {
      List<Statement> covering = new ArrayList<>();
      if (keys.url != null) {
        addCovering(byKey.get(keys.exactUrl), keys.url, covering);
        List<Statement> shared =
            foundInDirectory.computeIfAbsent(keys.directory, directory -> directory.found(byKey));
        addCovering(shared, keys.url, covering);
      }
      for (String key : keys.others) {
        addCovering(byKey.get(key), keys.url, covering);
      }
      statements.add(covering);
    }
    return statements;
  }

  private static void addCovering(List<Statement> found, String url, List<Statement> covering) {
    if (found == null) {
      return;
    }
    for (Statement statement : found) {
      if (url == null || LookupKeys.covers(statement.matched(), url)) {
        covering.add(statement);
      }
    }
  }

  /**
   * One item's keys.
   *
   * @param url its normalised URL, or null
   * @param exactUrl the key of its exact URL, or null without a URL
   * @param directory the keys of its URL's directory, or null without a URL
   * @param others the keys of its hash and accession number, if it has them
   */
  private record Keys(String url, String exactUrl, Directory directory, List<String> others) {}

  /** The keys of one directory. */
  private record Directory(List<String> keys) {

    List<Statement> found(Map<String, List<Statement>> byKey) {
      List<Statement> found = new ArrayList<>(0);
      for (String key : keys) {
        found.addAll(byKey.getOrDefault(key, List.of()));
      }
      return found;
    }
  }
}
