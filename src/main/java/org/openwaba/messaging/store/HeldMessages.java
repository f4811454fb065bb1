package org.openwaba.messaging.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageStatus;
import org.openwaba.messaging.store.MessageStore.CurrentStatus;
import org.openwaba.messaging.store.MessageStore.StatusUpdate;

/**
 * New messages that their accepting transaction keeps in memory until it inserts them, each once,
 * in its final state (see {@link MessageStore#hold}). While they are held, the store applies status
 * changes and reactions to them here, by the same rules as to stored rows. Not thread-safe: it
 * belongs to the thread of the transaction that holds it.
 */
public final class HeldMessages implements AutoCloseable {

  private final MessageStore store;
  private final Map<String, Row> rows = new LinkedHashMap<>();
  private boolean done;

  HeldMessages(MessageStore store, List<StoredMessage> messages) {
    this.store = store;
    for (StoredMessage message : messages) {
      rows.put(message.id().value(), new Row(message));
    }
  }

  /** Puts every held message back in the state it was accepted in. */
  public void reset() {
    rows.values().forEach(Row::reset);
  }

  /** Inserts the held messages in their current state and stops holding them. */
  public void flush() {
    if (done) {
      throw new IllegalStateException("the held messages were already inserted or dropped");
    }
    store.release(this);
    done = true;
    store.insertRows(List.copyOf(rows.values()));
  }

  /** Stops holding without inserting anything, unless {@link #flush} already inserted them. */
  @Override
  public void close() {
    if (!done) {
      store.release(this);
      done = true;
    }
  }

  @Nullable Row row(String id) {
    return rows.get(id);
  }

  /** One held message and what has happened to it since it was accepted. */
  static final class Row {
    final StoredMessage message;
    MessageStatus status;
    Instant statusAt;
    @Nullable MessageError error;
    @Nullable Instant sentAt;
    @Nullable Instant deliveredAt;
    @Nullable Instant readAt;
    @Nullable Instant failedAt;
    @Nullable String reaction;
    @Nullable Instant reactionAt;

    Row(StoredMessage message) {
      this.message = message;
      reset();
    }

    void reset() {
      status = message.status();
      statusAt = message.statusAt();
      error = message.error();
      sentAt = null;
      deliveredAt = null;
      readAt = null;
      failedAt = null;
      reaction = null;
      reactionAt = null;
    }

    /** Applies the update as the stored row's conditional update would; returns whether it did. */
    boolean advance(StatusUpdate update) {
      int[] from = MessageStore.predecessorRanks(update.status());
      int rank = status.ordinal();
      if (rank < from[0] || rank >= from[1]) {
        return false;
      }
      Instant at = update.at();
      status = update.status();
      statusAt = at;
      error = update.error();
      switch (update.status()) {
        case SENT -> sentAt = at;
        case DELIVERED -> deliveredAt = at;
        case READ -> readAt = at;
        case FAILED -> failedAt = at;
        case ACCEPTED -> {}
      }
      return true;
    }

    boolean react(AccountId accountId, String recipient, @Nullable String emoji, Instant at) {
      if (!message.accountId().equals(accountId) || !message.recipient().equals(recipient)) {
        return false;
      }
      reaction = emoji;
      reactionAt = at;
      return true;
    }

    CurrentStatus current() {
      return new CurrentStatus(MessageStore.Addressing.of(message), status);
    }
  }
}
