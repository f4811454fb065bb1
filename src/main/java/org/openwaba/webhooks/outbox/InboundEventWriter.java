package org.openwaba.webhooks.outbox;

import java.util.List;
import org.openwaba.messaging.InboundMessage;
import org.openwaba.messaging.MessageReceived;
import org.openwaba.network.DeviceProfileChanged;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.payload.Values;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a {@code message} event for every message a user sent to the business, and a {@code
 * contact_update} for every profile change, in the transaction that stored it.
 */
@Component
class InboundEventWriter {

  private final EventOutbox outbox;
  private final PhoneNumberNames numbers;

  InboundEventWriter(EventOutbox outbox, PhoneNumberNames numbers) {
    this.outbox = outbox;
    this.numbers = numbers;
  }

  @EventListener
  void on(MessageReceived event) {
    InboundMessage m = event.message();
    if (!outbox.wanted(m.accountId(), WebhookEvent.MESSAGE)) {
      return;
    }
    String display = numbers.displayNumber(m.accountId(), m.phoneNumberId());
    outbox.append(
        List.of(
            new EventOutbox.Event(
                m.accountId(),
                WebhookEvent.MESSAGE,
                m.id().value(),
                0,
                Values.inbound(m, display),
                m.receivedAt())));
  }

  @EventListener
  void on(DeviceProfileChanged event) {
    if (!outbox.wanted(event.accountId(), WebhookEvent.CONTACT_UPDATE)) {
      return;
    }
    String display = numbers.displayNumber(event.accountId(), event.phoneNumberId());
    outbox.append(
        List.of(
            new EventOutbox.Event(
                event.accountId(),
                WebhookEvent.CONTACT_UPDATE,
                "contact:" + event.number(),
                event.at().toEpochMilli(),
                Values.contactUpdate(
                    event.phoneNumberId().value(), display, event.number(), event.profileName()),
                event.at())));
  }
}
