package org.openwaba.messaging.status;

import java.util.ArrayList;
import java.util.List;
import org.openwaba.messaging.MessageStatusChanged;
import org.openwaba.messaging.MessageStatusesChanged;
import org.openwaba.messaging.store.MessageStore;
import org.openwaba.messaging.store.MessageStore.Addressing;
import org.openwaba.messaging.store.MessageStore.StatusUpdate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes status changes with one batched statement, publishes one {@link MessageStatusesChanged}
 * holding a {@link MessageStatusChanged} for each change that moved a message, in order, and counts
 * them. A change that would move a status backwards, or repeat it, is ignored, so networks may
 * report at least once. Must run inside the caller's read-write transaction.
 */
@Component
public class StatusRecorder {

  private final MessageStore messages;
  private final ApplicationEventPublisher events;
  private final MessageMetrics metrics;

  StatusRecorder(MessageStore messages, ApplicationEventPublisher events, MessageMetrics metrics) {
    this.messages = messages;
    this.events = events;
    this.metrics = metrics;
  }

  /** Applies the updates in order; returns, for each, whether it moved its message. */
  public boolean[] record(List<StatusUpdate> updates) {
    if (updates.isEmpty()) {
      return new boolean[0];
    }
    boolean[] moved = messages.advanceAll(updates);
    List<MessageStatusChanged> changes = new ArrayList<>(moved.length);
    for (int i = 0; i < moved.length; i++) {
      if (moved[i]) {
        StatusUpdate u = updates.get(i);
        Addressing to = u.addressing();
        changes.add(
            new MessageStatusChanged(
                u.id(),
                to.accountId(),
                to.phoneNumberId(),
                to.recipient(),
                to.acceptedAt(),
                u.status(),
                u.at(),
                u.error(),
                to.callbackData()));
        metrics.reached(u.status());
      }
    }
    if (!changes.isEmpty()) {
      events.publishEvent(new MessageStatusesChanged(changes));
    }
    return moved;
  }
}
