package org.openwaba.messaging.status;

import java.util.List;
import org.openwaba.messaging.MessageStatusChanged;
import org.openwaba.messaging.store.MessageStore;
import org.openwaba.messaging.store.MessageStore.StatusUpdate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes status changes with one batched statement, publishes {@link MessageStatusChanged} for each
 * change that moved a message, in order, and counts it. A change that would move a status
 * backwards, or repeat it, is ignored, so networks may report at least once. Must run inside the
 * caller's read-write transaction.
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
    for (int i = 0; i < moved.length; i++) {
      if (moved[i]) {
        StatusUpdate u = updates.get(i);
        events.publishEvent(
            new MessageStatusChanged(u.id(), u.accountId(), u.status(), u.at(), u.error()));
        metrics.reached(u.status());
      }
    }
    return moved;
  }
}
