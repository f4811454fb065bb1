package org.openwaba.messaging.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.MessageStatus;
import org.openwaba.messaging.Reaction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persists outbound messages and moves their statuses forward. */
@Repository
public class MessageStore {

  private static final String COLUMNS =
      "SELECT id, account_id, phone_number_id, sender, recipient, type, body, formatting,"
          + " preview_url, reply_to, status, status_at, created_at, error_code, error_title,"
          + " error_details, media, content, callback_data FROM messaging_message";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final ThreadLocal<HeldMessages> held = new ThreadLocal<>();

  MessageStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Inserts new messages in one JDBC batch; call inside a transaction. */
  public void insertAll(List<StoredMessage> messages) {
    List<HeldMessages.Row> rows = new ArrayList<>(messages.size());
    for (StoredMessage m : messages) {
      rows.add(new HeldMessages.Row(m));
    }
    insertRows(rows);
  }

  /**
   * Holds new messages in memory, on this thread, until {@link HeldMessages#flush} inserts each
   * once in its final state; call inside a transaction and flush before it commits. Meanwhile the
   * status changes and reactions this thread makes to them apply to the held rows. The accepting
   * transaction holds its batch: where the network reports at once (the sandbox with no delays) a
   * message would otherwise be inserted and then updated to sent, delivered and read, four row
   * versions and their index entries in one transaction (docs/benchmarks.md).
   */
  public HeldMessages hold(List<StoredMessage> messages) {
    if (held.get() != null) {
      throw new IllegalStateException("this thread already holds messages");
    }
    HeldMessages holding = new HeldMessages(this, messages);
    held.set(holding);
    return holding;
  }

  void release(HeldMessages holding) {
    if (held.get() == holding) {
      held.remove();
    }
  }

  void insertRows(List<HeldMessages.Row> rows) {
    List<Object[]> params = new ArrayList<>(rows.size());
    for (HeldMessages.Row r : rows) {
      StoredMessage m = r.message;
      MessageError error = r.error;
      params.add(
          new Object[] {
            m.id().value(),
            m.accountId().value(),
            m.phoneNumberId().value(),
            m.sender(),
            m.recipient(),
            m.type(),
            m.body(),
            m.formatting(),
            m.previewUrl(),
            m.replyTo(),
            r.status.name().toLowerCase(Locale.ROOT),
            r.status.ordinal(),
            r.statusAt.toEpochMilli(),
            m.createdAt().toEpochMilli(),
            m.media(),
            m.content(),
            m.callbackData(),
            millis(r.sentAt),
            millis(r.deliveredAt),
            millis(r.readAt),
            millis(r.failedAt),
            error == null ? null : error.code(),
            error == null ? null : error.title(),
            error == null ? null : error.details(),
            r.reaction,
            millis(r.reactionAt)
          });
    }
    template.batchUpdate(
        "INSERT INTO messaging_message (id, account_id, phone_number_id, sender, recipient, type,"
            + " body, formatting, preview_url, reply_to, status, status_rank, status_at,"
            + " created_at, media, content, callback_data, sent_at, delivered_at, read_at,"
            + " failed_at, error_code, error_title, error_details, reaction, reaction_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?)",
        params);
  }

  private static @Nullable Long millis(@Nullable Instant at) {
    return at == null ? null : at.toEpochMilli();
  }

  /**
   * Sets or, with a null emoji, removes the recipient's reaction on one of the account's messages
   * to {@code recipient}; returns whether there is such a message.
   */
  public boolean react(
      MessageId id, AccountId accountId, String recipient, @Nullable String emoji, Instant at) {
    HeldMessages.Row heldRow = heldRow(id.value());
    if (heldRow != null) {
      return heldRow.react(accountId, recipient, emoji, at);
    }
    return jdbc.sql(
                "UPDATE messaging_message SET reaction = ?, reaction_at = ?"
                    + " WHERE id = ? AND account_id = ? AND recipient = ?")
            .params(emoji, at.toEpochMilli(), id.value(), accountId.value(), recipient)
            .update()
        == 1;
  }

