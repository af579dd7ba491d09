package org.rightsregistry.client.offline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;

/**
 * What many declarations of a snapshot share: who declared, for whom, what, and how trusted. A
 * snapshot file stores each distinct one once, and the index points at it from every declaration.
 */
record DeclarationTerms(
    Party declarant,
    Party rightsHolder,
    Map<Usage, Effect> usages,
    String rightsStatement,
    Instant validFrom,
    Instant validUntil,
    TrustLevel trust,
    Set<Modality> modalities) {

  static DeclarationTerms of(SnapshotDeclaration declaration) {
    return new DeclarationTerms(
        declaration.declarant(),
        declaration.rightsHolder(),
        declaration.usages(),
        declaration.rightsStatement(),
        declaration.validFrom(),
        declaration.validUntil(),
        declaration.trust(),
        declaration.modalities());
  }

  /** The declaration of the given record with these terms: the inverse of {@link #of}. */
  SnapshotDeclaration declaration(
      String id, long sequence, Instant recordedAt, List<Selector> subjects) {
    return new SnapshotDeclaration(
        id,
        sequence,
        recordedAt,
        declarant,
        rightsHolder,
        subjects,
        usages,
        rightsStatement,
        validFrom,
        validUntil,
        trust,
        modalities);
  }
}
