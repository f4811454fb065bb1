package org.openwaba.messaging.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.messaging.MessagingProperties;
import org.openwaba.messaging.reaction.ReactionRecorder;
import org.openwaba.messaging.store.DispatchQueueStore;
import org.openwaba.messaging.store.HeldMessages;
import org.openwaba.messaging.store.MessageStore;
import org.openwaba.messaging.store.StoredMessage;
import org.openwaba.network.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one group-commit batch of accepted messages inside the committing transaction. Messages
 * for a network that {@linkplain org.openwaba.network.DeliveryNetwork#handsOverInTransaction()
 * takes them in this transaction} are marked {@code sent} and handed over at once, which saves the
 * queue row, its claim and a second transaction per message (docs/benchmarks.md). The others, and
 * all of them while dispatch is paused or if that hand-over fails, go into the dispatch queue. The
 * hand-over runs under a savepoint, so its failure never costs the messages their acceptance. The
 * batch's messages are {@linkplain MessageStore#hold held} until the hand-over is done and then
 * inserted once, already {@code sent} (or further, when the network reports at once).
 */
@Component
public class AcceptanceWriter {

  /** An accepted message, its network, and how that network takes it. */
  public record Accepted(StoredMessage message, String network, OutboundMessage outbound) {}

  private static final Logger log = LoggerFactory.getLogger(AcceptanceWriter.class);

  private final MessageStore messages;
  private final DispatchQueueStore queue;
  private final HandOver handOver;
  private final ReactionRecorder reactions;
  private final DispatchWorker dispatchWorker;
  private final MessagingProperties properties;
  private final TransactionTemplate savepoint;
  private final Clock clock;

  AcceptanceWriter(
      MessageStore messages,
      DispatchQueueStore queue,
      HandOver handOver,
      ReactionRecorder reactions,
      DispatchWorker dispatchWorker,
      MessagingProperties properties,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.messages = messages;
    this.queue = queue;
    this.handOver = handOver;
    this.reactions = reactions;
    this.dispatchWorker = dispatchWorker;
    this.properties = properties;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
  }

  /** Stores the batch and hands it over or queues it; call inside a read-write transaction. */
  public void write(List<Accepted> batch) {
    List<StoredMessage> rows = new ArrayList<>(batch.size());
    List<HandOver.Parcel> now = new ArrayList<>(batch.size());
    List<Accepted> later = new ArrayList<>();
    for (Accepted accepted : batch) {
      rows.add(accepted.message());
      if (!properties.dispatchPaused() && handOver.inAcceptingTransaction(accepted.network())) {
        now.add(new HandOver.Parcel(accepted.message(), accepted.network(), accepted.outbound()));
      } else {
        later.add(accepted);
      }
    }
    try (HeldMessages held = messages.hold(rows)) {
      reactions.businessSent(rows);
      RuntimeException failure = now.isEmpty() ? null : handOverUnderSavepoint(now);
      if (failure != null) {
        log.warn(
            "hand_over_in_acceptance_failed size={} error=\"{}\" queued_for=dispatcher",
            now.size(),
            failure.toString());
        // The savepoint undid what the hand-over wrote; what it changed in the held rows goes too.
        held.reset();
        later = batch;
      }
      held.flush();
    }
    if (!later.isEmpty()) {
      queue.insertAll(
          later.stream()
              .map(
                  a ->
                      new DispatchQueueStore.Entry(
                          a.message().id().value(), a.network(), a.message().createdAt()))
              .toList());
      wakeDispatcherAfterCommit();
    }
  }

  private @Nullable RuntimeException handOverUnderSavepoint(List<HandOver.Parcel> parcels) {
    try {
      savepoint.executeWithoutResult(status -> handOver.handOver(parcels, clock.instant()));
      return null;
    } catch (RuntimeException failure) {
      return failure;
    }
  }

  private void wakeDispatcherAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              dispatchWorker.wakeUp();
            }
          });
    } else {
      dispatchWorker.wakeUp();
    }
  }
}
