package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.rightsregistry.client.Effect.ALLOWED;
import static org.rightsregistry.client.Effect.LICENCE_REQUIRED;
import static org.rightsregistry.client.Effect.RESERVED;
import static org.rightsregistry.client.TestStatements.AT;
import static org.rightsregistry.client.TestStatements.DACS;
import static org.rightsregistry.client.TestStatements.ITEM;
import static org.rightsregistry.client.TestStatements.PHOTOGRAPHER;
import static org.rightsregistry.client.TestStatements.TATE;
import static org.rightsregistry.client.TestStatements.declaration;
import static org.rightsregistry.client.Usage.AI_TRAINING;
import static org.rightsregistry.client.Usage.GENERATIVE_AI_TRAINING;
import static org.rightsregistry.client.Usage.SEARCH_INDEXING;
import static org.rightsregistry.client.Usage.TEXT_AND_DATA_MINING;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionEngineTest {

  private final DecisionEngine engine = new DecisionEngine();

  private Decision decide(Usage usage, Statement... statements) {
    return engine.decide(ITEM, usage, List.of(statements), 42, AT);
  }

  @Nested
  class WhenNothingBears {

    @Test
    void noStatements_giveUnknownWithRuleNoStatement() {
      Decision decision = decide(GENERATIVE_AI_TRAINING);

      assertThat(decision.verdict()).isEqualTo(Verdict.UNKNOWN);
      assertThat(decision.rule()).isEqualTo("no-statement");
      assertThat(decision.conflict()).isFalse();
      assertThat(decision.registrySequence()).isEqualTo(OptionalLong.of(42));
      assertThat(decision.categories()).isEmpty();
      assertThat(decision.evidence()).isEmpty();
      assertThat(decision.explanation())
          .isEqualTo(
              "No registry statement bears on "
                  + "generative-ai-training or a broader category for this item.");
    }

    @Test
    void statementOnAnUnrelatedCategory_doesNotBear() {
      Decision decision =
          decide(AI_TRAINING, declaration("d-1").says(SEARCH_INDEXING, RESERVED).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.UNKNOWN);
      assertThat(decision.evidence()).isEmpty();
      assertThat(decision.categories()).isEmpty();
    }

    @Test
    void statementOnANarrowerCategory_doesNotBearOnTheBroaderUsage() {
      Decision decision =
          decide(AI_TRAINING, declaration("d-1").says(GENERATIVE_AI_TRAINING, RESERVED).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.UNKNOWN);
    }
  }

  @Nested
  class ValidityWindow {

    @Test
    void statementNotYetValid_isIgnored() {
      Decision decision =
          decide(
              AI_TRAINING,
              declaration("d-1").says(AI_TRAINING, RESERVED).validFrom(AT.plusSeconds(1)).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.UNKNOWN);
      assertThat(decision.evidence()).isEmpty();
    }

    @Test
    void statementThatEnded_isIgnored() {
      Decision decision =
          decide(
              AI_TRAINING,
              declaration("d-1")
                  .says(AI_TRAINING, RESERVED)
                  .validUntil(AT.minus(Duration.ofDays(1)))
                  .build());

      assertThat(decision.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void statementEndingAtTheInstant_isIgnored() {
      Decision decision =
          decide(
              AI_TRAINING, declaration("d-1").says(AI_TRAINING, RESERVED).validUntil(AT).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void statementStartingAtTheInstant_applies() {
      Decision decision =
          decide(AI_TRAINING, declaration("d-1").says(AI_TRAINING, RESERVED).validFrom(AT).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    }

    @Test
    void ignoredReservation_letsAnAllowanceOfAnotherHolderDecide() {
      Decision decision =
          decide(
              AI_TRAINING,
              declaration("d-1").says(AI_TRAINING, RESERVED).validUntil(AT).build(),
              declaration("d-2").by(DACS).says(AI_TRAINING, ALLOWED).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
      assertThat(decision.conflict()).isFalse();
      assertThat(decision.evidence()).extracting(Evidence::declarationId).containsExactly("d-2");
    }
  }

  @Nested
  class ThroughTheHierarchy {

    @Test
    void reservationOfABroaderCategory_deniesTheNarrowerUsage() {
      Decision decision =
          decide(
              GENERATIVE_AI_TRAINING,
              declaration("d-1").says(TEXT_AND_DATA_MINING, RESERVED).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
      assertThat(decision.rule()).isEqualTo("reservation");
      assertThat(decision.evidence())
          .singleElement()
          .extracting(Evidence::category, Evidence::effect, Evidence::decisive)
          .containsExactly(TEXT_AND_DATA_MINING, RESERVED, true);
    }

    @Test
    void statementNamingSeveralCategories_bearsThroughTheNearest() {
      Decision decision =
          decide(
              GENERATIVE_AI_TRAINING,
              declaration("d-1")
                  .says(TEXT_AND_DATA_MINING, RESERVED)
                  .says(AI_TRAINING, ALLOWED)
                  .build());

      assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
      assertThat(decision.evidence())
          .singleElement()
          .extracting(Evidence::category)
          .isEqualTo(AI_TRAINING);
    }

    @Test
    void sameHolderAndSubject_narrowerAllowanceWinsOverBroaderReservation() {
      Decision decision =
          decide(
              GENERATIVE_AI_TRAINING,
              declaration("d-1").sequence(2).says(TEXT_AND_DATA_MINING, RESERVED).build(),
              declaration("d-2").sequence(1).says(GENERATIVE_AI_TRAINING, ALLOWED).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
      assertThat(decision.rule()).isEqualTo("allowed");
      assertThat(decision.evidence())
          .extracting(Evidence::declarationId, Evidence::decisive)
          .containsExactly(tuple("d-1", false), tuple("d-2", true));
    }
  }

  @Nested
  class AmongOneHoldersStatements {

    @ParameterizedTest(name = "{0} {1} is more specific than {2} {3}")
    @CsvSource({
      "url,        https://example.org/gallery/a.jpg, url-prefix, https://example.org/gallery/",
      "sha256,     e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, domain, "
          + "example.org",
      "accession,  AR00086,                           url-prefix, https://example.org/",
      "url-prefix, https://example.org/gallery/,      url-prefix, https://example.org/",
      "url-prefix, https://example.org/,              domain,     gallery.example.org",
      "domain,     gallery.example.org,               domain,     example.org",
      "domain,     example.org,                       party-works, tate",
      "url,        https://example.org/gallery/a.jpg, party-works, tate",
    })
    void moreSpecificSubject_wins(
        String specificType, String specificValue, String broadType, String broadValue) {
      Statement specific =
          declaration("specific")
              .sequence(1)
              .matched(selector(specificType, specificValue))
              .says(AI_TRAINING, ALLOWED)
              .build();
      Statement broad =
          declaration("broad")
              .sequence(2)
              .matched(selector(broadType, broadValue))
              .says(AI_TRAINING, RESERVED)
              .build();

      assertThat(decide(AI_TRAINING, specific, broad).verdict()).isEqualTo(Verdict.ALLOW);
      assertThat(decide(AI_TRAINING, broad, specific).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void moreSpecificSubject_winsOverNearerCategory() {
      Decision decision =
          decide(
              GENERATIVE_AI_TRAINING,
              declaration("d-1")
                  .matched(Selector.domain("example.org"))
                  .says(GENERATIVE_AI_TRAINING, RESERVED)
                  .build(),
              declaration("d-2").says(TEXT_AND_DATA_MINING, ALLOWED).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void twoStatementsOnAllWorksOfTheHolder_newerWins() {
      Statement older =
          declaration("d-1")
              .sequence(10)
              .matched(Selector.partyWorks("tate"))
              .says(AI_TRAINING, RESERVED)
              .build();
      Statement newer =
          declaration("d-2")
              .sequence(11)
              .matched(Selector.partyWorks("tate"))
              .says(AI_TRAINING, ALLOWED)
              .build();

      assertThat(decide(AI_TRAINING, older, newer).verdict()).isEqualTo(Verdict.ALLOW);
      assertThat(decide(AI_TRAINING, newer, older).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void explanation_ofAStatementOnAllWorks_namesTheParty() {
      Decision decision =
          decide(
              AI_TRAINING,
              declaration("d-1")
                  .matched(Selector.partyWorks("tate"))
                  .says(AI_TRAINING, RESERVED)
                  .build());

      assertThat(decision.explanation())
          .isEqualTo(
              "Tate reserved ai-training for this item (declaration d-1, all works of tate).");
    }

    @Test
    void equalSubjectAndCategory_newerWins() {
      Statement older = declaration("d-1").sequence(10).says(AI_TRAINING, ALLOWED).build();
      Statement newer = declaration("d-2").sequence(11).says(AI_TRAINING, RESERVED).build();

      assertThat(decide(AI_TRAINING, older, newer).verdict()).isEqualTo(Verdict.DENY);
      assertThat(decide(AI_TRAINING, newer, older).verdict()).isEqualTo(Verdict.DENY);
      assertThat(decide(AI_TRAINING, older, newer).conflict()).isFalse();
    }

    @Test
    void agentAndHolder_speakAsOneHolder() {
      Decision decision =
          decide(
              AI_TRAINING,
              declaration("d-1")
                  .sequence(1)
                  .by(TATE)
                  .forHolder(DACS)
                  .says(AI_TRAINING, RESERVED)
                  .build(),
              declaration("d-2").sequence(2).by(DACS).says(AI_TRAINING, ALLOWED).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
      assertThat(decision.conflict()).isFalse();
    }

    @Test
    void declarantSpeakingForAHolder_isNotItselfTheHolder() {
      Decision decision =
          decide(
              AI_TRAINING,
              declaration("d-1")
                  .sequence(1)
                  .by(TATE)
                  .forHolder(DACS)
                  .says(AI_TRAINING, RESERVED)
                  .build(),
              declaration("d-2").sequence(2).by(TATE).says(AI_TRAINING, ALLOWED).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
      assertThat(decision.conflict()).isTrue();
    }
  }

  @Nested
  class BetweenHolders {

    @Test
    void oneReservesAnotherAllows_deniesAndFlagsTheConflict() {
      Decision decision =
          decide(
              AI_TRAINING,
              declaration("d-1").by(TATE).says(AI_TRAINING, ALLOWED).build(),
              declaration("d-2")
                  .by(PHOTOGRAPHER)
                  .matched(Selector.domain("example.org"))
                  .says(AI_TRAINING, RESERVED)
                  .build());

      assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
      assertThat(decision.rule()).isEqualTo("reservation-conflict");
      assertThat(decision.conflict()).isTrue();
      assertThat(decision.evidence())
          .extracting(Evidence::declarationId, Evidence::decisive)
          .containsExactly(tuple("d-1", false), tuple("d-2", true));
      assertThat(decision.explanation())
          .isEqualTo(
              "photographer reserved ai-training for this item (declaration d-2, domain "
                  + "example.org); a reservation outweighs the allowance by Tate.");
    }

    @Test
    void oneReservesAnotherRequiresALicence_deniesAndFlagsTheConflict() {
      Decision decision =
          decide(
              AI_TRAINING,
              declaration("d-1").by(TATE).says(AI_TRAINING, LICENCE_REQUIRED).build(),
              declaration("d-2").by(DACS).says(TEXT_AND_DATA_MINING, RESERVED).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
      assertThat(decision.rule()).isEqualTo("reservation-conflict");
      assertThat(decision.explanation()).endsWith("outweighs the licence offer by Tate.");
    }

    @Test
    void twoReserve_deniesWithoutConflict() {
      Decision decision =
          decide(
              AI_TRAINING,
              declaration("d-1").by(TATE).says(AI_TRAINING, RESERVED).build(),
              declaration("d-2").by(DACS).says(AI_TRAINING, RESERVED).build());

      assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
      assertThat(decision.rule()).isEqualTo("reservation");
      assertThat(decision.conflict()).isFalse();
      assertThat(decision.evidence()).allMatch(Evidence::decisive);
      assertThat(decision.explanation())
          .isEqualTo(
              "Tate reserved ai-training for this item "
                  + "(declaration d-1, exact URL), as did 1 other rights holder.");
    }

    @Test
    void licenceRequiredAndAllowed_requiresALicence() {
      Decision decision =
          decide(
              AI_TRAINING,
              declaration("d-1").by(TATE).says(AI_TRAINING, ALLOWED).build(),
              declaration("d-2")
                  .by(DACS)
                  .says(AI_TRAINING, LICENCE_REQUIRED)
                  .matched(Selector.accession("tate", "AR00086"))
                  .build());

      assertThat(decision.verdict()).isEqualTo(Verdict.LICENCE_REQUIRED);
      assertThat(decision.rule()).isEqualTo("licence-required");
      assertThat(decision.conflict()).isFalse();
      assertThat(decision.evidence()).extracting(Evidence::decisive).containsExactly(false, true);
      assertThat(decision.explanation())
          .isEqualTo(
              "DACS requires a licence for ai-training of "
                  + "this item (declaration d-2, accession number AR00086 of tate).");
    }

    @Test
    void everyHolderAllows_allows() {
      Decision decision =
          decide(
              GENERATIVE_AI_TRAINING,
              declaration("d-1").by(TATE).says(AI_TRAINING, ALLOWED).build(),
              declaration("d-2")
                  .by(DACS)
                  .says(TEXT_AND_DATA_MINING, ALLOWED)
                  .matched(Selector.urlPrefix("https://example.org/gallery/"))
                  .build());

      assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
      assertThat(decision.rule()).isEqualTo("allowed");
      assertThat(decision.evidence()).allMatch(Evidence::decisive);
      assertThat(decision.explanation())
          .isEqualTo(
              "Tate allowed ai-training for this item "
                  + "(declaration d-1, exact URL), as did 1 other rights holder.");
    }
  }

  @Nested
  class Reasons {

    @Test
    void categories_holdTheEffectivePerCategoryResultsOfNamedCategories() {
      Decision decision =
          decide(
              GENERATIVE_AI_TRAINING,
              declaration("d-1").by(TATE).says(TEXT_AND_DATA_MINING, ALLOWED).build(),
              declaration("d-2").by(DACS).says(AI_TRAINING, RESERVED).build());

      assertThat(decision.categories())
          .containsExactly(
              Map.entry(TEXT_AND_DATA_MINING, ALLOWED), Map.entry(AI_TRAINING, RESERVED));
    }

    @Test
    void categories_ofTheWireFormatExample() {
      Decision decision =
          decide(
              GENERATIVE_AI_TRAINING,
              declaration("d-1").by(TATE).forHolder(DACS).says(AI_TRAINING, RESERVED).build());

      assertThat(decision.categories()).containsExactly(Map.entry(AI_TRAINING, RESERVED));
    }

    @Test
    void evidence_describesEachBearingStatementInTheGivenOrder() {
      Statement reservation =
          declaration("d-1")
              .sequence(12)
              .by(TATE)
              .forHolder(DACS)
              .says(AI_TRAINING, RESERVED)
              .rightsStatement("http://rightsstatements.org/vocab/InC/1.0/")
              .build();
      Statement unrelated = declaration("d-2").says(SEARCH_INDEXING, ALLOWED).build();

      Decision decision = decide(GENERATIVE_AI_TRAINING, unrelated, reservation);

      assertThat(decision.evidence())
          .containsExactly(
              new Evidence(
                  "registry",
                  "d-1",
                  12,
                  reservation.recordedAt(),
                  TATE,
                  DACS,
                  Selector.url(TestStatements.URL),
                  AI_TRAINING,
                  RESERVED,
                  "http://rightsstatements.org/vocab/InC/1.0/",
                  TrustLevel.SELF_ASSERTED,
                  true));
    }

    @Test
    void explanation_namesTheHolderTheSelectorAndTheDeclarant() {
      Decision decision =
          decide(
              GENERATIVE_AI_TRAINING,
              declaration("d-1").by(TATE).forHolder(DACS).says(AI_TRAINING, RESERVED).build());

      assertThat(decision.explanation())
          .isEqualTo(
              "DACS reserved ai-training for this item "
                  + "(declaration d-1, exact URL, declared by Tate).");
    }

    @Test
    void decision_doesNotDependOnTheOrderOfStatements() {
      List<Statement> statements =
          new ArrayList<>(
              List.of(
                  declaration("d-1").sequence(1).by(TATE).says(AI_TRAINING, ALLOWED).build(),
                  declaration("d-2")
                      .sequence(2)
                      .by(TATE)
                      .matched(Selector.domain("example.org"))
                      .says(AI_TRAINING, RESERVED)
                      .build(),
                  declaration("d-3")
                      .sequence(3)
                      .by(DACS)
                      .says(TEXT_AND_DATA_MINING, LICENCE_REQUIRED)
                      .build()));
      Decision forward = engine.decide(ITEM, AI_TRAINING, statements, 1, AT);
      Collections.reverse(statements);
      Decision backward = engine.decide(ITEM, AI_TRAINING, statements, 1, AT);

      assertThat(backward.verdict())
          .isEqualTo(forward.verdict())
          .isEqualTo(Verdict.LICENCE_REQUIRED);
      assertThat(backward.categories()).isEqualTo(forward.categories());
    }
  }

  @Test
  void decide_negativeRegistrySequence_isRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> engine.decide(ITEM, AI_TRAINING, List.of(), -1, AT))
        .withMessage("registrySequence must be 0 or more, but was -1");
  }

  @Test
  void decide_missingUsage_isRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> engine.decide(ITEM, null, List.of(), 1, AT))
        .withMessage("usage must not be null");
  }

  private static Selector selector(String type, String value) {
    SelectorType selectorType = SelectorType.fromId(type);
    return selectorType == SelectorType.ACCESSION
        ? Selector.accession("tate", value)
        : new Selector(selectorType, value, null);
  }
}
