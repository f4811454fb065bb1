package org.openwaba.network.sandbox.store;

import static org.openwaba.network.sandbox.store.SqlValues.changed;
import static org.openwaba.network.sandbox.store.SqlValues.instant;
import static org.openwaba.network.sandbox.store.SqlValues.setMillis;
import static org.openwaba.network.sandbox.store.SqlValues.setText;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.network.sandbox.DeviceReaction;
import org.openwaba.platform.SqlDialect;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Persists the messages devices received. Every query is scoped by account and device except the
 * receipt updates, which address a message by its globally unique id. Writes on the hot paths take
 * a whole batch and are one batched statement each, prepared once: the SQLite driver has no
 * statement cache, so every statement costs a prepare.
 */
@Repository
public class ReceivedMessageStore {

  private static final String COLUMNS =
      "SELECT message_id, account_id, device_number, seq, phone_number_id, from_number,"
          + " message_type, body, formatting, preview_url, reply_to, accepted_at, received_at,"
          + " delivered_at, read_at, media, content, reaction, reaction_at FROM network_sandbox_message";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final SqlDialect dialect;

  ReceivedMessageStore(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.template = template;
    this.dialect = dialect;
  }

  /**
   * Stores the messages, with one batched statement, except those whose id is already stored
   * (earlier, or earlier in the list); returns, for each message in order, whether it was stored.
   */
  public boolean[] insertAllIfAbsent(List<StoredMessage> batch) {
    return insertAllIfAbsent(batch, Collections.nCopies(batch.size(), null));
  }

  /**
   * Like {@link #insertAllIfAbsent(List)}, and queues with each message the receipt at the same
   * index of {@code receipts} (null for none), in the same statement.
   */
  public boolean[] insertAllIfAbsent(
      List<StoredMessage> batch, List<? extends @Nullable Receipt> receipts) {
    if (batch.size() != receipts.size()) {
      throw new IllegalArgumentException(
          "one receipt (or null) per message expected: "
              + batch.size()
              + " messages, "
              + receipts.size()
              + " receipts");
    }
    if (batch.isEmpty()) {
      return new boolean[0];
    }
    int[] counts =
        template.batchUpdate(
            "INSERT INTO network_sandbox_message (message_id, account_id, device_number, seq,"
                + " phone_number_id, from_number, message_type, body, formatting, preview_url,"
                + " reply_to, accepted_at, received_at, delivered_at, read_at, receipt_kind,"
                + " receipt_due_at, media, content)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + dialect.insertIgnoringConflictOn("message_id"),
            new BatchPreparedStatementSetter() {
              @Override
              public void setValues(PreparedStatement ps, int i) throws SQLException {
                StoredMessage message = batch.get(i);
                ps.setString(1, message.messageId());
                ps.setLong(2, message.accountId().value());
                ps.setString(3, message.deviceNumber());
                ps.setLong(4, message.seq());
                ps.setLong(5, message.phoneNumberId().value());
                ps.setString(6, message.from());
                ps.setString(7, message.type());
                ps.setString(8, message.body());
                ps.setString(9, SpansJson.write(message.spans()));
                ps.setBoolean(10, message.previewUrl());
                setText(ps, 11, message.replyTo());
                ps.setLong(12, message.acceptedAt().toEpochMilli());
                ps.setLong(13, message.receivedAt().toEpochMilli());
                setMillis(ps, 14, message.deliveredAt());
                setMillis(ps, 15, message.readAt());
                Receipt receipt = receipts.get(i);
                setText(ps, 16, receipt == null ? null : receipt.kind().name());
                setMillis(ps, 17, receipt == null ? null : receipt.dueAt());
                setText(ps, 18, MediaJson.write(message.media()));
                setText(ps, 19, message.content());
              }

              @Override
              public int getBatchSize() {
                return batch.size();
              }
            });
    return changed(counts);
  }

