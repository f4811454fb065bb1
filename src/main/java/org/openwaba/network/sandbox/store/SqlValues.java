package org.openwaba.network.sandbox.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Typed bind values for nullable columns, and the reading of batch results. Binding a bare null
 * makes Spring ask the driver for the parameter's type, which costs PostgreSQL a round trip per
 * statement.
 */
final class SqlValues {

  private SqlValues() {}

  static void setMillis(PreparedStatement ps, int index, @Nullable Instant instant)
      throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, instant.toEpochMilli());
    }
  }

  static void setText(PreparedStatement ps, int index, @Nullable String text) throws SQLException {
    if (text == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, text);
    }
  }

  static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  /**
   * Which rows of a batch changed something, from the driver's per-row update counts. Idempotency
   * rests on these counts, so a driver that does not report them (pgjdbc with {@code
   * reWriteBatchedInserts=true}) is refused rather than guessed around.
   */
  static boolean[] changed(int[] counts) {
    boolean[] changed = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == Statement.SUCCESS_NO_INFO) {
        throw new IllegalStateException(
            "The JDBC driver did not report per-row update counts; the sandbox needs them to"
                + " apply each message once (remove reWriteBatchedInserts from the PostgreSQL URL)");
      }
      changed[i] = counts[i] > 0;
    }
    return changed;
  }
}
