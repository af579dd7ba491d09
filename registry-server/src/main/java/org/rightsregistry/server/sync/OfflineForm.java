package org.rightsregistry.server.sync;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Usage;
import org.rightsregistry.client.offline.SnapshotDeclaration;
import org.rightsregistry.server.declaration.NewDeclaration;
import org.rightsregistry.server.declaration.StoredDeclaration;

/**
 * A declaration as a snapshot carries it. Snapshot format version 1 has no modalities, and the
 * offline checker decides items of unknown modality, for which the decision engine counts a
 * modality-restricted declaration's reservations and licence requirements but not its permissions.
 * So a restricted declaration goes into a snapshot without its permissions, and one that only
 * permits is left out: the offline checker then decides as the server does for an item without a
 * modality.
 *
 * <p>Subjects on all works of a party go in as they are (subject type 6, the party id). Known gap:
 * a restricted declaration that only permits, being left out, does not make its item a work of its
 * holder offline, while online it does; version 1 has no way to carry it (a declaration needs at
 * least one usage), and the format version with modalities will carry it whole.
 */
final class OfflineForm {

  private OfflineForm() {}

  static Optional<SnapshotDeclaration> of(StoredDeclaration stored) {
    NewDeclaration content = stored.content();
    Map<Usage, Effect> usages = new EnumMap<>(content.usages());
    if (!content.modalities().isEmpty()) {
      usages.values().removeIf(effect -> effect == Effect.ALLOWED);
    }
    if (usages.isEmpty()) {
      return Optional.empty();
    }

    return Optional.of(
        new SnapshotDeclaration(
            stored.id().toString(),
            stored.sequence(),
            stored.recordedAt(),
            content.declarant(),
            content.rightsHolder(),
            content.subjects(),
            usages,
            content.rightsStatement(),
            content.validFrom(),
            content.validUntil(),
            stored.effectiveTrustLevel()));
  }
}
