package org.openwaba.platform.sql;

import org.openwaba.platform.SqlDialect;

final class SqliteDialect implements SqlDialect {

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public boolean serializesWrites() {
    return true;
  }

  @Override
  public String claimingRowsOf(String table) {
    return "";
  }

  @Override
  public boolean sharedByServers() {
    return false;
  }

  @Override
  public boolean isProductionStore() {
    return false;
  }
}
