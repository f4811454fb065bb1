package org.openwaba.webhooks.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.PostgresTest;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What only PostgreSQL's log needs: reads that stop before a transaction still running, since its
 * ids do not follow commit order, and one reader per registration among servers sharing the store.
 */
@PostgresTest
class PostgresEventLogTests extends EventLogContract {

  @Autowired DataSource dataSource;

  @Test
  void aReadStopsBeforeATransactionStillRunningAndMissesNothingOnceItCommits() throws Exception {
    try (Connection open = dataSource.getConnection()) {
      open.setAutoCommit(false);
      long openTx;
      try (PreparedStatement xid = open.prepareStatement("SELECT pg_current_xact_id()::text");
          ResultSet rs = xid.executeQuery()) {
        rs.next();
        openTx = Long.parseLong(rs.getString(1));
      }
      // Committed by a transaction that started after the open one: a larger tx, a smaller id.
      append(registration, 1);
      try (PreparedStatement insert =
          open.prepareStatement(
              "INSERT INTO webhooks_log (registration_id, account_id, kind, order_key, order_seq,"
                  + " value, created_at) VALUES (?, 1, 'message_status', 'm2', 2, '{\"seq\":2}',"
                  + " ?)")) {
        insert.setLong(1, registration);
        insert.setLong(2, t0.toEpochMilli());
        insert.executeUpdate();
      }

      assertThat(log.after(registration, LogPosition.START, 10))
          .as("the committed event waits behind the open transaction")
          .isEmpty();
      open.commit();
      List<ClaimedEvent> read = log.after(registration, LogPosition.START, 10);
      assertThat(read)
          .extracting(ClaimedEvent::value)
          .containsExactly("{\"seq\":2}", "{\"seq\":1}");
      assertThat(read.get(0).logTx()).isEqualTo(openTx);
      assertThat(read.get(0).id()).isGreaterThan(read.get(1).id());
      assertThat(log.after(registration, read.get(0).position(), 10))
          .extracting(ClaimedEvent::value)
          .containsExactly("{\"seq\":1}");
    }
  }

  @Test
  void oneServerAtATimeReadsARegistrationsLog() {
    Instant now = t0;
    assertThat(lease("a", now.plusSeconds(60), now)).isTrue();
    assertThat(lease("b", now.plusSeconds(60), now.plusSeconds(59)))
        .as("held by a until its lease ends")
        .isFalse();
    assertThat(lease("a", now.plusSeconds(120), now.plusSeconds(59))).as("renewed").isTrue();
    assertThat(lease("b", now.plusSeconds(180), now.plusSeconds(119))).isFalse();
    assertThat(lease("b", now.plusSeconds(180), now.plusSeconds(121)))
        .as("a's lease ended: b takes it over")
        .isTrue();
    assertThat(lease("a", now.plusSeconds(240), now.plusSeconds(122))).isFalse();

    transactions.executeWithoutResult(tx -> log.release(registration, "a"));
    assertThat(lease("a", now.plusSeconds(240), now.plusSeconds(122)))
        .as("only the holder's release counts")
        .isFalse();
    transactions.executeWithoutResult(tx -> log.release(registration, "b"));
    assertThat(lease("a", now.plusSeconds(240), now.plusSeconds(122)))
        .as("released: taken at once")
        .isTrue();
    assertThat(lease("a", now.plusSeconds(240), now.plusSeconds(122))).isTrue();

    transactions.executeWithoutResult(tx -> log.deleteRegistration(registration));
    assertThat(lease("b", now.plusSeconds(240), now.plusSeconds(122)))
        .as("a deleted registration's lease goes with it")
        .isTrue();
  }

  private boolean lease(String reader, Instant until, Instant now) {
    Boolean held = transactions.execute(tx -> log.lease(registration, reader, until, now));
    return Boolean.TRUE.equals(held);
  }
}
