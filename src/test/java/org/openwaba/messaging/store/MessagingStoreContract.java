package org.openwaba.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.MessageStatus;
import org.openwaba.messaging.store.DispatchQueueStore.Claimed;
import org.openwaba.messaging.store.MessageStore.StatusUpdate;
import org.openwaba.platform.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The messaging stores on a real database; run on SQLite and PostgreSQL. */
abstract class MessagingStoreContract {

  static final AccountId ACCOUNT = new AccountId(100000000000001L);

  /**
   * Far in the future, so that the running application's own dispatcher, which claims rows due by
   * the real clock, never touches the rows these tests queue.
   */
  static final Instant T0 = Instant.parse("2100-01-01T00:00:00Z");

  @Autowired MessageStore messages;
  @Autowired DispatchQueueStore queue;
  @Autowired TransactionTemplate transactions;
  @Autowired Ids ids;
  @Autowired JdbcClient jdbc;

  private StoredMessage newMessage() {
    return new StoredMessage(
        new MessageId("wamid." + ids.opaqueId()),
        ACCOUNT,
        new PhoneNumberId(100000000000002L),
        "+12025550100",
        "+14155552671",
        "text",
        "h\u00e9llo \uD83D\uDE00",
        "[]",
        true,
        null,
        MessageStatus.ACCEPTED,
        T0,
        T0,
        null);
  }

  private StoredMessage stored() {
    StoredMessage message = newMessage();
    transactions.executeWithoutResult(
        status -> {
          messages.insertAll(List.of(message));
          queue.insertAll(
              List.of(new DispatchQueueStore.Entry(message.id().value(), "sandbox", T0)));
        });
    return message;
  }

  private boolean[] advance(StoredMessage message, MessageStatus status, MessageError error) {
    return transactions.execute(
        tx ->
            messages.advanceAll(
                List.of(
                    new StatusUpdate(
                        message.id(),
                        MessageStore.Addressing.of(message),
                        status,
                        T0.plusSeconds(5),
                        error))));
  }

  private List<Claimed> claim(Instant now, int limit, String claimant, Instant leaseUntil) {
    return transactions.execute(tx -> queue.claimDue(now, limit, claimant, leaseUntil));
  }

  @Test
  void readsBackTheMediaOfAMediaMessage() {
    StoredMessage text = newMessage();
    StoredMessage image =
        new StoredMessage(
            new MessageId("wamid." + ids.opaqueId()),
            ACCOUNT,
            text.phoneNumberId(),
            text.sender(),
            text.recipient(),
            "image",
            "",
            "[]",
            false,
            null,
            MessageStatus.ACCEPTED,
            T0,
            T0,
            null,
            "{\"id\":\"123456789012345\",\"mime_type\":\"image/png\"}",
            null);
    transactions.executeWithoutResult(status -> messages.insertAll(List.of(image, text)));

    assertThat(messages.find(image.id())).contains(image);
    assertThat(messages.find(text.id()).orElseThrow().media()).isNull();
  }

  @Test
  void storesAndReadsBackEveryField() {
    StoredMessage message = stored();
    StoredMessage read = messages.find(message.id()).orElseThrow();
    assertThat(read).isEqualTo(message);
    assertThat(messages.findAll(List.of(message.id().value(), "wamid.missing")))
        .containsExactly(message);
  }

