package org.openwaba.platform.sql;

import com.zaxxer.hikari.HikariDataSource;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the one data source from {@code spring.datasource.url}: a SQLite file (the embedded
 * default, created with its folder on first start) or PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  private static final String SQLITE_PREFIX = "jdbc:sqlite:";

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
  PlatformTransactionManager transactionManager(DataSource dataSource, SqlDialect dialect) {
    return new SerializingTransactionManager(dataSource, dialect.serializesWrites());
  }

  @Bean
  TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
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
