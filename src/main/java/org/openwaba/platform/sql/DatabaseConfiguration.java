package org.openwaba.platform.sql;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.openwaba.platform.PlatformProperties;
import org.openwaba.platform.SqlDialect;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the one data source from {@code spring.datasource.url}: a SQLite file (the embedded
 * default, created with its folder on first start) or PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  private static final String SQLITE_PREFIX = "jdbc:sqlite:";
  private static final int AUTO_CHECKPOINT_PAGES = 50_000;

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(DataSourceProperties properties, PlatformProperties platform) {
    String url = properties.determineUrl();
    HikariDataSource dataSource =
        properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    dataSource.setPoolName("openwaba");
    if (url.startsWith(SQLITE_PREFIX)) {
      prepareSqliteFile(url);
      dataSource.setMaximumPoolSize(platform.sqlitePoolSize());
      dataSource.addDataSourceProperty("journal_mode", "WAL");
      dataSource.addDataSourceProperty(
          "synchronous", platform.sqliteSynchronous().toUpperCase(Locale.ROOT));
      dataSource.addDataSourceProperty("busy_timeout", "30000");
      dataSource.addDataSourceProperty("foreign_keys", "true");
      // A page cache and memory-mapped reads big enough for the hot indexes keep the single
      // writer from waiting on read system calls while it holds the write lock.
      dataSource.addDataSourceProperty("cache_size", "-32768");
      dataSource.addDataSourceProperty("mmap_size", "268435456");
      dataSource.addDataSourceProperty("temp_store", "MEMORY");
      // Checkpoints run in the background (SqliteCheckpointer) instead of inside whichever commit
      // crosses the default 1,000-page threshold, where they held the write lock for tens of
      // milliseconds. The high threshold stays as a safety net should the background stop.
      dataSource.setConnectionInitSql("PRAGMA wal_autocheckpoint=" + AUTO_CHECKPOINT_PAGES);
    }
    return dataSource;
  }

  @Bean
  SqlDialect sqlDialect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return switch (product.toLowerCase(Locale.ROOT)) {
        case "sqlite" -> new SqliteDialect();
        case "postgresql" -> new PostgresDialect();
        default ->
            throw new IllegalStateException(
                "Unsupported database '" + product + "': use SQLite or PostgreSQL");
      };
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
    }
  }

  @Bean
  SerializingTransactionManager transactionManager(
      DataSource dataSource, SqlDialect dialect, MeterRegistry registry) {
    return new SerializingTransactionManager(dataSource, dialect.serializesWrites(), registry);
  }

  @Bean
  SqliteCheckpointer sqliteCheckpointer(
      DataSource dataSource, SqlDialect dialect, SerializingTransactionManager transactions) {
    return new SqliteCheckpointer(dataSource, dialect.name().equals("sqlite"), transactions);
  }

  @Bean
  TransactionTemplate transactionTemplate(SerializingTransactionManager transactionManager) {
    return new TransactionTemplate(transactionManager);
  }

  /**
   * SQLite creates the file but not its folder; an in-memory database would break the promise that
   * an accepted message survives a crash, so it is refused.
   */
  static void prepareSqliteFile(String url) {
    String location = url.substring(SQLITE_PREFIX.length());
    int query = location.indexOf('?');
    if (query >= 0) {
      location = location.substring(0, query);
    }
    if (location.isEmpty() || location.contains(":memory:") || location.contains("mode=memory")) {
      throw new IllegalStateException(
          "In-memory SQLite is not supported: accepted messages must survive a restart. "
              + "Give a file path, such as jdbc:sqlite:./data/openwaba.db");
    }
    if (location.startsWith("file:")) {
      location = location.substring("file:".length());
    }
    Path parent = Path.of(location).toAbsolutePath().getParent();
    if (parent != null) {
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the data folder " + parent, e);
      }
    }
  }
}
