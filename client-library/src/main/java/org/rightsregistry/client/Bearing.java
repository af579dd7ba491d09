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
    int nearest = nearest(statement, usage, modality);
    if (nearest == NONE) {
      return null;
    }
    int distance = distanceOf(nearest);
    Usage category = usage;
    for (int step = 0; step < distance; step++) {
      category = category.broaderOrNull();
    }
    return new Bearing(statement, category, distance, effectOf(nearest));
  }

  /** What {@link #nearest} returns for a statement that does not bear. */
  static final int NONE = -1;

  private static final Effect[] EFFECTS = Effect.values();

  /**
   * How a statement bears on a usage for an item of a modality, packed in an int: the distance to
   * the category it bears through times four plus the ordinal of its effect, or {@link #NONE}. A
   * statement restricted to other modalities does not bear; one restricted to some modalities bears
   * on an item of unknown modality only through what is not an allowance.
   */
  static int nearest(Statement statement, Usage usage, Modality modality) {
    boolean uncertain = modality == null && !statement.modalities().isEmpty();
    if (!uncertain && !statement.covers(modality)) {
      return NONE;
    }
    int distance = 0;
    for (Usage category = usage; category != null; category = category.broaderOrNull()) {
      Effect effect = statement.usages().get(category);
      if (effect != null && !(uncertain && effect == Effect.ALLOWED)) {
        return distance * 4 + effect.ordinal();
      }
      distance++;
    }
    return NONE;
  }

  static int distanceOf(int nearest) {
    return nearest >> 2;
  }

  static Effect effectOf(int nearest) {
    return EFFECTS[nearest & 3];
  }

  String holderId() {
    return statement.holder().id();
  }

  /**
   * Tells whether this bearing wins over another of the same holder: the more specific subject,
   * then the nearer category, then the newer statement.
   */
  boolean outranks(Bearing other) {
    return outranks(
        Specificity.rank(statement.matched()),
        distance,
        statement.sequence(),
        Specificity.rank(other.statement.matched()),
        other.distance,
        other.statement.sequence());
  }

  /**
   * Tells whether a bearing of one holder wins over another of the same holder, given each one's
   * subject rank ({@link Specificity#rank}), distance and statement sequence.
   */
  static boolean outranks(
      long rank,
      int distance,
      long sequence,
      long otherRank,
      int otherDistance,
      long otherSequence) {
    if (rank != otherRank) {
      return rank > otherRank;
    }
    if (distance != otherDistance) {
      return distance < otherDistance;
    }
    return sequence > otherSequence;
  }
}
