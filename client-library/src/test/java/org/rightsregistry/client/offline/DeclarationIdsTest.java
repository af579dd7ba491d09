package org.rightsregistry.client.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;

/** Tombstones asked by a row's primitive id: registry UUIDs and other ids alike. */
class DeclarationIdsTest {

  private static final String REVOKED_UUID = new UUID(0x1234, 7).toString();
  private static final String KEPT_UUID = new UUID(0x1234, 8).toString();
  private static final String UPPER_CASE_UUID = new UUID(0x1234, 9).toString().toUpperCase();

  @Test
  void isAmong_rowsOfEveryKindOfId_asTheirIdsAre() {
    DeclarationTable table = new DeclarationTable();
    DeclarationTerms terms =
        new DeclarationTerms(
            Snapshots.TATE,
            null,
            Map.of(Usage.AI_TRAINING, Effect.RESERVED),
            null,
            null,
            null,
            TrustLevel.SELF_ASSERTED,
            Set.of());
    int revoked = table.add(REVOKED_UUID, 7, Instant.EPOCH, terms);
    int kept = table.add(KEPT_UUID, 8, Instant.EPOCH, terms);
    int legacy = table.add("legacy-id-7", 9, Instant.EPOCH, terms);
    int legacyKept = table.add("legacy-id-8", 10, Instant.EPOCH, terms);
    int upperCase = table.add(UPPER_CASE_UUID, 11, Instant.EPOCH, terms);
    table.trim();

    DeclarationIds ids = new DeclarationIds(Set.of(REVOKED_UUID, "legacy-id-7", UPPER_CASE_UUID));

    assertThat(List.of(revoked, legacy, upperCase)).allMatch(row -> table.isAmong(row, ids));
    assertThat(List.of(kept, legacyKept)).noneMatch(row -> table.isAmong(row, ids));
    assertThat(List.of(revoked, kept, legacy, upperCase))
        .noneMatch(row -> table.isAmong(row, DeclarationIds.NONE));
  }

  @Test
  void contains_manyIds_findsEachAndNoOther() {
    Set<String> revoked = new java.util.HashSet<>();
    for (int i = 0; i < 5_000; i++) {
      revoked.add(new UUID(0xABCD, 2L * i).toString());
    }
    DeclarationIds ids = new DeclarationIds(revoked);

    for (int i = 0; i < 10_000; i++) {
      assertThat(ids.contains(0xABCD, i)).as("id %d", i).isEqualTo(i % 2 == 0);
    }
  }
}
