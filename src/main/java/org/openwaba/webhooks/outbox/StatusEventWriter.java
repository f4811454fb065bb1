package org.openwaba.webhooks.outbox;

import java.util.ArrayList;
import java.util.List;
import org.openwaba.messaging.MessageStatusChanged;
import org.openwaba.messaging.MessageStatusesChanged;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.payload.Values;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a {@code message_status} event for every status change, in the transaction that records
 * it. The status rank orders a message's events: sent, delivered, read (or failed).
 */
@Component
class StatusEventWriter {

  private final EventOutbox outbox;
  private final PhoneNumberNames numbers;

  StatusEventWriter(EventOutbox outbox, PhoneNumberNames numbers) {
    this.outbox = outbox;
    this.numbers = numbers;
  }

  @EventListener
  void on(MessageStatusesChanged event) {
    List<EventOutbox.Event> batch = null;
    for (MessageStatusChanged change : event.changes()) {
      if (!outbox.wanted(change.accountId(), WebhookEvent.MESSAGE_STATUS)) {
        continue;
      }
      if (batch == null) {
        batch = new ArrayList<>(event.changes().size());
      }
      String display = numbers.displayNumber(change.accountId(), change.phoneNumberId());
      batch.add(
          new EventOutbox.Event(
              change.accountId(),
              WebhookEvent.MESSAGE_STATUS,
              change.messageId().value(),
              change.status().ordinal(),
              Values.status(change, display),
              change.at()));
    }
    if (batch != null) {
      outbox.append(batch);
    }
  }
}
