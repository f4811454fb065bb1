package org.openwaba;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module structure of STYLE.md true: no cycles, no access to another module's internals,
 * only declared dependencies. Writes the module diagrams to target/spring-modulith-docs.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(OpenWabaApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
