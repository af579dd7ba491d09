package org.rightsregistry.conformance;

import java.net.URI;
import org.rightsregistry.client.Item;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.SelectorType;
import org.rightsregistry.client.UrlIdentity;
import tools.jackson.databind.JsonNode;

/**
 * Matches declaration subjects against an item the way the registry does: URLs by {@link
 * UrlIdentity}, a prefix by the start of the normalised URL, a domain by the host or a subdomain, a
 * hash case-insensitively, an accession number by institution and number. All works of a party do
 * not match an item by themselves: {@link EngineInputs} attributes items to parties.
 */
final class SubjectMatcher {

  private SubjectMatcher() {}

  /** The selector of a subject, or null for a subject type the engine does not know. */
  static Selector selector(JsonNode subject) {
    String type = subject.get("type").stringValue();
    if (type.equals("accession")) {
      return Selector.accession(
          subject.get("institution").stringValue(), subject.get("number").stringValue());
    }
    if (type.equals("party-works")) {
      return Selector.partyWorks(subject.get("party").stringValue());
    }
    for (SelectorType known : SelectorType.values()) {
      if (known.id().equals(type)) {
        return new Selector(known, subject.get("value").stringValue(), null);
      }
    }
    return null;
  }

  static boolean matches(Selector selector, Item item) {
    switch (selector.type()) {
      case URL:
        return item.url() != null
            && UrlIdentity.normalise(item.url()).equals(UrlIdentity.normalise(selector.value()));
      case URL_PREFIX:
        return item.url() != null && UrlIdentity.normalise(item.url()).startsWith(selector.value());
      case DOMAIN:
        return item.url() != null && onDomain(item.url(), selector.value());
      case SHA256:
        return item.sha256() != null && item.sha256().equalsIgnoreCase(selector.value());
      case PARTY_WORKS:
        return false;
      default:
        return item.accession() != null
            && item.accession().institution().equals(selector.institution())
            && item.accession().number().equals(selector.value());
    }
  }

  static boolean narrower(Selector a, Selector b) {
    int byTier = Integer.compare(tier(a.type()), tier(b.type()));
    return byTier != 0 ? byTier > 0 : a.value().length() > b.value().length();
  }

  private static int tier(SelectorType type) {
    switch (type) {
      case URL_PREFIX:
        return 1;
      case DOMAIN:
        return 0;
      case PARTY_WORKS:
        return -1;
      default:
        return 2;
    }
  }

  private static boolean onDomain(String url, String domain) {
    String host = URI.create(UrlIdentity.normalise(url)).getHost();
    return host.equals(domain) || host.endsWith("." + domain);
  }
}
