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
  public boolean isProductionStore() {
    return true;
  }
}
