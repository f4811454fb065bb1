package org.openwaba.webhooks;

import org.openwaba.messaging.MessageReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener that fails the transaction storing an inbound message whose text is {@link
 * #POISON}, after the webhook outbox wrote its event, the way any later failing step would.
 */
@Component
class FailingInboundListener {

  static final String POISON = "roll this back";

  @EventListener
  void on(MessageReceived event) {
    if (event.message().body().equals(POISON)) {
      throw new IllegalStateException("failing the inbound transaction on purpose");
    }
  }
}
