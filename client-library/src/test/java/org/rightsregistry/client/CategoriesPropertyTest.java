package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The decision's categories, against what they mean: for the usage and each broader category that
 * some statement names, the effect of the verdict the engine gives when that category is the usage
 * asked about. Random statements (several holders, subjects, categories, modalities, trust levels
 * and validity windows) on items of known and unknown modality.
 */
class CategoriesPropertyTest {

  private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
  private static final Party[] PARTIES = {
    new Party("tate", "Tate"), new Party("dacs", "DACS"), new Party("photographer", null)
  };
  private static final String URL = "https://example.org/gallery/a.jpg";
  private static final Selector[] SUBJECTS = {
    Selector.url(URL),
    Selector.urlPrefix("https://example.org/gallery/"),
    Selector.domain("example.org")
  };
  private static final Modality[] ITEM_MODALITIES = {null, Modality.IMAGE, Modality.TEXT};

  private final DecisionEngine engine = new DecisionEngine();

  @Test
  void categories_areTheVerdictsOfAskingAboutEachNamedCategory() {
    Random random = new Random(7);
    int checked = 0;
    for (int round = 0; round < 3_000; round++) {
      List<Statement> statements = statements(random);
      Modality modality = ITEM_MODALITIES[random.nextInt(ITEM_MODALITIES.length)];
      Item item = new Item(URL, null, null, modality);
      for (Usage usage : Usage.values()) {
        Decision decision = engine.decide(item, usage, statements, 9, AT);
        Map<Usage, Effect> expected = new EnumMap<>(Usage.class);
        for (Usage category = usage; category != null; category = category.broaderOrNull()) {
          if (isNamed(category, statements)) {
            Effect effect = effectOf(engine.decide(item, category, statements, 9, AT).verdict());
            if (effect != null) {
              expected.put(category, effect);
            }
          }
        }
        assertThat(decision.categories()).as("round %d, %s", round, usage).isEqualTo(expected);
        checked += expected.size();
      }
    }
    assertThat(checked).isGreaterThan(10_000);
  }

  private static List<Statement> statements(Random random) {
    int count = 1 + random.nextInt(5);
    List<Statement> statements = new ArrayList<>(count);
    Usage[] usages = Usage.values();
    Effect[] effects = Effect.values();
    TrustLevel[] trust = TrustLevel.values();
    for (int i = 0; i < count; i++) {
      Map<Usage, Effect> declared = new EnumMap<>(Usage.class);
      int named = 1 + random.nextInt(3);
      for (int j = 0; j < named; j++) {
        declared.put(
            usages[random.nextInt(usages.length)], effects[random.nextInt(effects.length)]);
      }
      Party declarant = PARTIES[random.nextInt(PARTIES.length)];
      Party holder = random.nextInt(3) == 0 ? PARTIES[random.nextInt(PARTIES.length)] : null;
      Set<Modality> modalities =
          switch (random.nextInt(4)) {
            case 0 -> Set.of(Modality.IMAGE);
            case 1 -> Set.of(Modality.TEXT, Modality.AUDIO);
            default -> Set.of();
          };
      Instant validUntil = random.nextInt(8) == 0 ? AT.minusSeconds(1) : null;
      statements.add(
          new Statement(
              "d-" + i,
              1 + random.nextInt(20),
              AT.minusSeconds(1_000 - i),
              declarant,
              holder,
              SUBJECTS[random.nextInt(SUBJECTS.length)],
              declared,
              null,
              null,
              validUntil,
              trust[random.nextInt(trust.length)],
              modalities,
              null));
    }
    return statements;
  }

  /** Named by a statement in force: an expired one is ignored, whatever it names. */
  private static boolean isNamed(Usage category, List<Statement> statements) {
    for (Statement statement : statements) {
      if (statement.isInForceAt(AT) && statement.usages().containsKey(category)) {
        return true;
      }
    }
    return false;
  }

  private static Effect effectOf(Verdict verdict) {
    return switch (verdict) {
      case DENY -> Effect.RESERVED;
      case LICENCE_REQUIRED -> Effect.LICENCE_REQUIRED;
      case ALLOW -> Effect.ALLOWED;
      default -> null;
    };
  }
}
