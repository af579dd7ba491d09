package org.rightsregistry.client;

import java.util.List;
import java.util.Set;

/** Checks items against the check-request schema before they are sent. */
final class ItemValidation {

  private static final int MAX_URL_LENGTH = 4096;
  private static final int MAX_PARTY_ID_LENGTH = 128;
  private static final int MAX_ACCESSION_NUMBER_LENGTH = 200;

  private ItemValidation() {}

  static void validate(List<Item> items) {
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item == null) {
        throw new IllegalArgumentException(
            "items["
                + i
                + "] is null; pass an Item such as "
                + "Item.url(\"https://example.org/a.jpg\")");
      }
      validate(i, item);
    }
  }

  private static void validate(int index, Item item) {
    String at = "items[" + index + "]";
    if (item.url() != null) {
      if (item.url().length() > MAX_URL_LENGTH) {
        throw new IllegalArgumentException(
            at
                + ".url "
                + Checks.quote(item.url())
                + " is too long; a URL may have at most "
                + MAX_URL_LENGTH
                + " characters");
      }
      check(at + ".url", () -> UrlIdentity.normalise(item.url()));
    }
    if (item.sha256() != null) {
      check(at + ".sha256", () -> UrlIdentity.normaliseSha256(item.sha256()));
    }
    if (item.accession() != null) {
      validate(at + ".accession", item.accession());
    }
  }

  private static void validate(String at, Accession accession) {
    if (!isPartyId(accession.institution())) {
      throw new IllegalArgumentException(
          at
              + ".institution "
              + Checks.quote(accession.institution())
              + " is not a party id; a party id has 1 to 128 lower-case "
              + "letters, digits, '.', '_' or '-', and starts and ends with a letter or digit");
    }
    if (accession.number().length() > MAX_ACCESSION_NUMBER_LENGTH) {
      throw new IllegalArgumentException(
          at
              + ".number "
              + Checks.quote(accession.number())
              + " is too long; an accession number may have at most "
              + MAX_ACCESSION_NUMBER_LENGTH
              + " characters");
    }
  }

  private static void check(String at, Runnable validation) {
    try {
      validation.run();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
    }
  }

  private static boolean isPartyId(String id) {
    int last = id.length() - 1;
    if (last >= MAX_PARTY_ID_LENGTH
        || !isLowerAlphanumeric(id.charAt(0))
        || !isLowerAlphanumeric(id.charAt(last))) {
      return false;
    }
    for (int i = 1; i < last; i++) {
      char c = id.charAt(i);
      if (!isLowerAlphanumeric(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** The most signals one item may carry, as the check-request schema says. */
  static final int MAX_SIGNALS_PER_ITEM = 32;

  private static final int MAX_LOCATION_LENGTH = 4096;
  private static final int MAX_MEANING_LENGTH = 2000;
  private static final Set<String> SOURCES =
      Set.of(
          Signal.SOURCE_ROBOTS_TXT,
          Signal.SOURCE_TDMREP,
          Signal.SOURCE_CONTENT_USAGE,
          Signal.SOURCE_ROBOTS_TAG,
          Signal.SOURCE_C2PA,
          Signal.SOURCE_IPTC);

  /** Checks the signals sent with each item against the check-request schema. */
  static void validateSignals(List<List<Signal>> signalsPerItem) {
    for (int i = 0; i < signalsPerItem.size(); i++) {
      List<Signal> signals = signalsPerItem.get(i);
      String at = "signals[" + i + "]";
      Checks.requireValue(at, signals);
      if (signals.size() > MAX_SIGNALS_PER_ITEM) {
        throw new IllegalArgumentException(
            at
                + " holds "
                + signals.size()
                + " signals; an item may carry at most "
                + MAX_SIGNALS_PER_ITEM);
      }
      for (int j = 0; j < signals.size(); j++) {
        validate(at + "[" + j + "]", signals.get(j));
      }
    }
  }

  private static void validate(String at, Signal signal) {
    Checks.requireValue(at, signal);
    if (!SOURCES.contains(signal.source())) {
      throw new IllegalArgumentException(
          at
              + ".source "
              + Checks.quote(signal.source())
              + " is not a kind the registry weighs; use one of Signal's SOURCE_* constants");
    }
    if (signal.location().length() > MAX_LOCATION_LENGTH) {
      throw new IllegalArgumentException(
          at + ".location is too long; it may have at most " + MAX_LOCATION_LENGTH + " characters");
    }
    if (signal.meaning().length() > MAX_MEANING_LENGTH) {
      throw new IllegalArgumentException(
          at + ".meaning is too long; it may have at most " + MAX_MEANING_LENGTH + " characters");
    }
  }
}
