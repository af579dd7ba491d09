package org.rightsregistry.server.vocabulary;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.rightsregistry.client.Usage;
import org.rightsregistry.vocabulary.UsageVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the published usage vocabulary when the server starts. A vocabulary that fails its rules,
 * or that disagrees with the client library's categories the decisions are made with, stops the
 * start with a message naming the term.
 */
@Configuration(proxyBeanMethods = false)
class VocabularyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(VocabularyConfiguration.class);

  @Bean
  UsageVocabulary usageVocabulary() {
    UsageVocabulary vocabulary = UsageVocabulary.loadDefault();
    checkAgreesWithTheClientLibrary(vocabulary);
    log.info("Loaded the usage vocabulary with {} categories", vocabulary.categoryIds().size());
    return vocabulary;
  }

  static void checkAgreesWithTheClientLibrary(UsageVocabulary vocabulary) {
    Set<String> inVocabulary = new TreeSet<>(vocabulary.categoryIds());
    Set<String> inClient = new TreeSet<>();
    Arrays.stream(Usage.values()).map(Usage::id).forEach(inClient::add);
    if (!inVocabulary.equals(inClient)) {
      throw new IllegalStateException(
          "The usage vocabulary defines "
              + inVocabulary
              + " but the client library decides with "
              + inClient
              + "; regenerate or fix one of them so they agree");
    }
    for (Usage usage : Usage.values()) {
      String broader = usage.broader().map(Usage::id).orElse(null);
      if (!java.util.Objects.equals(vocabulary.broader(usage.id()).orElse(null), broader)) {
        throw new IllegalStateException(
            "The usage vocabulary puts "
                + usage.id()
                + " under "
                + vocabulary.broader(usage.id()).orElse("nothing")
                + " but the client library puts it under "
                + broader);
      }
    }
  }
}
