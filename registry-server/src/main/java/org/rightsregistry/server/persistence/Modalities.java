package org.rightsregistry.server.persistence;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.rightsregistry.client.Modality;

/** Stores a set of modalities as one column: comma-separated ids, or NULL for every modality. */
final class Modalities {

  private Modalities() {}

  static String write(Set<Modality> modalities) {
    if (modalities.isEmpty()) {
      return null;
    }
    return modalities.stream().sorted().map(Modality::id).collect(Collectors.joining(","));
  }

  static Set<Modality> read(String column) {
    Set<Modality> modalities = EnumSet.noneOf(Modality.class);
    if (column != null) {
      for (String id : column.split(",")) {
        modalities.add(Modality.fromId(id));
      }
    }
    return modalities;
  }
}
