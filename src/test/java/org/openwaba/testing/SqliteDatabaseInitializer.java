package org.openwaba.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Points a test application context at a new SQLite file. */
public class SqliteDatabaseInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
        context, "spring.datasource.url=" + TestDatabases.newSqliteUrl());
  }
}
