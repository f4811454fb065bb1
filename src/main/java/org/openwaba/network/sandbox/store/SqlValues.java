package org.openwaba.network.sandbox.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Typed bind values for nullable columns. Binding a bare null makes Spring ask the driver for the
 * parameter's type, which costs PostgreSQL a round trip per statement.
 */
final class SqlValues {

  private SqlValues() {}

  static SqlParameterValue millis(@Nullable Instant instant) {
    return new SqlParameterValue(Types.BIGINT, instant == null ? null : instant.toEpochMilli());
  }

  static SqlParameterValue text(@Nullable String text) {
    return new SqlParameterValue(Types.VARCHAR, text);
  }

  static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
