package org.openwaba.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh, real databases for tests: a SQLite file in a temporary folder, or a new schema in the
 * PostgreSQL server at 127.0.0.1:5432 (database {@code test}, trust authentication). Nothing is
 * ever in memory.
 */
public final class TestDatabases {

  public static final String POSTGRES_HOST =
      System.getenv().getOrDefault("OPENWABA_TEST_PG_HOST", "127.0.0.1");
  public static final String POSTGRES_BASE_URL =
      "jdbc:postgresql://" + POSTGRES_HOST + ":5432/test";
  public static final String POSTGRES_USER =
      System.getenv().getOrDefault("OPENWABA_TEST_PG_USER", "postgres");

  /**
   * A non-UTC session time zone with a half-hour offset, as db-scheduler does, so that code that
   * wrongly depends on the session zone fails in tests.
   */
  public static final String SESSION_TIME_ZONE = "Asia/Kolkata";

  private TestDatabases() {}

  /** A JDBC URL of a new SQLite file in a new temporary folder. */
  public static String newSqliteUrl() {
    try {
      Path dir = Files.createTempDirectory("openwaba-test-");
      dir.toFile().deleteOnExit();
      return "jdbc:sqlite:" + dir.resolve("openwaba.db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the PostgreSQL server answers. */
  public static boolean postgresAvailable() {
    try (Connection ignored =
        DriverManager.getConnection(POSTGRES_BASE_URL + "?connectTimeout=2", POSTGRES_USER, "")) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Creates a new schema and returns a JDBC URL whose connections use it, in a non-UTC zone. */
  public static String newPostgresSchemaUrl(String schema) {
    execute("CREATE SCHEMA " + schema);
    return POSTGRES_BASE_URL
        + "?currentSchema="
        + schema
        + "&options=-c%20TimeZone%3D"
        + SESSION_TIME_ZONE.replace("/", "%2F");
  }

  /** A schema name no other test run uses. */
  public static String newSchemaName() {
    return "ow_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  }

  public static void dropPostgresSchema(String schema) {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(POSTGRES_BASE_URL, POSTGRES_USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + POSTGRES_BASE_URL + ": " + e.getMessage(), e);
    }
  }
}
