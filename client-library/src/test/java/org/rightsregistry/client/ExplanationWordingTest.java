package org.rightsregistry.client;

import static org.assertj.core.api.Assertions.assertThat;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The exact sentence of each kind of explanation: the explanation is part of the decision document,
 * so its wording (plurals, selectors, declarants, conflicts) is pinned word for word.
 */
class ExplanationWordingTest {

  private static final Party MUSEUM = new Party("museum", "Museum");
  private static final Party LAB = new Party("lab", "Lab");

  private final DecisionEngine engine = new DecisionEngine();

  private Decision decide(Statement... statements) {
    return engine.decide(ITEM, AI_TRAINING, List.of(statements), 5, AT);
  }

  @Test
  void reservation_byThreeHolders_countsTheOthersInThePlural() {
    Decision decision =
        decide(
            declaration("d-1").by(TATE).says(AI_TRAINING, RESERVED).build(),
            declaration("d-2").by(DACS).says(AI_TRAINING, RESERVED).build(),
            declaration("d-3").by(MUSEUM).says(AI_TRAINING, RESERVED).build());

    assertThat(decision.explanation())
        .isEqualTo(
            "Tate reserved ai-training for this item (declaration d-1, exact URL), "
                + "as did 2 other rights holders.");
  }

  @Test
  void reservation_overTwoDifferingHolders_namesTheFirstAndCountsTheOther() {
    Decision decision =
        decide(
            declaration("d-1").by(TATE).says(AI_TRAINING, RESERVED).build(),
            declaration("d-2").by(DACS).says(AI_TRAINING, ALLOWED).build(),
            declaration("d-3").by(MUSEUM).says(AI_TRAINING, LICENCE_REQUIRED).build());

    assertThat(decision.explanation())
        .isEqualTo(
            "Tate reserved ai-training for this item (declaration d-1, exact URL); "
                + "a reservation outweighs the differing statements of DACS and 1 other rights "
                + "holder.");
  }

  @Test
  void reservation_overThreeDifferingHolders_countsTheOthersInThePlural() {
    Decision decision =
        decide(
            declaration("d-1").by(TATE).says(AI_TRAINING, RESERVED).build(),
            declaration("d-2").by(DACS).says(AI_TRAINING, ALLOWED).build(),
            declaration("d-3").by(MUSEUM).says(AI_TRAINING, LICENCE_REQUIRED).build(),
            declaration("d-4").by(LAB).says(AI_TRAINING, ALLOWED).build());

    assertThat(decision.explanation())
        .isEqualTo(
            "Tate reserved ai-training for this item (declaration d-1, exact URL); "
                + "a reservation outweighs the differing statements of DACS and 2 other rights "
                + "holders.");
  }

  @Test
  void reservation_overALicence_namesTheAgreementAndItsLicensor() {
    Agreement agreement =
        new Agreement(
            "a-1",
            3,
            AT.minusSeconds(60),
            DACS,
            LAB,
            Selector.url(TestStatements.URL),
            Set.of(AI_TRAINING),
            null,
            null,
            null);
    Decision decision =
        engine.decide(
            DecisionRequest.builder(ITEM, AI_TRAINING, AT)
                .statements(
                    List.of(
                        declaration("d-1").by(TATE).says(AI_TRAINING, RESERVED).build(),
                        declaration("d-2").by(DACS).says(AI_TRAINING, LICENCE_REQUIRED).build()))
                .agreements(List.of(agreement))
                .requester(LAB.id())
                .build());

    assertThat(decision.explanation())
        .isEqualTo(
            "Tate reserved ai-training for this item (declaration d-1, exact URL); "
                + "a reservation outweighs the licence agreement a-1 by DACS, which covers only "
                + "its own rights.");
  }

  @Test
  void licenceRequired_byTwoHolders_saysAsDo() {
    Decision decision =
        decide(
            declaration("d-1")
                .by(TATE)
                .says(AI_TRAINING, LICENCE_REQUIRED)
                .matched(Selector.urlPrefix("https://example.org/gallery/"))
                .build(),
            declaration("d-2")
                .by(DACS)
                .says(AI_TRAINING, LICENCE_REQUIRED)
                .matched(Selector.domain("example.org"))
                .build());

    assertThat(decision.explanation())
        .isEqualTo(
            "Tate requires a licence for ai-training of this item (declaration d-1, URL prefix "
                + "https://example.org/gallery/), as do 1 other rights holder.");
  }

  @Test
  void allowance_throughADomain_byADeclarantForAHolder_namesBoth() {
    Decision decision =
        decide(
            declaration("d-1")
                .by(DACS)
                .forHolder(PHOTOGRAPHER)
                .says(Usage.TEXT_AND_DATA_MINING, ALLOWED)
                .matched(Selector.domain("example.org"))
                .build());

    assertThat(decision.explanation())
        .isEqualTo(
            PHOTOGRAPHER.displayName()
                + " allowed text-and-data-mining for this item (declaration d-1, domain "
                + "example.org, declared by DACS).");
  }

  @Test
  void tenHolders_aLaterMoreSpecificReservationOfTheFirstHolder_winsForIt() {
    List<Statement> statements = tenHoldersAllowingThroughTheDomain();
    statements.add(declaration("d-last").by(holder(0)).says(AI_TRAINING, RESERVED).build());

    Decision decision = engine.decide(ITEM, AI_TRAINING, statements, 5, AT);

    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.explanation())
        .isEqualTo(
            "Holder 0 reserved ai-training for this item (declaration d-last, exact URL); "
                + "a reservation outweighs the differing statements of Holder 1 and 8 other "
                + "rights holders.");
    assertThat(decision.evidence())
        .filteredOn(Evidence::decisive)
        .extracting(Evidence::declarationId)
        .containsExactly("d-last");
  }

  @Test
  void tenHolders_aLaterLessSpecificReservationOfTheFirstHolder_losesForIt() {
    List<Statement> statements = tenHoldersAllowingThroughTheDomain();
    statements.add(
        declaration("d-last")
            .by(holder(9))
            .says(AI_TRAINING, RESERVED)
            .matched(Selector.domain("org"))
            .build());

    Decision decision = engine.decide(ITEM, AI_TRAINING, statements, 5, AT);

    assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(decision.explanation())
        .isEqualTo(
            "Holder 0 allowed ai-training for this item (declaration d-0, domain example.org), "
                + "as did 9 other rights holders.");
    assertThat(decision.evidence()).filteredOn(Evidence::decisive).hasSize(10);
  }

  private static List<Statement> tenHoldersAllowingThroughTheDomain() {
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      statements.add(
          declaration("d-" + i)
              .by(holder(i))
              .says(AI_TRAINING, ALLOWED)
              .matched(Selector.domain("example.org"))
              .build());
    }
    return statements;
  }

  private static Party holder(int i) {
    return new Party("holder-" + i, "Holder " + i);
  }

  @Test
  void reservation_throughAContentHash_namesTheHash() {
    Decision decision =
        decide(
            declaration("d-1")
                .by(TATE)
                .says(AI_TRAINING, RESERVED)
                .matched(Selector.sha256("ab".repeat(32)))
                .build());

    assertThat(decision.explanation())
        .isEqualTo("Tate reserved ai-training for this item (declaration d-1, content hash).");
  }
}
