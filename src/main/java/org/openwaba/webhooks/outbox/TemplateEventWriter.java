package org.openwaba.webhooks.outbox;

import java.util.List;
import org.openwaba.templates.TemplateStatusChanged;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.payload.Values;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Queues a {@code message_template_status_update} event for every template review decision. */
@Component
class TemplateEventWriter {

  private final EventOutbox outbox;

  TemplateEventWriter(EventOutbox outbox) {
    this.outbox = outbox;
  }

  @EventListener
  void on(TemplateStatusChanged event) {
    if (!outbox.wanted(event.accountId(), WebhookEvent.TEMPLATE_STATUS)) {
      return;
    }
    outbox.append(
        List.of(
            new EventOutbox.Event(
                event.accountId(),
                WebhookEvent.TEMPLATE_STATUS,
                "template:" + event.templateId().value(),
                event.at().toEpochMilli(),
                Values.templateStatus(
                    event.templateId().value(),
                    event.name(),
                    event.language(),
                    event.status().name(),
                    event.reason()),
                event.at())));
  }
}
