package org.openwaba.messaging.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.MessageStatus;
import org.openwaba.messaging.store.MessageStore;
import org.openwaba.messaging.store.MessageStore.CurrentStatus;
import org.openwaba.messaging.store.MessageStore.StatusUpdate;
import org.openwaba.network.DeliveryError;
import org.openwaba.network.DeliveryReport;
import org.openwaba.network.DeliveryStatusesReported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Applies what networks report to the messages' statuses. Synchronous, inside the network's
 * transaction, so reports and the status changes they cause commit or roll back together. A read
 * report for a message not yet delivered records delivered first, at the same instant, so that
 * every reader of the history sees delivered before read.
 */
@Component
class DeliveryStatusListener {

  private final MessageStore messages;
  private final StatusRecorder recorder;

  DeliveryStatusListener(MessageStore messages, StatusRecorder recorder) {
    this.messages = messages;
    this.recorder = recorder;
  }

  @EventListener
  void on(DeliveryStatusesReported event) {
    Set<String> ids = new LinkedHashSet<>();
    for (DeliveryReport report : event.reports()) {
      if (MessageId.isWellFormed(report.messageId())) {
        ids.add(report.messageId());
      }
    }
    Map<String, CurrentStatus> current = new HashMap<>(messages.currentStatuses(ids));
    List<StatusUpdate> updates = new ArrayList<>(event.reports().size() + 4);
    for (DeliveryReport report : event.reports()) {
      CurrentStatus state = current.get(report.messageId());
      if (state == null) {
        continue;
      }
      MessageStatus target = statusOf(report);
      MessageId id = new MessageId(report.messageId());
      if (target == MessageStatus.READ && state.status().canMoveTo(MessageStatus.DELIVERED)) {
        updates.add(
            new StatusUpdate(id, state.addressing(), MessageStatus.DELIVERED, report.at(), null));
        state = new CurrentStatus(state.addressing(), MessageStatus.DELIVERED);
      }
      if (state.status().canMoveTo(target)) {
        updates.add(new StatusUpdate(id, state.addressing(), target, report.at(), errorOf(report)));
        state = new CurrentStatus(state.addressing(), target);
      }
      current.put(report.messageId(), state);
    }
    recorder.record(updates);
  }

  private static MessageStatus statusOf(DeliveryReport report) {
    return switch (report.status()) {
      case DELIVERED -> MessageStatus.DELIVERED;
      case READ -> MessageStatus.READ;
      case FAILED -> MessageStatus.FAILED;
    };
  }

  private static @Nullable MessageError errorOf(DeliveryReport report) {
    DeliveryError error = report.error();
    return error == null ? null : new MessageError(error.code(), error.title(), error.details());
  }
}
