package org.rightsregistry.client;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement as it bears on one usage: through the nearest category at or above the usage that the
 * statement names.
 *
 * @param statement the statement
 * @param category the category it bears through
 * @param distance steps from the usage up to {@code category}; 0 for the usage itself
 * @param effect what the statement declared for {@code category}
 */
record Bearing(Statement statement, Usage category, int distance, Effect effect) {

  /**
   * Returns the bearings of the statements on a usage for an item of a modality, in the order of
   * the statements. A statement restricted to other modalities does not bear. One restricted to
   * some modalities bears on an item of unknown modality only through its reservations and licence
   * requirements: what could not be checked is never read as permission.
   */
  static List<Bearing> on(Usage usage, List<Statement> statements, Modality modality) {
    List<Bearing> bearings = new ArrayList<>(statements.size());
    for (Statement statement : statements) {
      Bearing bearing = of(statement, usage, modality);
      if (bearing != null) {
        bearings.add(bearing);
      }
    }
    return bearings;
  }

  private static Bearing of(Statement statement, Usage usage, Modality modality) {
    boolean uncertain = modality == null && !statement.modalities().isEmpty();
    if (!uncertain && !statement.covers(modality)) {
      return null;
    }
    int distance = 0;
    for (Usage category = usage; category != null; category = category.broaderOrNull()) {
      Effect effect = statement.usages().get(category);
      if (effect != null && !(uncertain && effect == Effect.ALLOWED)) {
        return new Bearing(statement, category, distance, effect);
      }
      distance++;
    }
    return null;
  }

  String holderId() {
    return statement.holder().id();
  }

  /**
   * Tells whether this bearing wins over another of the same holder: the more specific subject,
   * then the nearer category, then the newer statement.
   */
  boolean outranks(Bearing other) {
    int bySubject = Specificity.compare(statement.matched(), other.statement.matched());
    if (bySubject != 0) {
      return bySubject > 0;
    }
    if (distance != other.distance) {
      return distance < other.distance;
    }
    return statement.sequence() > other.statement.sequence();
  }
}
