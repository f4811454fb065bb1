package org.openwaba.messaging;

import java.util.List;

/**
 * Messages moved to new statuses. Published synchronously inside the transaction that stored the
 * changes, so that a listener's writes commit or roll back with them; one event carries a whole
 * batch so that listeners can write it in one statement.
 *
 * @param changes in the order they happened; for one message, in causal order. Never empty
 */
public record MessageStatusesChanged(List<MessageStatusChanged> changes) {

  public MessageStatusesChanged {
    changes = List.copyOf(changes);
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a status event needs at least one change");
    }
  }
}
