package org.openwaba.webhooks.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openwaba.webhooks.OutboxEvent;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.openwaba.webhooks.store.EventStore.Moved;
import org.openwaba.webhooks.store.EventStore.NewEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only outbox on a real store: a registration's events read in log order and never
 * reused ids, progress as steps, events listed with the state their progress gives them, the purge
 * and the reader's lease. The registrations here have no row, so the running delivery worker never
 * reads these events.
 */
abstract class EventLogContract {

  /** Now, not a fixed past day: the worker's housekeeping purges what was settled a week ago. */
  final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Autowired EventLog log;
  @Autowired EventStore events;
  @Autowired OutboxEvents outbox;
  @Autowired TransactionTemplate transactions;

  final long registration = System.nanoTime() & 0xFFFFFFFFFFFFL;

  NewEvent event(long registrationId, @Nullable String key, int seq) {
    return new NewEvent(
        0,
        registrationId,
        1L,
        WebhookEvent.MESSAGE_STATUS,
        key,
        seq,
        "{\"seq\":" + seq + "}",
        t0.plusMillis(seq));
  }

  /**
   * Appends in one transaction and returns every position of the registration once the new ones can
   * be read. On PostgreSQL a read waits behind any transaction still running on the server,
   * including those of other tests' servers, so the new events may take a moment to appear.
   */
  List<LogPosition> append(long registrationId, int... seqs) {
    int before = positions(registrationId).size();
    appendOnly(registrationId, seqs);
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> positions(registrationId), all -> all.size() == before + seqs.length);
  }

  /** Appends in one transaction, without waiting to read the events back. */
  void appendOnly(long registrationId, int... seqs) {
    transactions.executeWithoutResult(
        tx -> {
          List<NewEvent> batch = new ArrayList<>();
          for (int seq : seqs) {
            batch.add(event(registrationId, "m" + seq, seq));
          }
          log.append(batch);
        });
  }

  private List<LogPosition> positions(long registrationId) {
    return log.after(registrationId, LogPosition.START, 5000).stream()
        .map(ClaimedEvent::position)
        .toList();
  }

  private void advance(LogPosition through, Instant at) {
    transactions.executeWithoutResult(tx -> log.advance(registration, through, at));
  }

  @Test
  void readsOneRegistrationsEventsInCommitOrderAfterAnId() {
    long other = registration + 1;
    append(registration, 1, 2);
    append(other, 9);
    List<LogPosition> ids = append(registration, 3);

    assertThat(ids).hasSize(3).isSorted().doesNotHaveDuplicates();
    List<ClaimedEvent> afterFirst = log.after(registration, ids.get(0), 10);
    assertThat(afterFirst)
        .extracting(ClaimedEvent::value)
        .containsExactly("{\"seq\":2}", "{\"seq\":3}");
    ClaimedEvent second = afterFirst.get(0);
    assertThat(second.fromLog()).isTrue();
    assertThat(second.orderKey()).isEqualTo("m2");
    assertThat(second.orderSeq()).isEqualTo(2);
    assertThat(second.accountId()).isEqualTo(1L);
    assertThat(second.createdAt()).isEqualTo(t0.plusMillis(2));
    assertThat(log.after(registration, LogPosition.START, 2))
        .extracting(ClaimedEvent::position)
        .containsExactly(ids.get(0), ids.get(1));
    assertThat(log.after(registration, ids.get(2), 10)).isEmpty();
  }

  @Test
  void neverReusesAnIdEvenAfterTheNewestEventsWereDeleted() {
    long doomed = registration + 2;
    append(registration, 1);
    long newest = append(doomed, 1, 2).get(1).id();
    transactions.executeWithoutResult(tx -> log.deleteRegistration(doomed));

    long next = append(registration, 2).get(1).id();
    assertThat(next).as("ids follow commit order past deleted rows").isGreaterThan(newest);
  }

  @Test
  void progressDecidesWhichEventsAreDeliveredAndWhen() {
    List<LogPosition> ids = append(registration, 1, 2, 3);
    assertThat(log.deliveredThrough(registration)).isEqualTo(LogPosition.START);
    assertThat(log.unsettledAfter(registration, LogPosition.START))
        .get()
        .satisfies(
            u -> {
              assertThat(u.firstQueuedAt()).isEqualTo(t0.plusMillis(1));
              assertThat(u.last()).isEqualTo(ids.get(2));
            });

    advance(ids.get(0), t0.plusSeconds(10));
    advance(ids.get(1), t0.plusSeconds(20));
    assertThat(log.deliveredThrough(registration)).isEqualTo(ids.get(1));
    assertThat(log.pending(registration)).isEqualTo(1);

    List<OutboxEvent> all = log.recent(registration, null, 10);
    assertThat(all)
        .extracting(OutboxEvent::id)
        .containsExactly(ids.get(2).id(), ids.get(1).id(), ids.get(0).id());
    assertThat(all)
        .extracting(OutboxEvent::state)
        .containsExactly("pending", "delivered", "delivered");
    assertThat(all.get(0).finishedAt()).isNull();
    assertThat(all.get(1).finishedAt()).as("the first step past it").isEqualTo(t0.plusSeconds(20));
    assertThat(all.get(2).finishedAt()).isEqualTo(t0.plusSeconds(10));
    assertThat(all.get(2).attempts()).isEqualTo(1);
    assertThat(log.recent(registration, "delivered", 1))
        .extracting(OutboxEvent::id)
        .containsExactly(ids.get(1).id());
    assertThat(log.recent(registration, "pending", 10))
        .extracting(OutboxEvent::id)
        .containsExactly(ids.get(2).id());
  }

  @Test
  void anEventMovedToTheTableIsListedOnceWithItsTableState() {
    List<Long> ids = append(registration, 1, 2).stream().map(LogPosition::id).toList();
    ClaimedEvent first = log.after(registration, LogPosition.START, 1).get(0);
    transactions.executeWithoutResult(
        tx -> events.moveIn(List.of(new Moved(first.asNew(), 1, null, "HTTP 500")), t0));
    advance(log.after(registration, first.position(), 1).get(0).position(), t0.plusSeconds(1));

    List<OutboxEvent> listed = outbox.list(registration, null, 10);
    assertThat(listed)
        .extracting(OutboxEvent::id)
        .containsExactlyInAnyOrder(ids.get(0), ids.get(1));
    assertThat(listed)
        .extracting(OutboxEvent::state)
        .containsExactlyInAnyOrder("failed", "delivered");
    assertThat(outbox.list(registration, "failed", 10))
        .extracting(OutboxEvent::id)
        .containsExactly(ids.get(0));
    assertThat(outbox.list(registration, "delivered", 10))
        .extracting(OutboxEvent::id)
        .containsExactly(ids.get(1));
    assertThat(outbox.list(registration, null, 1)).hasSize(1);
  }

  @Test
  void aRedeliveryQueuesALogEventInTheTableUnderItsId() {
    List<LogPosition> ids = append(registration, 1, 2);
    advance(ids.get(1), t0);

    int queued =
        transactions.execute(
            tx -> outbox.redeliver(registration, List.of(ids.get(0).id(), 42L), t0));
    assertThat(queued).isEqualTo(1);
    List<OutboxEvent> pending = outbox.list(registration, "pending", 10);
    assertThat(pending).extracting(OutboxEvent::id).containsExactly(ids.get(0).id());
    assertThat(pending.get(0).attempts()).as("it was delivered once").isEqualTo(1);
    assertThat(events.due(registration, t0, 10, java.util.Set.of()))
        .extracting(ClaimedEvent::id)
        .containsExactly(ids.get(0).id());
  }

  @Test
  void purgesEventsSettledBeforeTheCutoffAndTheStepsNoEventNeeds() {
    // One append each: PostgreSQL keeps the events of an append in one row, purged as a whole.
    append(registration, 1);
    append(registration, 2);
    List<LogPosition> ids = append(registration, 3);
    advance(ids.get(0), t0.plusSeconds(1));
    advance(ids.get(1), t0.plusSeconds(2));
    advance(ids.get(2), t0.plusSeconds(3));

    transactions.executeWithoutResult(tx -> log.purgeSettledBefore(t0, 10));
    assertThat(log.recent(registration, null, 10))
        .as("nothing settled before the cutoff")
        .hasSize(3);
    transactions.executeWithoutResult(tx -> log.purgeSettledBefore(t0.plusSeconds(2), 10));
    List<OutboxEvent> left = log.recent(registration, null, 10);
    assertThat(left)
        .as("settled at the cutoff: kept")
        .extracting(OutboxEvent::id)
        .containsExactly(ids.get(2).id(), ids.get(1).id());
    assertThat(left.get(1).finishedAt()).isEqualTo(t0.plusSeconds(2));

    transactions.executeWithoutResult(tx -> log.purgeSettledBefore(t0.plusSeconds(60), 1));
    assertThat(log.recent(registration, null, 10))
        .as("at most the limit")
        .extracting(OutboxEvent::id)
        .containsExactly(ids.get(2).id());
    transactions.executeWithoutResult(tx -> log.purgeSettledBefore(t0.plusSeconds(60), 10));
    assertThat(log.recent(registration, null, 10)).isEmpty();
    assertThat(log.deliveredThrough(registration))
        .as("the newest step stays")
        .isEqualTo(ids.get(2));
  }
}
