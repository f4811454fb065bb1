package org.openwaba.webhooks.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openwaba.platform.SqlDialect;
import org.openwaba.testing.PostgresAvailableCondition;
import org.openwaba.testing.TestDatabases;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.openwaba.webhooks.store.EventStore.NewEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Upgrading PostgreSQL's webhook log to packed rows (V34) keeps every queued event under its id,
 * with its fields, and never gives an id again, not even one whose row was purged.
 */
@ExtendWith(PostgresAvailableCondition.class)
class PostgresPackedLogMigrationTests {

  private final String schema = TestDatabases.newSchemaName();

  private final DriverManagerDataSource dataSource =
      new DriverManagerDataSource(
          TestDatabases.newPostgresSchemaUrl(schema), TestDatabases.POSTGRES_USER, "");

  @AfterEach
  void dropSchema() {
    TestDatabases.dropPostgresSchema(schema);
  }

  private Flyway flyway(String target) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
        .target(target)
        .load();
  }

  @Test
  void keepsEveryQueuedEventUnderItsIdAndNeverGivesAnIdAgain() {
    flyway("33").migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    long first = legacy(jdbc, 5, "wamid.A", 1, "{\"status\":\"sent\"}", 1_000);
    long second = legacy(jdbc, 5, null, 0, "{\"text\":\"é 😀\"}", 2_000);
    long other = legacy(jdbc, 6, "wamid.B", 2, "{}", 3_000);
    long purged = legacy(jdbc, 6, "wamid.C", 3, "{}", 4_000);
    jdbc.sql("DELETE FROM webhooks_log WHERE id = ?").param(purged).update();

    flyway("latest").migrate();
    EventLog log = new EventLog(jdbc, new JdbcTemplate(dataSource), postgres());

    List<ClaimedEvent> read = log.after(5, LogPosition.START, 10);
    assertThat(read)
        .extracting(
            ClaimedEvent::id,
            ClaimedEvent::orderKey,
            ClaimedEvent::orderSeq,
            ClaimedEvent::kind,
            ClaimedEvent::value,
            ClaimedEvent::createdAt)
        .containsExactly(
            tuple(
                first,
                "wamid.A",
                1L,
                WebhookEvent.MESSAGE_STATUS,
                "{\"status\":\"sent\"}",
                Instant.ofEpochMilli(1_000)),
            tuple(
                second,
                null,
                0L,
                WebhookEvent.MESSAGE_STATUS,
                "{\"text\":\"é 😀\"}",
                Instant.ofEpochMilli(2_000)));
    assertThat(log.after(6, LogPosition.START, 10))
        .extracting(ClaimedEvent::id)
        .containsExactly(other);

    new TransactionTemplate(new DataSourceTransactionManager(dataSource))
        .executeWithoutResult(
            tx ->
                log.append(
                    List.of(
                        new NewEvent(
                            0,
                            6,
                            1,
                            WebhookEvent.MESSAGE_STATUS,
                            "wamid.D",
                            1,
                            "{}",
                            Instant.ofEpochMilli(5_000)))));
    List<ClaimedEvent> after = log.after(6, LogPosition.START, 10);
    assertThat(after).hasSize(2);
    assertThat(after.get(1).id()).as("past the purged row's id").isGreaterThan(purged);
  }

  private static long legacy(
      JdbcClient jdbc, long registration, String key, long seq, String value, long createdAt) {
    return jdbc.sql(
            "INSERT INTO webhooks_log (registration_id, account_id, kind, order_key, order_seq,"
                + " value, created_at) VALUES (?, 1, 'message_status', ?, ?, ?, ?) RETURNING id")
        .params(registration, key, seq, value, createdAt)
        .query(Long.class)
        .single();
  }

  private static SqlDialect postgres() {
    return new SqlDialect() {
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
        return "FOR UPDATE OF " + table + " SKIP LOCKED";
      }

      @Override
      public boolean sharedByServers() {
        return true;
      }

      @Override
      public boolean isProductionStore() {
        return true;
      }
    };
  }
}
