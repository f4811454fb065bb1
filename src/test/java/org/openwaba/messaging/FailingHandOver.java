package org.openwaba.messaging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener that, while armed, fails the next {@code sent} status change inside the
 * transaction that records it, the way a failing network or listener would break a hand-over.
 */
@Component
class FailingHandOver {

  /** How many hand-overs still fail; tests arm it and it disarms itself. */
  static final AtomicInteger ARMED = new AtomicInteger();

  /** Messages whose {@code sent} change was recorded without failing. */
  static final Set<String> SENT = ConcurrentHashMap.newKeySet();

  @EventListener
  void on(MessageStatusesChanged event) {
    for (MessageStatusChanged change : event.changes()) {
      if (change.status() == MessageStatus.SENT
          && ARMED.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        throw new IllegalStateException("hand-over failed on purpose for " + change.messageId());
      }
      if (change.status() == MessageStatus.SENT) {
        SENT.add(change.messageId().value());
      }
    }
  }
}
