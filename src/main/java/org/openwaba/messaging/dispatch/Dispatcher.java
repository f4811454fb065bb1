package org.openwaba.messaging.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageStatus;
import org.openwaba.messaging.MessagingProperties;
import org.openwaba.messaging.status.StatusRecorder;
import org.openwaba.messaging.store.DispatchQueueStore;
import org.openwaba.messaging.store.DispatchQueueStore.Claimed;
import org.openwaba.messaging.store.MessageStore;
import org.openwaba.messaging.store.MessageStore.Addressing;
import org.openwaba.messaging.store.MessageStore.StatusUpdate;
import org.openwaba.messaging.store.StoredMessage;
import org.openwaba.network.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One dispatch round: claims due messages from the queue and hands them to their networks in the
 * same transaction that marks them {@code sent} and removes them from the queue, so that a local
 * network receives each exactly once. Every step is one batched statement for the whole batch. If a
 * batch fails, each message is retried alone, and a message that keeps failing is retried with
 * backoff and finally marked failed (131000).
 */
@Component
class Dispatcher {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final DispatchQueueStore queue;
  private final MessageStore messages;
  private final StatusRecorder statuses;
  private final HandOver handOver;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final MessagingProperties properties;
  private final RetrySchedule retries;
  private final OutboundMessages outbound;
  private final String claimant;

  Dispatcher(
      DispatchQueueStore queue,
      MessageStore messages,
      StatusRecorder statuses,
      HandOver handOver,
      TransactionTemplate transactions,
      Clock clock,
      MessagingProperties properties,
      OutboundMessages outbound) {
    this.queue = queue;
    this.messages = messages;
    this.statuses = statuses;
    this.handOver = handOver;
    this.transactions = transactions;
    this.clock = clock;
    this.properties = properties;
    this.outbound = outbound;
    this.retries =
        new RetrySchedule(
            properties.retryBaseDelay(),
            properties.retryMaxDelay(),
            () -> ThreadLocalRandom.current().nextDouble());
    this.claimant = "dispatcher-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
  }

  /** Runs one round; returns how many messages it claimed. */
  int dispatchDue() {
    Instant now = clock.instant();
    List<Claimed> claimed =
        transactions.execute(
            status ->
                queue.claimDue(
                    now,
                    properties.dispatchBatchSize(),
                    claimant,
                    now.plus(properties.dispatchLease())));
    if (claimed == null || claimed.isEmpty()) {
      return 0;
    }
    Map<String, StoredMessage> byId =
        messages.findAll(claimed.stream().map(Claimed::messageId).toList()).stream()
            .collect(Collectors.toMap(m -> m.id().value(), Function.identity()));
    // Built before the transaction: on SQLite it holds the only write lock, so it should only
    // write.
    Map<String, OutboundMessage> handed = new HashMap<>();
    byId.forEach((id, message) -> handed.put(id, outbound.of(message)));
    try {
      transactions.executeWithoutResult(status -> handOver(claimed, byId, handed));
    } catch (RuntimeException batchFailure) {
      for (Claimed c : claimed) {
        try {
          transactions.executeWithoutResult(status -> handOver(List.of(c), byId, handed));
        } catch (RuntimeException failure) {
          retryOrFail(c, byId.get(c.messageId()), failure);
        }
      }
    }
    return claimed.size();
  }

  private void handOver(
      List<Claimed> claimed, Map<String, StoredMessage> byId, Map<String, OutboundMessage> handed) {
    List<HandOver.Parcel> parcels = new ArrayList<>(claimed.size());
    for (Claimed c : claimed) {
      StoredMessage message = byId.get(c.messageId());
      // A queue row without its message can only come from manual deletion: just drop it.
      if (message != null) {
        parcels.add(new HandOver.Parcel(message, c.network(), handed.get(c.messageId())));
      }
    }
    handOver.handOver(parcels, clock.instant());
    queue.completeAll(claimed.stream().map(Claimed::messageId).toList());
  }

  private void retryOrFail(Claimed claimed, StoredMessage message, RuntimeException failure) {
    int attempts = claimed.attempts() + 1;
    String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    log.warn(
        "dispatch_failed message_id={} network={} attempt={} error=\"{}\"",
        claimed.messageId(),
        claimed.network(),
        attempts,
        reason);
    transactions.executeWithoutResult(
        status -> {
          if (attempts < properties.dispatchMaxAttempts()) {
            queue.retryAt(
                claimed.messageId(),
                attempts,
                clock.instant().plus(retries.delayAfter(attempts)),
                reason);
            return;
          }
          queue.completeAll(List.of(claimed.messageId()));
          if (message != null) {
            MessageError error =
                new MessageError(
                    131000,
                    "Something went wrong",
                    "The "
                        + claimed.network()
                        + " network did not accept the message after "
                        + attempts
                        + " attempts");
            statuses.record(
                List.of(
                    new StatusUpdate(
                        message.id(),
                        Addressing.of(message),
                        MessageStatus.FAILED,
                        clock.instant(),
                        error)));
          }
        });
  }
}
