package org.openwaba.network.sandbox.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openwaba.testing.PostgresAvailableCondition;
import org.openwaba.testing.TestDatabases;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@ExtendWith(PostgresAvailableCondition.class)
class PostgresReceiptMigrationTests extends ReceiptMigrationContract {

  private final String schema = TestDatabases.newSchemaName();

  @Override
  DriverManagerDataSource freshDatabase() {
    return new DriverManagerDataSource(
        TestDatabases.newPostgresSchemaUrl(schema), TestDatabases.POSTGRES_USER, "");
  }

  @AfterEach
  void dropSchema() {
    TestDatabases.dropPostgresSchema(schema);
  }
}
