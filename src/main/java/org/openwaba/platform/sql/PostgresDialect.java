package org.openwaba.platform.sql;

import org.openwaba.platform.SqlDialect;

final class PostgresDialect implements SqlDialect {

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public boolean serializesWrites() {
    return false;
  }

  @Override
  public String claimingRowsOf(String table) {
    return " FOR UPDATE OF " + table + " SKIP LOCKED";
  }

  @Override
  public boolean sharedByServers() {
    return true;
  }

  @Override
  public boolean isProductionStore() {
    return true;
  }
}
