package org.openwaba.messaging.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.MessageStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persists outbound messages and moves their statuses forward. */
@Repository
public class MessageStore {

  private static final String COLUMNS =
      "SELECT id, account_id, phone_number_id, sender, recipient, type, body, formatting,"
          + " preview_url, reply_to, status, status_at, created_at, error_code, error_title,"
          + " error_details FROM messaging_message";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  MessageStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Inserts new messages in one JDBC batch; call inside a transaction. */
  public void insertAll(List<StoredMessage> messages) {
    List<Object[]> rows = new ArrayList<>(messages.size());
    for (StoredMessage m : messages) {
      long created = m.createdAt().toEpochMilli();
      rows.add(
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
            m.status().name().toLowerCase(Locale.ROOT),
            m.status().ordinal(),
            m.statusAt().toEpochMilli(),
            created
          });
    }
    template.batchUpdate(
        "INSERT INTO messaging_message (id, account_id, phone_number_id, sender, recipient, type,"
            + " body, formatting, preview_url, reply_to, status, status_rank, status_at,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
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
   * Moves a message to {@code status} if its current status is one of {@code from}; returns the
   * message's account if it moved, empty if it was unknown or in another status.
   */
  public Optional<AccountId> advance(
      MessageId id,
      MessageStatus status,
      Instant at,
      @Nullable MessageError error,
      Set<MessageStatus> from) {
    if (from.isEmpty()) {
      return Optional.empty();
    }
    String timeColumn = status.name().toLowerCase(Locale.ROOT) + "_at";
    StringBuilder ranks = new StringBuilder();
    for (MessageStatus candidate : from) {
      ranks.append(ranks.isEmpty() ? "" : ", ").append(candidate.ordinal());
    }
    return jdbc.sql(
            "UPDATE messaging_message SET status = ?, status_rank = ?, status_at = ?, "
                + timeColumn
                + " = ?, error_code = ?, error_title = ?, error_details = ?"
                + " WHERE id = ? AND status_rank IN ("
                + ranks
                + ") RETURNING account_id")
        .params(
            status.name().toLowerCase(Locale.ROOT),
            status.ordinal(),
            at.toEpochMilli(),
            at.toEpochMilli(),
            error == null ? null : error.code(),
            error == null ? null : error.title(),
            error == null ? null : error.details(),
            id.value())
        .query((rs, row) -> new AccountId(rs.getLong(1)))
        .optional();
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
        error);
  }
}
