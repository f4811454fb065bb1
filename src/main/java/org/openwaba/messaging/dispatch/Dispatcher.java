package org.openwaba.messaging.dispatch;

import java.time.Clock;
import java.time.Instant;
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
import org.openwaba.messaging.store.StoredMessage;
import org.openwaba.network.DeliveryNetworks;
import org.openwaba.network.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One dispatch round: claims due messages from the queue and hands each to its network in the same
 * transaction that marks it {@code sent} and removes it from the queue, so that a local network
 * receives it exactly once. If a batch fails, each message is retried alone, and a message that
 * keeps failing is retried with backoff and finally marked failed (131000).
 */
@Component
class Dispatcher {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final DispatchQueueStore queue;
  private final MessageStore messages;
  private final StatusRecorder statuses;
  private final DeliveryNetworks networks;
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
      DeliveryNetworks networks,
      TransactionTemplate transactions,
      Clock clock,
      MessagingProperties properties,
      OutboundMessages outbound) {
    this.queue = queue;
    this.messages = messages;
    this.statuses = statuses;
    this.networks = networks;
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
    try {
      transactions.executeWithoutResult(
          status -> claimed.forEach(c -> handOver(c, byId.get(c.messageId()))));
    } catch (RuntimeException batchFailure) {
      for (Claimed c : claimed) {
        try {
          transactions.executeWithoutResult(status -> handOver(c, byId.get(c.messageId())));
        } catch (RuntimeException failure) {
          retryOrFail(c, failure);
        }
      }
    }
    return claimed.size();
  }

  private void handOver(Claimed claimed, StoredMessage message) {
    if (message == null) {
      // The queue row outlived its message (only possible through manual deletion): drop it.
      queue.complete(claimed.messageId());
      return;
    }
    Instant now = clock.instant();
    statuses.advance(message.id(), MessageStatus.SENT, now, null);
    OutboundMessage handed = outbound.of(message);
    networks.named(claimed.network()).deliver(List.of(handed));
    queue.complete(claimed.messageId());
  }

  private void retryOrFail(Claimed claimed, RuntimeException failure) {
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
          if (attempts >= properties.dispatchMaxAttempts()) {
            queue.complete(claimed.messageId());
            messages
                .find(new org.openwaba.messaging.MessageId(claimed.messageId()))
                .ifPresent(
                    m ->
                        statuses.advance(
                            m.id(),
                            MessageStatus.FAILED,
                            clock.instant(),
                            new MessageError(
                                131000,
                                "Something went wrong",
                                "The "
                                    + claimed.network()
                                    + " network did not accept the message after "
                                    + attempts
                                    + " attempts")));
          } else {
            queue.retryAt(
                claimed.messageId(),
                attempts,
                clock.instant().plus(retries.delayAfter(attempts)),
                reason);
          }
        });
  }
}
