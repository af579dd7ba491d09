package org.rightsregistry.client.offline;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsregistry.client.Effect;
import org.rightsregistry.client.Modality;
import org.rightsregistry.client.Party;
import org.rightsregistry.client.Selector;
import org.rightsregistry.client.Statement;
import org.rightsregistry.client.TrustLevel;
import org.rightsregistry.client.Usage;

/**
 * One active declaration of a snapshot: what the decision engine needs of it, with every subject.
 * Subject values are in the registry's normal form (URLs through {@code UrlIdentity}, hashes in
 * lower case), as the registry stores them.
 *
 * @param id the declaration's id
 * @param sequence the registry sequence number at which it was recorded
 * @param recordedAt when it was recorded
 * @param declarant the party that made it
 * @param rightsHolder the rights holder the declarant spoke for, or null
 * @param subjects what it covers; not empty
 * @param usages per usage category the effect declared; not empty
 * @param rightsStatement a RightsStatements.org or Creative Commons URI, or null
 * @param validFrom when it starts to apply (inclusive), or null
 * @param validUntil when it stops applying (exclusive), or null
 * @param trust the effective trust level the registry gives it
 * @param modalities the modalities it is restricted to (an images-only reservation does not touch
 *     text); empty for every modality
 */
public record SnapshotDeclaration(
    String id,
    long sequence,
    Instant recordedAt,
    Party declarant,
    Party rightsHolder,
    List<Selector> subjects,
    Map<Usage, Effect> usages,
    String rightsStatement,
    Instant validFrom,
    Instant validUntil,
    TrustLevel trust,
    Set<Modality> modalities) {

  /**
   * Creates a declaration; the subjects and usages are copied.
   *
   * @throws IllegalArgumentException if a required component is missing, the sequence is negative,
   *     or the subjects or usages are empty
   */
  public SnapshotDeclaration {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must be a non-blank string, but was " + id);
    }
    if (sequence < 0) {
      throw new IllegalArgumentException(
          "sequence of declaration " + id + " must be 0 or more, but was " + sequence);
    }
    require("recordedAt", recordedAt, id);
    require("declarant", declarant, id);
    require("trust", trust, id);
    if (require("subjects", subjects, id).isEmpty()) {
      throw new IllegalArgumentException("subjects of declaration " + id + " must not be empty");
    }
    if (require("usages", usages, id).isEmpty()) {
      throw new IllegalArgumentException("usages of declaration " + id + " must not be empty");
    }
    subjects = List.copyOf(subjects);
    usages = Collections.unmodifiableMap(new EnumMap<>(usages));
    modalities =
        require("modalities", modalities, id).isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(modalities));
  }

  /**
   * Creates a declaration on every modality; the subjects and usages are copied.
   *
   * @param id the declaration's id
   * @param sequence the registry sequence number at which it was recorded
   * @param recordedAt when it was recorded
   * @param declarant the party that made it
   * @param rightsHolder the rights holder the declarant spoke for, or null
   * @param subjects what it covers; not empty
   * @param usages per usage category the effect declared; not empty
   * @param rightsStatement a RightsStatements.org or Creative Commons URI, or null
   * @param validFrom when it starts to apply (inclusive), or null
   * @param validUntil when it stops applying (exclusive), or null
   * @param trust the effective trust level the registry gives it
   * @throws IllegalArgumentException if a required component is missing, the sequence is negative,
   *     or the subjects or usages are empty
   */
  public SnapshotDeclaration(
      String id,
      long sequence,
      Instant recordedAt,
      Party declarant,
      Party rightsHolder,
      List<Selector> subjects,
      Map<Usage, Effect> usages,
      String rightsStatement,
      Instant validFrom,
      Instant validUntil,
      TrustLevel trust) {
    this(
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
        Set.of());
  }

  /**
   * Returns the same declaration at another trust level, as the registry weighs the declarations of
   * a party an operator suspended: self-asserted.
   *
   * @param level the trust level
   * @return this declaration if it already has the level, else a copy with it
   * @throws IllegalArgumentException if the level is null
   */
  public SnapshotDeclaration withTrust(TrustLevel level) {
    if (level == null) {
      throw new IllegalArgumentException("level must not be null");
    }
    if (level == trust) {
      return this;
    }
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
        level,
        modalities);
  }

  /**
   * Returns the declaration as it bears on an item that one of its subjects matched.
   *
   * @param matched the subject that matched
   * @return the statement for the decision engine
   */
  public Statement statement(Selector matched) {
    return new Statement(
        id,
        sequence,
        recordedAt,
        declarant,
        rightsHolder,
        matched,
        usages,
        rightsStatement,
        validFrom,
        validUntil,
        trust,
        modalities,
        null);
  }

  private static <T> T require(String name, T value, String id) {
    if (value == null) {
      throw new IllegalArgumentException(name + " of declaration " + id + " must not be null");
    }
    return value;
  }
}
