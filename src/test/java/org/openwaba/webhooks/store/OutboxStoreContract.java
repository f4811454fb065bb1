package org.openwaba.webhooks.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openwaba.platform.Ids;
import org.openwaba.webhooks.OutboxEvent;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.openwaba.webhooks.store.EventStore.NewEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's ordering rules on a real database: one message's events are claimable one at a time,
 * in order; run on SQLite and PostgreSQL. The registrations here have no row, so the running
 * delivery worker never claims these events.
 */
abstract class OutboxStoreContract {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant NOW = T0.plusSeconds(60);
  static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

  @Autowired EventStore events;
  @Autowired TransactionTemplate transactions;
  @Autowired Ids ids;

  private final long registration = System.nanoTime() & 0xFFFFFFFFFFFFL;

  private NewEvent event(@Nullable String key, int seq) {
    return new NewEvent(
        ids.numericId(),
        registration,
        1L,
        WebhookEvent.MESSAGE_STATUS,
        key,
        seq,
        "{\"seq\":" + seq + "}",
        T0.plusMillis(seq));
  }

  private void insert(NewEvent... batch) {
    transactions.executeWithoutResult(tx -> events.insertAll(List.of(batch)));
  }

  private List<ClaimedEvent> claim() {
    return transactions.execute(tx -> events.claim(registration, NOW, 100, "test", NOW));
  }

  private void deliver(List<ClaimedEvent> claimed) {
    transactions.executeWithoutResult(
        tx -> {
          events.delivered(claimed.stream().map(ClaimedEvent::id).toList(), NOW);
          events.releaseNext(claimed);
        });
  }

  private int purge(Instant cutoff, int limit) {
    Integer purged = transactions.execute(tx -> events.purgeFinishedBefore(cutoff, limit));
    return purged == null ? 0 : purged;
  }

  private static List<String> values(List<ClaimedEvent> claimed) {
    return claimed.stream().map(ClaimedEvent::value).toList();
  }

  @Test
  void dueEventsAreReadOldestFirstWithoutAClaimLeavingOutWhatTheServerHolds() {
    NewEvent first = event(null, 1);
    NewEvent second = event("m1", 2);
    NewEvent held = event("m1", 3);
    NewEvent third = event(null, 4);
    NewEvent future = event(null, 120_000);
    insert(third, first, second, held, future);

    assertThat(events.due(registration, NOW, 2, Set.of()))
        .extracting(ClaimedEvent::id)
        .containsExactly(first.id(), second.id());
    assertThat(events.due(registration, NOW, 10, Set.of()))
        .as("a read claims nothing, and neither a held-back nor a future event is due")
        .extracting(ClaimedEvent::id)
        .containsExactly(first.id(), second.id(), third.id());
    assertThat(events.due(registration, NOW, 2, Set.of(first.id(), second.id())))
        .extracting(ClaimedEvent::id)
        .containsExactly(third.id());

    deliver(events.due(registration, NOW, 1, Set.of()));
    assertThat(events.due(registration, NOW, 10, Set.of()))
        .extracting(ClaimedEvent::id)
        .containsExactly(second.id(), third.id());
    ClaimedEvent read = events.due(registration, NOW, 1, Set.of()).get(0);
    assertThat(read.value()).isEqualTo("{\"seq\":2}");
    assertThat(read.orderKey()).isEqualTo("m1");
    assertThat(read.kind()).isEqualTo(WebhookEvent.MESSAGE_STATUS);
  }

  @Test
  void purgesOnlyFinishedEventsOlderThanTheCutoffAndAtMostTheLimit() {
    // Purging spans every registration, so these events finish before any other test's.
    NewEvent first = event(null, 1);
    NewEvent second = event(null, 2);
    NewEvent third = event(null, 3);
    NewEvent undelivered = event(null, 4);
    insert(first, second, third, undelivered);
    transactions.executeWithoutResult(
        tx -> events.delivered(List.of(first.id(), second.id(), third.id()), LONG_AGO));

    int atTheCutoff = purge(LONG_AGO, 10);
    assertThat(atTheCutoff).as("finished exactly at the cutoff: kept").isZero();
    int firstRound = purge(LONG_AGO.plusMillis(1), 2);
    assertThat(firstRound).as("at most the limit").isEqualTo(2);
    int rest = purge(LONG_AGO.plusMillis(1), 10);
    assertThat(rest).isEqualTo(1);
    assertThat(events.list(registration, null, 10))
        .extracting(OutboxEvent::id)
        .containsExactly(undelivered.id());
  }

  @Test
  void releasesOneMessagesEventsOneAtATimeInOrder() {
    insert(event("m1", 1), event("m1", 2), event("m2", 1), event(null, 0), event(null, 0));
    insert(event("m1", 3));

    List<ClaimedEvent> first = claim();
    assertThat(first).hasSize(4);
    assertThat(first).extracting(ClaimedEvent::orderKey).containsOnlyOnce("m1", "m2");
    deliver(first);

    List<ClaimedEvent> second = claim();
    assertThat(values(second)).containsExactly("{\"seq\":2}");
    deliver(second);
    assertThat(values(claim())).containsExactly("{\"seq\":3}");
  }

