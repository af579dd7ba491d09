package org.rightsregistry.vocabulary;

import java.util.List;

/**
 * The vocabulary could not be loaded: it is missing, unparsable, or breaks one of the rules in the
 * module README. The message names every term at fault and the rule it breaks, so a program that
 * loads the vocabulary at start-up can stop with it as it is.
 */
public final class InvalidVocabularyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidVocabularyException(String source, List<String> problems) {
    super(message(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem found, one sentence each, in a stable order. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String source, List<String> problems) {
    String noun = problems.size() == 1 ? "problem" : "problems";
    return "The vocabulary "
        + source
        + " is invalid; fix "
        + problems.size()
        + " "
        + noun
        + ":\n  "
        + String.join("\n  ", problems);
  }
}