  /** The message, if this device received it from this account. */
  public Optional<StoredMessage> find(AccountId accountId, String number, String messageId) {
    return jdbc.sql(COLUMNS + " WHERE message_id = ? AND account_id = ? AND device_number = ?")
        .params(messageId, accountId.value(), number)
        .query(ReceivedMessageStore::map)
        .optional();
  }

  /** The {@code limit} messages the device received last from this account, oldest first. */
  public List<StoredMessage> latest(AccountId accountId, String number, int limit) {
    List<StoredMessage> newestFirst =
        new ArrayList<>(
            jdbc.sql(
                    COLUMNS
                        + " WHERE account_id = ? AND device_number = ? ORDER BY seq DESC LIMIT ?")
                .params(accountId.value(), number, limit)
                .query(ReceivedMessageStore::map)
                .list());
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  /**
   * What the device received from this account. Reactions are left out: they are never delivered or
   * read (§2.9), so counting them would show them waiting for ever.
   */
  public MessageCounts counts(AccountId accountId, String number) {
    return jdbc.sql(
            "SELECT COUNT(*) AS received, COUNT(delivered_at) AS delivered,"
                + " COUNT(read_at) AS read_count FROM network_sandbox_message"
                + " WHERE account_id = ? AND device_number = ? AND message_type <> ?")
        .params(accountId.value(), number, StoredMessage.REACTION)
        .query(
            (rs, row) ->
                new MessageCounts(
                    rs.getLong("received"), rs.getLong("delivered"), rs.getLong("read_count")))
        .single();
  }

  /**
   * Sets or, with a null emoji, removes the device's reaction on a message it received from this
   * account; returns whether there is such a message.
   */
  public boolean react(
      AccountId accountId, String number, String messageId, @Nullable String emoji, Instant at) {
    return jdbc.sql(
                "UPDATE network_sandbox_message SET reaction = ?, reaction_at = ?"
                    + " WHERE message_id = ? AND account_id = ? AND device_number = ?")
            .params(emoji, at.toEpochMilli(), messageId, accountId.value(), number)
            .update()
        == 1;
  }

  /** Marks the message delivered unless it already is; returns whether it changed. */
  public boolean markDelivered(String messageId, Instant at) {
    return jdbc.sql(
                "UPDATE network_sandbox_message SET delivered_at = ?"
                    + " WHERE message_id = ? AND delivered_at IS NULL")
            .params(at.toEpochMilli(), messageId)
            .update()
        == 1;
  }

  /** Marks a delivered message read unless it already is; returns whether it changed. */
  public boolean markRead(String messageId, Instant at) {
    return jdbc.sql(
                "UPDATE network_sandbox_message SET read_at = ?"
                    + " WHERE message_id = ? AND delivered_at IS NOT NULL AND read_at IS NULL")
            .params(at.toEpochMilli(), messageId)
            .update()
        == 1;
  }

  private static StoredMessage map(ResultSet rs, int row) throws SQLException {
    return new StoredMessage(
        rs.getString("message_id"),
        new AccountId(rs.getLong("account_id")),
        rs.getString("device_number"),
        rs.getLong("seq"),
        new PhoneNumberId(rs.getLong("phone_number_id")),
        rs.getString("from_number"),
        rs.getString("message_type"),
        rs.getString("body"),
        SpansJson.read(rs.getString("formatting")),
        rs.getBoolean("preview_url"),
        rs.getString("reply_to"),
        Instant.ofEpochMilli(rs.getLong("accepted_at")),
        Instant.ofEpochMilli(rs.getLong("received_at")),
        instant(rs, "delivered_at"),
        instant(rs, "read_at"),
        MediaJson.read(rs.getString("media")),
        rs.getString("content"),
        reaction(rs));
  }

  private static @Nullable DeviceReaction reaction(ResultSet rs) throws SQLException {
    String emoji = rs.getString("reaction");
    return emoji == null
        ? null
        : new DeviceReaction(emoji, Instant.ofEpochMilli(rs.getLong("reaction_at")));
  }
}