  @Test
  void aGivenUpEventReleasesTheNextAndARedeliveryGoesFirstAgain() {
    insert(event("m", 1), event("m", 2));
    ClaimedEvent head = claim().get(0);
    transactions.executeWithoutResult(
        tx -> {
          events.failedAttempts(
              List.of(new EventStore.Outcome(head.id(), 3, null, "HTTP 500")), NOW);
          events.releaseNext(List.of(head));
        });
    List<ClaimedEvent> next = claim();
    assertThat(values(next)).containsExactly("{\"seq\":2}");
    assertThat(events.list(registration, "failed", 10))
        .extracting(OutboxEvent::id)
        .containsExactly(head.id());

    // Both go again, the earlier first, once the later one is no longer being delivered.
    deliver(next);
    int queued =
        transactions.execute(
            tx -> events.redeliver(registration, List.of(head.id(), next.get(0).id()), NOW));
    assertThat(queued).isEqualTo(2);
    assertThat(values(claim())).containsExactly("{\"seq\":1}");
    assertThat(events.list(registration, "pending", 10)).hasSize(2);
  }

  @Test
  void repairsAWaitingEventThatNothingHoldsBackAnyMore() {
    insert(event("m", 1), event("m", 2), event("m", 3));
    ClaimedEvent head = claim().get(0);
    // As if the head had been finished by a transaction that did not see the waiting ones.
    transactions.executeWithoutResult(tx -> events.delivered(List.of(head.id()), NOW));
    assertThat(claim()).isEmpty();

    int early = transactions.execute(tx -> events.releaseStranded(registration, T0));
    assertThat(early).as("events newer than the cut-off are left alone").isZero();
    int released = transactions.execute(tx -> events.releaseStranded(registration, NOW));
    assertThat(released).isEqualTo(1);
    int again = transactions.execute(tx -> events.releaseStranded(registration, NOW));
    assertThat(again).as("3 waits behind 2, which is pending now").isZero();
    assertThat(values(claim())).containsExactly("{\"seq\":2}");
  }

  @Test
  void movedEventsKeepTheirIdsAndOutcomeAndWaitBehindTheirMessagesHead() {
    NewEvent head = event("m", 1);
    NewEvent next = event("m", 2);
    NewEvent other = event("o", 1);
    NewEvent givenUp = event("g", 1);
    NewEvent afterGivenUp = event("g", 2);
    transactions.executeWithoutResult(
        tx ->
            events.moveIn(
                List.of(
                    new EventStore.Moved(head, 1, NOW, "HTTP 500"),
                    new EventStore.Moved(next, 1, NOW, "HTTP 500"),
                    new EventStore.Moved(other, 0, T0, null),
                    new EventStore.Moved(givenUp, 3, null, "timeout"),
                    new EventStore.Moved(afterGivenUp, 0, T0, null)),
                NOW));

    assertThat(claim())
        .as("a message's second event waits; a given-up one holds nothing back")
        .extracting(ClaimedEvent::id)
        .containsExactlyInAnyOrder(head.id(), other.id(), afterGivenUp.id());
    OutboxEvent failed = events.list(registration, "failed", 10).get(0);
    assertThat(failed.id()).isEqualTo(givenUp.id());
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).isEqualTo("timeout");
    assertThat(failed.finishedAt()).isEqualTo(NOW);
    OutboxEvent retried =
        events.list(registration, "pending", 10).stream()
            .filter(e -> e.id() == head.id())
            .findFirst()
            .orElseThrow();
    assertThat(retried.attempts()).isEqualTo(1);
    assertThat(retried.lastError()).isEqualTo("HTTP 500");
    assertThat(retried.dueAt()).isEqualTo(NOW);

    // An event already here, queued again by a redelivery, is left as it is.
    transactions.executeWithoutResult(
        tx -> events.moveIn(List.of(new EventStore.Moved(head, 5, null, "again")), NOW));
    assertThat(events.list(registration, "failed", 10)).hasSize(1);
    assertThat(events.held(registration, List.of("m", "o", "g", "x")))
        .containsExactlyInAnyOrder("m", "o", "g");
    assertThat(events.existing(List.of(head.id(), givenUp.id(), 42L)))
        .containsExactlyInAnyOrder(head.id(), givenUp.id());
    assertThat(events.anyUndelivered(registration)).isTrue();
  }

  @Test
  void aClaimedEventIsNotClaimedAgainUntilItsLeaseEnds() {
    insert(event(null, 1), event(null, 2));
    Instant leaseEnd = NOW.plusSeconds(60);
    List<ClaimedEvent> claimed =
        transactions.execute(tx -> events.claim(registration, NOW, 1, "one", leaseEnd));
    assertThat(values(claimed)).containsExactly("{\"seq\":1}");

    List<ClaimedEvent> meanwhile =
        transactions.execute(tx -> events.claim(registration, NOW, 10, "two", leaseEnd));
    assertThat(values(meanwhile)).as("only the unclaimed one").containsExactly("{\"seq\":2}");
    List<ClaimedEvent> beforeTheEnd =
        transactions.execute(
            tx -> events.claim(registration, leaseEnd.minusMillis(1), 10, "three", leaseEnd));
    assertThat(beforeTheEnd).isEmpty();
    List<ClaimedEvent> afterTheLease =
        transactions.execute(
            tx -> events.claim(registration, leaseEnd, 10, "three", leaseEnd.plusSeconds(60)));
    assertThat(afterTheLease)
        .as("a claim whose server died is due again when its lease ends")
        .extracting(ClaimedEvent::id)
        .containsExactlyInAnyOrder(claimed.get(0).id(), meanwhile.get(0).id());
    assertThat(events.backlog(List.of(registration))).containsEntry(registration, 2L);
  }
}
