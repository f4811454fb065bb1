package org.openwaba.network.sandbox.store;

import org.openwaba.testing.TestDatabases;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class SqliteReceiptMigrationTests extends ReceiptMigrationContract {

  @Override
  DriverManagerDataSource freshDatabase() {
    return new DriverManagerDataSource(TestDatabases.newSqliteUrl());
  }
}
