package org.openwaba.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows with one statement ({@code INSERT ... VALUES (...), (...), ...}), in chunks of
 * {@link #MAX_ROWS}. Both databases execute such a statement once, where a JDBC batch of single-row
 * inserts executes once per row: on PostgreSQL that is the difference between one round trip's work
 * and one per row, on SQLite between one and many trips through the driver's native calls
 * (docs/benchmarks.md). Immutable and thread-safe.
 *
 * @param <T> the row type
 */
public final class MultiRowInsert<T> {

  /** Rows per statement; keeps the parameters far below SQLite's limit of 32,766 per statement. */
  public static final int MAX_ROWS = 100;

  /** Binds one row's values, starting at parameter {@code first}. */
  @FunctionalInterface
  public interface Binder<T> {
    void bind(PreparedStatement statement, int first, T row) throws SQLException;
  }

  private final String insertInto;
  private final int columns;
  private final String suffix;
  private final Binder<T> binder;

  /**
   * @param insertInto the statement up to {@code VALUES}, such as {@code INSERT INTO t (a, b)}
   * @param columns the number of values per row
   * @param suffix what follows the values, such as an {@code ON CONFLICT} clause, or empty
   */
  public MultiRowInsert(String insertInto, int columns, String suffix, Binder<T> binder) {
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be positive, was " + columns);
    }
    this.insertInto = Objects.requireNonNull(insertInto, "insertInto");
    this.columns = columns;
    this.suffix = Objects.requireNonNull(suffix, "suffix");
    this.binder = Objects.requireNonNull(binder, "binder");
  }

  /** Inserts every row; returns how many rows the statements changed. */
  public int insertAll(JdbcTemplate jdbc, List<? extends T> rows) {
    int changed = 0;
    for (int from = 0; from < rows.size(); from += MAX_ROWS) {
      List<? extends T> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS));
      changed += jdbc.update(sql(chunk.size(), ""), statement -> bindAll(statement, chunk));
    }
    return changed;
  }

  /**
   * Inserts every row and returns the value of {@code keyColumn} of each row actually inserted
   * (with a suffix such as {@code ON CONFLICT DO NOTHING}, the ones not skipped). Both databases
   * support {@code RETURNING}.
   */
  public Set<String> insertAllReturning(
      JdbcTemplate jdbc, List<? extends T> rows, String keyColumn) {
    Set<String> inserted = new HashSet<>();
    for (int from = 0; from < rows.size(); from += MAX_ROWS) {
      List<? extends T> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS));
      jdbc.query(
          sql(chunk.size(), " RETURNING " + keyColumn),
          statement -> bindAll(statement, chunk),
          resultSet -> {
            inserted.add(resultSet.getString(1));
          });
    }
    return inserted;
  }

  private void bindAll(PreparedStatement statement, List<? extends T> chunk) throws SQLException {
    int first = 1;
    for (T row : chunk) {
      binder.bind(statement, first, row);
      first += columns;
    }
  }

  private String sql(int rows, String returning) {
    StringBuilder placeholders = new StringBuilder(columns * 3);
    placeholders.append('(');
    for (int i = 0; i < columns; i++) {
      placeholders.append(i == 0 ? "?" : ", ?");
    }
    placeholders.append(')');
    StringBuilder sql =
        new StringBuilder(insertInto.length() + rows * (placeholders.length() + 2) + 64);
    sql.append(insertInto).append(" VALUES ");
    for (int i = 0; i < rows; i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append(placeholders);
    }
    if (!suffix.isEmpty()) {
      sql.append(' ').append(suffix);
    }
    return sql.append(returning).toString();
  }
}
