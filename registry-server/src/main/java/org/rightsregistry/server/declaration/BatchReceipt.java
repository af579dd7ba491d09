package org.rightsregistry.server.declaration;

import java.util.List;
import java.util.UUID;

/**
 * What a batch upload stored.
 *
 * @param replayed true when the idempotency key had been used for the same body before and nothing
 *     new was stored
 */
public record BatchReceipt(
    String idempotencyKey,
    long firstSequence,
    long lastSequence,
    List<UUID> declarationIds,
    boolean replayed) {

  public BatchReceipt {
    declarationIds = List.copyOf(declarationIds);
  }
}
