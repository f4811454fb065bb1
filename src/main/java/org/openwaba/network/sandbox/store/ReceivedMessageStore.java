package org.openwaba.network.sandbox.store;

import static org.openwaba.network.sandbox.store.SqlValues.instant;
import static org.openwaba.network.sandbox.store.SqlValues.millis;
import static org.openwaba.network.sandbox.store.SqlValues.text;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.platform.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Persists the messages devices received. Every query is scoped by account and device except the
 * receipt updates, which address a message by its globally unique id.
 */
@Repository
public class ReceivedMessageStore {

  private static final String COLUMNS =
      "SELECT message_id, account_id, device_number, seq, phone_number_id, from_number,"
          + " message_type, body, formatting, preview_url, reply_to, accepted_at, received_at,"
          + " delivered_at, read_at FROM network_sandbox_message";

  private final JdbcClient jdbc;
  private final SqlDialect dialect;

  ReceivedMessageStore(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /** Stores the message unless one with its id exists; returns whether it was stored. */
  public boolean insertIfAbsent(StoredMessage message) {
    return jdbc.sql(
                "INSERT INTO network_sandbox_message (message_id, account_id, device_number, seq,"
                    + " phone_number_id, from_number, message_type, body, formatting, preview_url,"
                    + " reply_to, accepted_at, received_at, delivered_at, read_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + dialect.insertIgnoringConflictOn("message_id"))
            .params(
                message.messageId(),
                message.accountId().value(),
                message.deviceNumber(),
                message.seq(),
                message.phoneNumberId().value(),
                message.from(),
                message.type(),
                message.body(),
                SpansJson.write(message.spans()),
                message.previewUrl(),
                text(message.replyTo()),
                message.acceptedAt().toEpochMilli(),
                message.receivedAt().toEpochMilli(),
                millis(message.deliveredAt()),
                millis(message.readAt()))
            .update()
        == 1;
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

  /** What the device received from this account. */
  public MessageCounts counts(AccountId accountId, String number) {
    return jdbc.sql(
            "SELECT COUNT(*) AS received, COUNT(delivered_at) AS delivered,"
                + " COUNT(read_at) AS read_count FROM network_sandbox_message"
                + " WHERE account_id = ? AND device_number = ?")
        .params(accountId.value(), number)
        .query(
            (rs, row) ->
                new MessageCounts(
                    rs.getLong("received"), rs.getLong("delivered"), rs.getLong("read_count")))
        .single();
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

  /**
   * Marks the message delivered if it is not yet and its device is online now; returns whether it
   * changed.
   */
  public boolean markDeliveredIfOnline(String messageId, Instant at) {
    return jdbc.sql(
                "UPDATE network_sandbox_message SET delivered_at = ?"
                    + " WHERE message_id = ? AND delivered_at IS NULL AND EXISTS (SELECT 1"
                    + " FROM network_sandbox_device d"
                    + " WHERE d.account_id = network_sandbox_message.account_id"
                    + " AND d.device_number = network_sandbox_message.device_number"
                    + " AND d.online = TRUE)")
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
        instant(rs, "read_at"));
  }
}
