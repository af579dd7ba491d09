package org.rightsregistry.server.declaration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.Usage;

/**
 * A declaration as submitted, validated and with every subject normalised, before it is stored.
 *
 * @param rightsHolder the holder the declarant speaks for, or null when it speaks for itself
 * @param rightsStatement a RightsStatements.org or Creative Commons URI, or null
 * @param validFrom null for "from when it is recorded"
 * @param validUntil null for open-ended
 * @param supersedes the declaration this one replaces, or null
 * @param modalities the modalities it is restricted to; empty for every modality
 */
public record NewDeclaration(
    Party declarant,
    Party rightsHolder,
    List<Selector> subjects,
    Map<Usage, Effect> usages,
    String rightsStatement,
    Instant validFrom,
    Instant validUntil,
    UUID supersedes,
    String note,
    Set<Modality> modalities) {

  public NewDeclaration {
    subjects = List.copyOf(subjects);
    usages = Map.copyOf(usages);
    modalities = Set.copyOf(modalities);
  }

  /** A declaration on every modality. */
  public NewDeclaration(
      Party declarant,
      Party rightsHolder,
      List<Selector> subjects,
      Map<Usage, Effect> usages,
      String rightsStatement,
      Instant validFrom,
      Instant validUntil,
      UUID supersedes,
      String note) {
    this(
        declarant,
        rightsHolder,
        subjects,
        usages,
        rightsStatement,
        validFrom,
        validUntil,
        supersedes,
        note,
        Set.of());
  }
}
