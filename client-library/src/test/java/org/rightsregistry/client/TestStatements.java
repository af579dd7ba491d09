package org.rightsregistry.client;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Builds engine input for tests: a statement with sensible defaults, one detail at a time. */
final class TestStatements {

  static final String URL = "https://example.org/gallery/a.jpg";
  static final Item ITEM = Item.url(URL);
  static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
  static final Party TATE = new Party("tate", "Tate");
  static final Party DACS = new Party("dacs", "DACS");
  static final Party PHOTOGRAPHER = new Party("photographer", null);

  private final String declarationId;
  private long sequence = 1;
  private Party declarant = TATE;
  private Party rightsHolder;
  private Selector matched = Selector.url(URL);
  private final Map<Usage, Effect> usages = new EnumMap<>(Usage.class);
  private String rightsStatement;
  private Instant validFrom;
  private Instant validUntil;

  private TestStatements(String declarationId) {
    this.declarationId = declarationId;
  }

  static TestStatements declaration(String declarationId) {
    return new TestStatements(declarationId);
  }

  TestStatements sequence(long sequence) {
    this.sequence = sequence;
    return this;
  }

  TestStatements by(Party declarant) {
    this.declarant = declarant;
    return this;
  }

  TestStatements forHolder(Party rightsHolder) {
    this.rightsHolder = rightsHolder;
    return this;
  }

  TestStatements matched(Selector matched) {
    this.matched = matched;
    return this;
  }

  TestStatements says(Usage usage, Effect effect) {
    usages.put(usage, effect);
    return this;
  }

  TestStatements rightsStatement(String rightsStatement) {
    this.rightsStatement = rightsStatement;
    return this;
  }

  TestStatements validFrom(Instant validFrom) {
    this.validFrom = validFrom;
    return this;
  }

  TestStatements validUntil(Instant validUntil) {
    this.validUntil = validUntil;
    return this;
  }

  Statement build() {
    return new Statement(
        declarationId,
        sequence,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(sequence),
        declarant,
        rightsHolder,
        matched,
        usages,
        rightsStatement,
        validFrom,
        validUntil,
        TrustLevel.SELF_ASSERTED);
  }
}