  /** The recipient's current reaction on the message, if any. */
  public Optional<Reaction> reaction(MessageId id) {
    return jdbc.sql(
            "SELECT reaction, reaction_at FROM messaging_message"
                + " WHERE id = ? AND reaction IS NOT NULL")
        .param(id.value())
        .query(
            (rs, row) ->
                new Reaction(
                    rs.getString("reaction"), Instant.ofEpochMilli(rs.getLong("reaction_at"))))
        .optional();
  }

  public Optional<StoredMessage> find(MessageId id) {
    return jdbc.sql(COLUMNS + " WHERE id = ?")
        .param(id.value())
        .query(MessageStore::map)
        .optional();
  }

  /** The messages with these ids, in no particular order; missing ids are skipped. */
  public List<StoredMessage> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(COLUMNS + " WHERE id IN (:ids)")
        .param("ids", ids)
        .query(MessageStore::map)
        .list();
  }

  /**
   * Who a message belongs to and who it goes to, carried with each status change so that listeners
   * need not read the message again.
   *
   * @param recipient E.164, with its {@code +}
   * @param callbackData the business's {@code biz_opaque_callback_data}, echoed in status webhooks
   */
  public record Addressing(
      AccountId accountId,
      PhoneNumberId phoneNumberId,
      String recipient,
      Instant acceptedAt,
      @Nullable String callbackData) {

    public static Addressing of(StoredMessage message) {
      return new Addressing(
          message.accountId(),
          message.phoneNumberId(),
          message.recipient(),
          message.createdAt(),
          message.callbackData());
    }
  }

  /** A message's addressing and current status, for applying status reports. */
  public record CurrentStatus(Addressing addressing, MessageStatus status) {}

  /** A status change to write; {@code error} only for failed. */
  public record StatusUpdate(
      MessageId id,
      Addressing addressing,
      MessageStatus status,
      Instant at,
      @Nullable MessageError error) {}

  /** The current status of each of these messages that exists. */
  public Map<String, CurrentStatus> currentStatuses(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, CurrentStatus> statuses = new HashMap<>();
    List<String> stored = new ArrayList<>(ids.size());
    for (String id : ids) {
      HeldMessages.Row heldRow = heldRow(id);
      if (heldRow != null) {
        statuses.put(id, heldRow.current());
      } else {
        stored.add(id);
      }
    }
    if (stored.isEmpty()) {
      return statuses;
    }
    jdbc.sql(
            "SELECT id, account_id, phone_number_id, recipient, created_at, status, callback_data"
                + " FROM messaging_message WHERE id IN (:ids)")
        .param("ids", stored)
        .query(
            rs -> {
              statuses.put(
                  rs.getString(1),
                  new CurrentStatus(
                      new Addressing(
                          new AccountId(rs.getLong(2)),
                          new PhoneNumberId(rs.getLong(3)),
                          rs.getString(4),
                          Instant.ofEpochMilli(rs.getLong(5)),
                          rs.getString(7)),
                      MessageStatus.valueOf(rs.getString(6).toUpperCase(Locale.ROOT))));
            });
    return statuses;
  }

  /**
   * Applies status changes in order with one batched statement. Each row moves only if its current
   * status is one it may move from in one step (see {@link #predecessorRanks}), so a repeated or
   * out-of-date change is a harmless no-op, also when two servers race. Messages this thread
   * {@linkplain #hold holds} change in memory, by the same rule.
   *
   * @return for each update, whether it moved the message
   */
  public boolean[] advanceAll(List<StatusUpdate> updates) {
    HeldMessages holding = held.get();
    if (holding == null) {
      return advanceStored(updates);
    }
    boolean[] moved = new boolean[updates.size()];
    List<StatusUpdate> stored = new ArrayList<>(updates.size());
    List<Integer> storedAt = new ArrayList<>(updates.size());
    for (int i = 0; i < updates.size(); i++) {
      StatusUpdate update = updates.get(i);
      HeldMessages.Row heldRow = holding.row(update.id().value());
      if (heldRow != null) {
        moved[i] = heldRow.advance(update);
      } else {
        stored.add(update);
        storedAt.add(i);
      }
    }
    boolean[] storedMoved = advanceStored(stored);
    for (int i = 0; i < storedMoved.length; i++) {
      moved[storedAt.get(i)] = storedMoved[i];
    }
    return moved;
  }

  private boolean[] advanceStored(List<StatusUpdate> updates) {
    if (updates.isEmpty()) {
      return new boolean[0];
    }
    List<Object[]> rows = new ArrayList<>(updates.size());
    for (StatusUpdate u : updates) {
      long at = u.at().toEpochMilli();
      int[] from = predecessorRanks(u.status());
      MessageError error = u.error();
      rows.add(
          new Object[] {
            u.status().name().toLowerCase(Locale.ROOT),
            u.status().ordinal(),
            at,
            u.status() == MessageStatus.SENT ? at : null,
            u.status() == MessageStatus.DELIVERED ? at : null,
            u.status() == MessageStatus.READ ? at : null,
            u.status() == MessageStatus.FAILED ? at : null,
            error == null ? null : error.code(),
            error == null ? null : error.title(),
            error == null ? null : error.details(),
            u.id().value(),
            from[0],
            from[1]
          });
    }
    int[] counts =
        template.batchUpdate(
            "UPDATE messaging_message SET status = ?, status_rank = ?, status_at = ?,"
                + " sent_at = COALESCE(?, sent_at), delivered_at = COALESCE(?, delivered_at),"
                + " read_at = COALESCE(?, read_at), failed_at = COALESCE(?, failed_at),"
                + " error_code = ?, error_title = ?, error_details = ?"
                + " WHERE id = ? AND status_rank >= ? AND status_rank < ?",
            rows);
    boolean[] moved = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      moved[i] = counts[i] != 0;
    }
    return moved;
  }

  private HeldMessages.@Nullable Row heldRow(String id) {
    HeldMessages holding = held.get();
    return holding == null ? null : holding.row(id);
  }

  /**
   * The ranks, as a half-open range, a message may move to {@code status} from in one step:
   * accepted → sent → delivered → read, and failed only before delivery.
   */
  static int[] predecessorRanks(MessageStatus status) {
    return switch (status) {
      case ACCEPTED -> new int[] {0, 0};
      case SENT -> new int[] {MessageStatus.ACCEPTED.ordinal(), MessageStatus.SENT.ordinal()};
      case DELIVERED, FAILED ->
          new int[] {MessageStatus.ACCEPTED.ordinal(), MessageStatus.DELIVERED.ordinal()};
      case READ -> new int[] {MessageStatus.DELIVERED.ordinal(), MessageStatus.READ.ordinal()};
    };
  }

  private static StoredMessage map(ResultSet rs, int row) throws SQLException {
    int errorCode = rs.getInt("error_code");
    MessageError error =
        rs.wasNull()
            ? null
            : new MessageError(
                errorCode, rs.getString("error_title"), rs.getString("error_details"));
    return new StoredMessage(
        new MessageId(rs.getString("id")),
        new AccountId(rs.getLong("account_id")),
        new PhoneNumberId(rs.getLong("phone_number_id")),
        rs.getString("sender"),
        rs.getString("recipient"),
        rs.getString("type"),
        rs.getString("body"),
        rs.getString("formatting"),
        rs.getBoolean("preview_url"),
        rs.getString("reply_to"),
        MessageStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        Instant.ofEpochMilli(rs.getLong("status_at")),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        error,
        rs.getString("media"),
        rs.getString("content"),
        rs.getString("callback_data"));
  }
}
