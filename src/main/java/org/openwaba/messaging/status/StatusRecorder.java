package org.openwaba.messaging.status;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.MessageStatus;
import org.openwaba.messaging.MessageStatusChanged;
import org.openwaba.messaging.store.MessageStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Moves a message's status forward, publishes {@link MessageStatusChanged} for each transition and
 * counts it. A report that would move a status backwards, or repeat it, is ignored, so networks may
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

  /**
   * Moves the message to {@code status} if that is a step forward; returns whether it moved. A
   * {@code read} report for a message not yet delivered records {@code delivered} first, at the
   * same instant, so that every reader of the history sees delivered before read.
   */
  public boolean advance(
      MessageId id, MessageStatus status, Instant at, @Nullable MessageError error) {
    if (status == MessageStatus.READ && !move(id, status, at, null)) {
      return move(id, MessageStatus.DELIVERED, at, null) && move(id, status, at, null);
    }
    return move(id, status, at, error);
  }

  private boolean move(
      MessageId id, MessageStatus status, Instant at, @Nullable MessageError error) {
    Optional<AccountId> account = messages.advance(id, status, at, error, predecessors(status));
    if (account.isEmpty()) {
      return false;
    }
    events.publishEvent(new MessageStatusChanged(id, account.get(), status, at, error));
    metrics.reached(status);
    return true;
  }

  /** The statuses a message may move to {@code status} from, in one step. */
  private static Set<MessageStatus> predecessors(MessageStatus status) {
    return switch (status) {
      case ACCEPTED -> Set.of();
      case SENT -> Set.of(MessageStatus.ACCEPTED);
      case DELIVERED, FAILED -> Set.of(MessageStatus.ACCEPTED, MessageStatus.SENT);
      case READ -> Set.of(MessageStatus.DELIVERED);
    };
  }
}
