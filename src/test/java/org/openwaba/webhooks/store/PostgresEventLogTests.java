package org.openwaba.webhooks.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.PostgresTest;
import org.openwaba.webhooks.OutboxEvent;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What only PostgreSQL's log needs: reads that stop before a transaction still running, since its
 * ids do not follow commit order; one reader per registration among servers sharing the store; and
 * rows that pack the events of an append, which every read, count, listing and purge must take
 * apart at any event.
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
      appendOnly(registration, 1);
      try (PreparedStatement insert =
          open.prepareStatement(
              "INSERT INTO webhooks_log (registration_id, account_id, n, created_at, events)"
                  + " VALUES (?, 1, 1, ?, ?)")) {
        insert.setLong(1, registration);
        insert.setLong(2, t0.toEpochMilli());
        insert.setString(3, PackedEvents.pack(List.of(event(registration, "m2", 2))));
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

  @Test
  void anAppendIsOneRowWhoseEventsHaveConsecutiveIds() {
    List<LogPosition> ids = append(registration, 1, 2, 3);
    assertThat(ids)
        .extracting(LogPosition::id)
        .containsExactly(first(ids), first(ids) + 1, first(ids) + 2);
    assertThat(rows()).isEqualTo(1);
    List<LogPosition> more = append(registration, 4);
    assertThat(more.get(3).id()).isGreaterThan(ids.get(2).id());
    assertThat(rows()).isEqualTo(2);
  }

  @Test
  void aReadMayStopAndGoOnInsideARow() {
    List<LogPosition> ids = append(registration, 1, 2, 3, 4);

    List<ClaimedEvent> firstTwo = log.after(registration, LogPosition.START, 2);
    assertThat(firstTwo)
        .extracting(ClaimedEvent::value)
        .containsExactly("{\"seq\":1}", "{\"seq\":2}");
    List<ClaimedEvent> rest = log.after(registration, firstTwo.get(1).position(), 10);
    assertThat(rest).extracting(ClaimedEvent::position).containsExactly(ids.get(2), ids.get(3));
    assertThat(rest.get(0).orderKey()).isEqualTo("m3");
    assertThat(rest.get(0).createdAt()).isEqualTo(t0.plusMillis(3));
    assertThat(log.after(registration, ids.get(3), 10)).isEmpty();

    transactions.executeWithoutResult(tx -> log.advance(registration, ids.get(1), t0));
    assertThat(log.pending(registration)).as("half of the row").isEqualTo(2);
    assertThat(log.unsettledAfter(registration, ids.get(1)))
        .get()
        .satisfies(u -> assertThat(u.last()).isEqualTo(ids.get(3)));
  }

  @Test
  void findsListsAndRedeliversEventsInsideARow() {
    List<LogPosition> ids = append(registration, 1, 2, 3);
    transactions.executeWithoutResult(tx -> log.advance(registration, ids.get(1), t0));

    assertThat(log.find(registration, List.of(ids.get(1).id(), ids.get(2).id(), 7L)))
        .extracting(f -> f.event().value(), EventLog.Found::settled)
        .containsExactly(tuple("{\"seq\":2}", true), tuple("{\"seq\":3}", false));
    assertThat(log.find(registration + 1, List.of(ids.get(1).id())))
        .as("another registration's")
        .isEmpty();

    assertThat(log.recent(registration, null, 2))
        .extracting(OutboxEvent::id)
        .containsExactly(ids.get(2).id(), ids.get(1).id());
    assertThat(log.recent(registration, "delivered", 10))
        .extracting(OutboxEvent::id, OutboxEvent::finishedAt)
        .containsExactly(tuple(ids.get(1).id(), t0), tuple(ids.get(0).id(), t0));
    assertThat(log.recent(registration, "pending", 10))
        .extracting(OutboxEvent::id)
        .containsExactly(ids.get(2).id());
  }

  @Test
  void aListingSkipsEventsOfARowMovedToTheTable() {
    List<LogPosition> ids = append(registration, 1, 2, 3, 4, 5);
    List<ClaimedEvent> read = log.after(registration, LogPosition.START, 10);
    transactions.executeWithoutResult(
        tx ->
            events.moveIn(
                List.of(
                    new EventStore.Moved(read.get(3).asNew(), 1, null, "HTTP 500"),
                    new EventStore.Moved(read.get(1).asNew(), 1, null, "HTTP 500")),
                t0));

    assertThat(log.recent(registration, null, 2))
        .extracting(OutboxEvent::id)
        .containsExactly(ids.get(4).id(), ids.get(2).id());
    assertThat(log.recent(registration, "pending", 10))
        .extracting(OutboxEvent::id)
        .containsExactly(ids.get(4).id(), ids.get(2).id(), ids.get(0).id());
  }

  @Test
  void aRowIsPurgedOnlyOnceEveryEventInItIsSettled() {
    List<LogPosition> ids = append(registration, 1, 2);
    transactions.executeWithoutResult(
        tx -> log.advance(registration, ids.get(0), t0.minusSeconds(120)));
    transactions.executeWithoutResult(tx -> log.advance(registration, ids.get(1), t0));

    transactions.executeWithoutResult(tx -> log.purgeSettledBefore(t0.minusSeconds(60), 10));
    assertThat(log.recent(registration, null, 10)).as("its second event is newer").hasSize(2);
    transactions.executeWithoutResult(tx -> log.purgeSettledBefore(t0.plusSeconds(1), 10));
    assertThat(log.recent(registration, null, 10)).isEmpty();
  }

  @Test
  void anAppendOfMoreThanARowHoldsGoesIntoRowsWhoseIdsDoNotOverlap() {
    int[] seqs = new int[PackedEvents.MAX_PER_ROW + 1];
    for (int i = 0; i < seqs.length; i++) {
      seqs[i] = i + 1;
    }
    List<LogPosition> ids = append(registration, seqs);

    assertThat(ids).hasSize(seqs.length).isSorted().doesNotHaveDuplicates();
    assertThat(rows()).isEqualTo(2);
    assertThat(log.after(registration, ids.get(PackedEvents.MAX_PER_ROW - 1), 10))
        .extracting(ClaimedEvent::value)
        .containsExactly("{\"seq\":" + seqs.length + "}");
    assertThat(log.pending(registration)).isEqualTo(seqs.length);
  }

  private static long first(List<LogPosition> ids) {
    return ids.get(0).id();
  }

  private long rows() {
    return JdbcClient.create(dataSource)
        .sql("SELECT COUNT(*) FROM webhooks_log WHERE registration_id = ?")
        .param(registration)
        .query(Long.class)
        .single();
  }

  private boolean lease(String reader, Instant until, Instant now) {
    Boolean held = transactions.execute(tx -> log.lease(registration, reader, until, now));
    return Boolean.TRUE.equals(held);
  }
}
