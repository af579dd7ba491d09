package org.rightsregistry.server.agreement;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.Usage;

/**
 * A licence agreement as submitted, validated and with every covered subject normalised.
 *
 * @param licensor the party granting the licence; only its own reservations are overridden
 * @param licensee the party the licence is granted to
 * @param covers the subjects the licence covers
 * @param usages the usage categories granted; each covers the categories below it
 * @param validFrom when the licence starts, or null for always
 * @param validUntil when it ends (exclusive), or null for never
 * @param note free text for people, or null
 */
public record NewAgreement(
    Party licensor,
    Party licensee,
    List<Selector> covers,
    Set<Usage> usages,
    Instant validFrom,
    Instant validUntil,
    String note) {

  public NewAgreement {
    covers = List.copyOf(covers);
    usages = Set.copyOf(usages);
  }
}
