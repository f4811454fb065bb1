package org.openwaba.webhooks.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.WebhookRegistration;
import org.openwaba.webhooks.delivery.DeliveryWorker;
import org.openwaba.webhooks.store.EventStore.NewEvent;
import org.openwaba.webhooks.store.OutboxEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues events for every registration that subscribes to them, in the caller's transaction, and
 * wakes the delivery worker once that transaction commits.
 */
@Component
public class EventOutbox {

  /**
   * An event to queue.
   *
   * @param orderKey events with the same key (a message id) are delivered in {@code orderSeq} order
   * @param value the change's value as JSON text
   */
  public record Event(
      AccountId accountId,
      WebhookEvent kind,
      @Nullable String orderKey,
      long orderSeq,
      String value,
      Instant at) {}

  private final Subscribers subscribers;
  private final OutboxEvents events;
  private final DeliveryWorker worker;

  EventOutbox(Subscribers subscribers, OutboxEvents events, DeliveryWorker worker) {
    this.subscribers = subscribers;
    this.events = events;
    this.worker = worker;
  }

  /** Whether any registration of the account wants this event; checked before building it. */
  public boolean wanted(AccountId account, WebhookEvent kind) {
    return !subscribers.of(account, kind).isEmpty();
  }

  /** Queues the events; must run inside the transaction of the change that caused them. */
  public void append(List<Event> batch) {
    List<NewEvent> rows = new ArrayList<>(batch.size());
    for (Event event : batch) {
      for (WebhookRegistration registration : subscribers.of(event.accountId(), event.kind())) {
        rows.add(
            new NewEvent(
                0,
                registration.id(),
                event.accountId().value(),
                event.kind(),
                event.orderKey(),
                event.orderSeq(),
                event.value(),
                event.at()));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    events.append(rows);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              worker.wakeUp();
            }
          });
    } else {
      worker.wakeUp();
    }
  }
}