  @Test
  void movesStatusesForwardOnlyAndKeepsTheirTimes() {
    StoredMessage message = stored();
    assertThat(advance(message, MessageStatus.SENT, null)).containsExactly(true);
    assertThat(advance(message, MessageStatus.SENT, null)).containsExactly(false);
    assertThat(advance(message, MessageStatus.READ, null))
        .as("read needs delivered")
        .containsExactly(false);
    assertThat(advance(message, MessageStatus.DELIVERED, null)).containsExactly(true);
    assertThat(advance(message, MessageStatus.READ, null)).containsExactly(true);
    assertThat(advance(message, MessageStatus.DELIVERED, null)).containsExactly(false);
    assertThat(advance(message, MessageStatus.FAILED, new MessageError(131026, "x", "y")))
        .containsExactly(false);
    StoredMessage read = messages.find(message.id()).orElseThrow();
    assertThat(read.status()).isEqualTo(MessageStatus.READ);
    assertThat(read.statusAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(read.error()).isNull();
  }

  @Test
  void appliesABatchInOrderWithSeveralUpdatesOfOneMessage() {
    StoredMessage first = stored();
    StoredMessage second = stored();
    StoredMessage third = stored();
    MessageError error = new MessageError(131026, "Message undeliverable", "not on WhatsApp");
    boolean[] moved =
        transactions.execute(tx -> messages.advanceAll(orderedBatch(first, second, third, error)));
    assertThat(moved)
        .as("each in list order: read needs delivered, and nothing moves back")
        .containsExactly(true, true, true, false, true, true, false, true, true);
    assertOrderedBatchApplied(first, second, third, error);
  }

  @Test
  void heldMessagesMoveByTheSameRulesAndAreInsertedOnceInTheirFinalState() {
    StoredMessage first = newMessage();
    StoredMessage second = newMessage();
    StoredMessage third = newMessage();
    StoredMessage alreadyStored = stored();
    MessageError error = new MessageError(131026, "Message undeliverable", "not on WhatsApp");
    List<StatusUpdate> batch = new ArrayList<>(orderedBatch(first, second, third, error));
    batch.add(update(alreadyStored, MessageStatus.SENT, 2, null));
    boolean[] moved =
        transactions.execute(
            tx -> {
              try (HeldMessages held = messages.hold(List.of(first, second, third))) {
                boolean[] result = messages.advanceAll(batch);
                assertThat(messages.currentStatuses(List.of(first.id().value())))
                    .as("a held message's status is read from memory")
                    .containsEntry(
                        first.id().value(),
                        new MessageStore.CurrentStatus(
                            MessageStore.Addressing.of(first), MessageStatus.READ));
                assertThat(countOf(first)).as("nothing is written before the flush").isZero();
                held.flush();
                return result;
              }
            });
    assertThat(moved)
        .as("the same answers as stored rows give, and the stored one among them moves too")
        .containsExactly(true, true, true, false, true, true, false, true, true, true);
    assertOrderedBatchApplied(first, second, third, error);
    assertThat(messages.find(alreadyStored.id()).orElseThrow().status())
        .isEqualTo(MessageStatus.SENT);
  }

  /** Several updates of three messages, some of which may not apply in this order. */
  private static List<StatusUpdate> orderedBatch(
      StoredMessage first, StoredMessage second, StoredMessage third, MessageError error) {
    return List.of(
        update(first, MessageStatus.SENT, 1, null),
        update(second, MessageStatus.SENT, 2, null),
        update(first, MessageStatus.DELIVERED, 3, null),
        update(second, MessageStatus.READ, 4, null),
        update(first, MessageStatus.READ, 5, null),
        update(third, MessageStatus.FAILED, 6, error),
        update(first, MessageStatus.DELIVERED, 7, null),
        update(second, MessageStatus.DELIVERED, 8, null),
        update(second, MessageStatus.READ, 9, null));
  }

  private void assertOrderedBatchApplied(
      StoredMessage first, StoredMessage second, StoredMessage third, MessageError error) {
    assertThat(times(first))
        .containsExactly(
            T0.plusSeconds(5), T0.plusSeconds(1), T0.plusSeconds(3), T0.plusSeconds(5), null);
    assertThat(times(second))
        .containsExactly(
            T0.plusSeconds(9), T0.plusSeconds(2), T0.plusSeconds(8), T0.plusSeconds(9), null);
    assertThat(times(third))
        .containsExactly(T0.plusSeconds(6), null, null, null, T0.plusSeconds(6));
    assertThat(messages.find(first.id()).orElseThrow().status()).isEqualTo(MessageStatus.READ);
    assertThat(messages.find(second.id()).orElseThrow().error()).isNull();
    assertThat(messages.find(third.id()).orElseThrow().error()).isEqualTo(error);
  }

  @Test
  void aResetHeldMessageIsInsertedAsAcceptedAndAClosedHoldInsertsNothing() {
    StoredMessage reset = newMessage();
    StoredMessage dropped = newMessage();
    transactions.executeWithoutResult(
        tx -> {
          try (HeldMessages held = messages.hold(List.of(reset))) {
            messages.advanceAll(List.of(update(reset, MessageStatus.SENT, 1, null)));
            assertThat(messages.react(reset.id(), ACCOUNT, reset.recipient(), "\uD83D\uDC4D", T0))
                .isTrue();
            held.reset();
            held.flush();
          }
          try (HeldMessages held = messages.hold(List.of(dropped))) {
            assertThat(messages.currentStatuses(List.of(dropped.id().value()))).hasSize(1);
          }
          assertThat(messages.currentStatuses(List.of(dropped.id().value())))
              .as("no longer held once closed")
              .isEmpty();
        });
    StoredMessage read = messages.find(reset.id()).orElseThrow();
    assertThat(read.status()).isEqualTo(MessageStatus.ACCEPTED);
    assertThat(times(reset)).containsExactly(T0, null, null, null, null);
    assertThat(messages.reaction(reset.id())).isEmpty();
    assertThat(countOf(dropped)).isZero();
  }

  @Test
  void aReactionToAHeldMessageIsInsertedWithIt() {
    StoredMessage message = newMessage();
    transactions.executeWithoutResult(
        tx -> {
          try (HeldMessages held = messages.hold(List.of(message))) {
            assertThat(messages.react(message.id(), ACCOUNT, "+10000000000", "x", T0))
                .as("only the message's own recipient reacts to it")
                .isFalse();
            assertThat(
                    messages.react(message.id(), ACCOUNT, message.recipient(), "\uD83D\uDC4D", T0))
                .isTrue();
            held.flush();
          }
        });
    assertThat(messages.reaction(message.id()).orElseThrow().emoji()).isEqualTo("\uD83D\uDC4D");
  }

  private long countOf(StoredMessage message) {
    return jdbc.sql("SELECT COUNT(*) FROM messaging_message WHERE id = ?")
        .param(message.id().value())
        .query(Long.class)
        .single();
  }

  private static StatusUpdate update(
      StoredMessage message, MessageStatus status, int second, MessageError error) {
    return new StatusUpdate(
        message.id(), MessageStore.Addressing.of(message), status, T0.plusSeconds(second), error);
  }

  /** status_at, sent_at, delivered_at, read_at and failed_at. */
  private List<Instant> times(StoredMessage message) {
    return jdbc.sql(
            "SELECT status_at, sent_at, delivered_at, read_at, failed_at FROM messaging_message"
                + " WHERE id = ?")
        .param(message.id().value())
        .query(
            (rs, row) -> {
              List<Instant> times = new ArrayList<>();
              for (int column = 1; column <= 5; column++) {
                long millis = rs.getLong(column);
                times.add(rs.wasNull() ? null : Instant.ofEpochMilli(millis));
              }
              return times;
            })
        .single();
  }

  @Test
  void recordsTheErrorOfAFailedMessage() {
    StoredMessage message = stored();
    MessageError error = new MessageError(131026, "Message undeliverable", "not on WhatsApp");
    assertThat(advance(message, MessageStatus.FAILED, error)).containsExactly(true);
    StoredMessage failed = messages.find(message.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(failed.error()).isEqualTo(error);
    assertThat(messages.currentStatuses(List.of(message.id().value())))
        .containsEntry(
            message.id().value(),
            new MessageStore.CurrentStatus(
                MessageStore.Addressing.of(message), MessageStatus.FAILED));
  }

  @Test
  void claimsDueRowsOnceAndLeavesLeasedOnesAlone() {
    StoredMessage message = stored();
    Instant now = T0.plusSeconds(1);
    List<Claimed> first = claim(now, 10_000, "a", now.plusSeconds(30));
    assertThat(first).extracting(Claimed::messageId).contains(message.id().value());
    List<Claimed> second = claim(now, 10_000, "b", now.plusSeconds(30));
    assertThat(second).extracting(Claimed::messageId).doesNotContain(message.id().value());

    Instant afterLease = now.plusSeconds(31);
    List<Claimed> expired = claim(afterLease, 10_000, "b", afterLease.plusSeconds(30));
    assertThat(expired).extracting(Claimed::messageId).contains(message.id().value());
  }

  @Test
  void concurrentClaimersNeverShareARow() throws Exception {
    List<String> queued = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      queued.add(stored().id().value());
    }
    Instant now = T0.plusSeconds(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<List<Claimed>>> claims = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String claimant = "worker-" + i;
      Callable<List<Claimed>> claim = () -> claim(now, 10_000, claimant, now.plusSeconds(60));
      claims.add(pool.submit(claim));
    }
    List<String> all = new ArrayList<>();
    for (Future<List<Claimed>> claim : claims) {
      claim.get().forEach(c -> all.add(c.messageId()));
    }
    pool.shutdown();
    assertThat(all).doesNotHaveDuplicates().containsAll(queued);
  }

  @Test
  void retriesAtTheGivenTimeAndCompletesRows() {
    StoredMessage message = stored();
    String id = message.id().value();
    Instant now = T0.plusSeconds(1);
    claim(now, 10_000, "a", now.plusSeconds(30));
    transactions.executeWithoutResult(tx -> queue.retryAt(id, 1, now.plusSeconds(10), "boom"));

    assertThat(claim(now.plusSeconds(9), 10_000, "a", now.plusSeconds(60)))
        .extracting(Claimed::messageId)
        .doesNotContain(id);
    List<Claimed> due = claim(now.plusSeconds(10), 10_000, "a", now.plusSeconds(60));
    assertThat(due)
        .filteredOn(c -> c.messageId().equals(id))
        .extracting(Claimed::attempts)
        .containsExactly(1);

    transactions.executeWithoutResult(tx -> queue.completeAll(List.of(id)));
    assertThat(claim(now.plusSeconds(3600), 10_000, "a", now.plusSeconds(7200)))
        .extracting(Claimed::messageId)
        .doesNotContain(id);
  }
}
