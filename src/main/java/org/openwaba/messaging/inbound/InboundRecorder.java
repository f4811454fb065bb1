package org.openwaba.messaging.inbound;

import org.openwaba.messaging.InboundMessage;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.MessageReceived;
import org.openwaba.messaging.store.InboundStore;
import org.openwaba.network.DeviceMessageReceived;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stores each message a network reports from a user and publishes {@link MessageReceived}, inside
 * the network's transaction. A message reported twice is stored and published once.
 */
@Component
class InboundRecorder {

  private final InboundStore inbound;
  private final ApplicationEventPublisher events;

  InboundRecorder(InboundStore inbound, ApplicationEventPublisher events) {
    this.inbound = inbound;
    this.events = events;
  }

  @EventListener
  void on(DeviceMessageReceived received) {
    InboundMessage message =
        new InboundMessage(
            new MessageId(received.messageId()),
            received.accountId(),
            received.phoneNumberId(),
            received.from(),
            received.profileName(),
            received.type(),
            received.body(),
            received.contextId(),
            received.at(),
            received.media(),
            null,
            received.content());
    if (inbound.insert(message)) {
      events.publishEvent(new MessageReceived(message));
    }
  }
}
