package org.openwaba.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Multi-row inserts on a real SQLite file: chunking at the boundary, and RETURNING. */
class MultiRowInsertTests {

  private JdbcTemplate jdbc;

  private final MultiRowInsert<Integer> insert =
      new MultiRowInsert<>(
          "INSERT INTO item (id, name)",
          2,
          "ON CONFLICT (id) DO NOTHING",
          (ps, first, id) -> {
            ps.setInt(first, id);
            ps.setString(first + 1, "n" + id);
          });

  @BeforeEach
  void database() {
    jdbc = new JdbcTemplate(new SingleConnectionDataSource(TestDatabases.newSqliteUrl(), true));
    jdbc.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  }

  @Test
  void insertsEveryRowAcrossChunksAtTheBoundary() {
    List<Integer> exactlyOneChunk = IntStream.range(0, MultiRowInsert.MAX_ROWS).boxed().toList();
    List<Integer> oneMore =
        IntStream.range(1000, 1000 + MultiRowInsert.MAX_ROWS + 1).boxed().toList();

    assertThat(insert.insertAll(jdbc, exactlyOneChunk)).isEqualTo(MultiRowInsert.MAX_ROWS);
    assertThat(insert.insertAll(jdbc, oneMore)).isEqualTo(MultiRowInsert.MAX_ROWS + 1);
    assertThat(insert.insertAll(jdbc, List.of())).isZero();

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item", Integer.class))
        .isEqualTo(2 * MultiRowInsert.MAX_ROWS + 1);
    assertThat(jdbc.queryForObject("SELECT name FROM item WHERE id = 1100", String.class))
        .isEqualTo("n1100");
  }

  @Test
  void returnsTheKeysOfTheRowsActuallyInserted() {
    insert.insertAll(jdbc, List.of(1, 2));

    assertThat(insert.insertAllReturning(jdbc, List.of(2, 3, 3, 4), "id"))
        .containsExactlyInAnyOrder("3", "4");
  }

  @Test
  void refusesARowWithoutColumns() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new MultiRowInsert<Integer>("INSERT INTO item ()", 0, "", (p, f, r) -> {}))
        .withMessageContaining("columns must be positive, was 0");
  }
}
