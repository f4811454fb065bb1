package org.openwaba.messaging.status;

import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.MessageStatus;
import org.openwaba.network.DeliveryError;
import org.openwaba.network.DeliveryReport;
import org.openwaba.network.DeliveryStatusesReported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Applies what networks report to the messages' statuses. Synchronous, inside the network's
 * transaction, so a report and the status change it causes commit or roll back together.
 */
@Component
class DeliveryStatusListener {

  private final StatusRecorder recorder;

  DeliveryStatusListener(StatusRecorder recorder) {
    this.recorder = recorder;
  }

  @EventListener
  void on(DeliveryStatusesReported event) {
    event.reports().forEach(this::apply);
  }

  private void apply(DeliveryReport report) {
    if (!MessageId.isWellFormed(report.messageId())) {
      return;
    }
    MessageStatus status =
        switch (report.status()) {
          case DELIVERED -> MessageStatus.DELIVERED;
          case READ -> MessageStatus.READ;
          case FAILED -> MessageStatus.FAILED;
        };
    DeliveryError error = report.error();
    recorder.advance(
        new MessageId(report.messageId()),
        status,
        report.at(),
        error == null ? null : new MessageError(error.code(), error.title(), error.details()));
  }
}
