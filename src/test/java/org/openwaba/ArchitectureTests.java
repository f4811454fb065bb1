package org.openwaba;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

/** The rules of STYLE.md §9 that Spring Modulith does not check. */
class ArchitectureTests {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.openwaba");

  @Test
  void onlyStoresAndPlatformUseJdbc() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..store..", "org.openwaba.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
        .check(CLASSES);
  }

  @Test
  void controllersLiveInWebPackages() {
    noClasses()
        .that()
        .areAnnotatedWith(RestController.class)
        .should()
        .resideOutsideOfPackage("..web..")
        .check(CLASSES);
  }

  @Test
  void platformDependsOnNoFeatureModule() {
    noClasses()
        .that()
        .resideInAPackage("org.openwaba.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.openwaba.accounts..",
            "org.openwaba.messaging..",
            "org.openwaba.network..",
            "org.openwaba.compliance..",
            "org.openwaba.templates..",
            "org.openwaba.media..",
            "org.openwaba.webhooks..",
            "org.openwaba.console..")
        .check(CLASSES);
  }

  @Test
  void noFieldInjection() {
    fields().should().notBeAnnotatedWith(Autowired.class).check(CLASSES);
  }
}
