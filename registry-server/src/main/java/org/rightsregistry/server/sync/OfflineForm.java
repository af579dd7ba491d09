package org.rightsregistry.server.sync;

import org.rightsregistry.client.offline.SnapshotAgreement;
import org.rightsregistry.client.offline.SnapshotDeclaration;
import org.rightsregistry.server.agreement.NewAgreement;
import org.rightsregistry.server.agreement.StoredAgreement;
import org.rightsregistry.server.declaration.NewDeclaration;
import org.rightsregistry.server.declaration.StoredDeclaration;

/**
 * A declaration or agreement as a snapshot (format version 2) carries it: everything the decision
 * engine reads of it, modalities included, so the offline checker decides an item of any modality
 * as the server does. Subjects on all works of a party go in as they are (subject type 6, the party
 * id).
 */
final class OfflineForm {

  private OfflineForm() {}

  static SnapshotDeclaration of(StoredDeclaration stored) {
    NewDeclaration content = stored.content();
    return new SnapshotDeclaration(
        stored.id().toString(),
        stored.sequence(),
        stored.recordedAt(),
        content.declarant(),
        content.rightsHolder(),
        content.subjects(),
        content.usages(),
        content.rightsStatement(),
        content.validFrom(),
        content.validUntil(),
        stored.effectiveTrustLevel(),
        content.modalities());
  }

  static SnapshotAgreement of(StoredAgreement stored) {
    NewAgreement content = stored.content();
    return new SnapshotAgreement(
        stored.id().toString(),
        stored.sequence(),
        stored.recordedAt(),
        content.licensor(),
        content.licensee(),
        content.covers(),
        content.usages(),
        content.validFrom(),
        content.validUntil());
  }
}
