package org.openwaba.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Points a test application context at a new PostgreSQL schema, dropped when it closes. */
public class PostgresDatabaseInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String schema = TestDatabases.newSchemaName();
    TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
        context,
        "spring.datasource.url=" + TestDatabases.newPostgresSchemaUrl(schema),
        "spring.datasource.username=" + TestDatabases.POSTGRES_USER);
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) {
            TestDatabases.dropPostgresSchema(schema);
          }
        });
  }
}
