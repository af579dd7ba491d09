package org.rightsregistry.conformance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rightsregistry.server.party.TxtResolver;

/**
 * The DNS of the in-process registry: TXT records held in memory, placed by the runner when it
 * answers a domain challenge. The registry never looks up real DNS in this test, and a party proves
 * a case's (tagged) domains exactly as it would prove a real one.
 */
final class InMemoryTxtRecords implements TxtResolver, ChallengeAnswerer {

  /** Where and in which form the registry's DNS method looks for a challenge value. */
  private static final String NAME_PREFIX = "_rights-registry-challenge.";

  private static final String VALUE_PREFIX = "rights-registry-challenge=";

  private final Map<String, List<String>> records = new ConcurrentHashMap<>();

  @Override
  public void answer(String domain, String value) {
    records.put(NAME_PREFIX + domain, List.of(VALUE_PREFIX + value));
  }

  @Override
  public List<String> txt(String name) {
    return records.getOrDefault(name, List.of());
  }
}
