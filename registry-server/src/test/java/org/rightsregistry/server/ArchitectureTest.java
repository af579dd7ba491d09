package org.rightsregistry.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** The dependency rules of the repository, each evaluated on the compiled classes. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rightsregistry");
  }

  @Test
  void clientLibraryKnowsNothingOfTheServer() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("org.rightsregistry.client..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.rightsregistry.server..",
                "org.springframework..",
                "org.jooq..",
                "org.apache.jena..")
            .because(
                "crawlers and trainers embed the client library without a server, Spring "
                    + "or Jena");
    rule.check(classes);
  }

  @Test
  void vocabulariesKnowNothingOfTheServerOrTheClient() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("org.rightsregistry.vocabulary..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.rightsregistry.server..",
                "org.rightsregistry.client..",
                "org.springframework..")
            .because("the vocabulary is published on its own and every other part depends on it");
    rule.check(classes);
  }

  @Test
  void webControllersDoNotTouchTheDatabase() {
    ArchRule rule =
        noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jooq..", "org.rightsregistry.server.persistence..")
            .because("controllers speak HTTP and call services; persistence stays behind them");
    rule.check(classes);
  }

  @Test
  void onlyPersistenceUsesJooq() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("org.rightsregistry.server.persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jooq..", "org.rightsregistry.server.persistence.jooq..")
            .because(
                "jOOQ and its generated classes are kept inside persistence, which hands out "
                    + "the registry's own records");
    rule.check(classes);
  }
}
