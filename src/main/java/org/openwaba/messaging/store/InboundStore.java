package org.openwaba.messaging.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.InboundMessage;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.Reaction;
import org.openwaba.network.DeviceMedia;
import org.openwaba.platform.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Persists the messages users sent to the business's numbers. */
@Repository
public class InboundStore {

  private static final String COLUMNS =
      "SELECT id, account_id, phone_number_id, sender, profile_name, type, body, context_id,"
          + " received_at, media, read_at, content, reaction, reaction_at FROM messaging_inbound";

  /** Its own mapper keeps the stored form independent of the API's JSON settings. */
  private static final JsonMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private final JdbcClient jdbc;
  private final SqlDialect dialect;

  InboundStore(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /** Stores the message; returns false if one with its id is stored already. */
  public boolean insert(InboundMessage m) {
    return jdbc.sql(
                "INSERT INTO messaging_inbound (id, account_id, phone_number_id, sender,"
                    + " profile_name, type, body, context_id, received_at, media, content)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + dialect.insertIgnoringConflictOn("id"))
            .params(
                m.id().value(),
                m.accountId().value(),
                m.phoneNumberId().value(),
                m.from(),
                m.profileName(),
                m.type(),
                m.body(),
                m.contextId(),
                m.receivedAt().toEpochMilli(),
                m.media() == null ? null : JSON.writeValueAsString(m.media()),
                m.content())
            .update()
        == 1;
  }

  /**
   * Records that the business read the message; the first time counts. Returns whether it exists.
   */
  public boolean markRead(MessageId id, AccountId accountId, Instant at) {
    return jdbc.sql(
                "UPDATE messaging_inbound SET read_at = COALESCE(read_at, ?)"
                    + " WHERE id = ? AND account_id = ?")
            .params(at.toEpochMilli(), id.value(), accountId.value())
            .update()
        == 1;
  }

  /**
   * Sets or, with a null emoji, removes the business's reaction on a message that {@code from} sent
   * to the account; returns whether there is such a message.
   */
  public boolean react(
      MessageId id, AccountId accountId, String from, @Nullable String emoji, Instant at) {
    return jdbc.sql(
                "UPDATE messaging_inbound SET reaction = ?, reaction_at = ?"
                    + " WHERE id = ? AND account_id = ? AND sender = ?")
            .params(emoji, at.toEpochMilli(), id.value(), accountId.value(), from)
            .update()
        == 1;
  }

  public Optional<InboundMessage> find(MessageId id) {
    return jdbc.sql(COLUMNS + " WHERE id = ?")
        .param(id.value())
        .query(InboundStore::map)
        .optional();
  }

  /**
   * The account's newest messages received before {@code before}, newest first, optionally only
   * those from one number.
   */
  public List<InboundMessage> latest(
      AccountId accountId, @Nullable String from, Instant before, int limit) {
    String sql =
        COLUMNS
            + " WHERE account_id = :account AND received_at < :before"
            + (from == null ? "" : " AND sender = :from")
            + " ORDER BY received_at DESC, id DESC LIMIT :limit";
    JdbcClient.StatementSpec statement =
        jdbc.sql(sql)
            .param("account", accountId.value())
            .param("before", before.toEpochMilli())
            .param("limit", limit);
    if (from != null) {
      statement = statement.param("from", from);
    }
    return statement.query(InboundStore::map).list();
  }

  private static InboundMessage map(ResultSet rs, int row) throws SQLException {
    String media = rs.getString("media");
    long readMillis = rs.getLong("read_at");
    Instant readAt = rs.wasNull() ? null : Instant.ofEpochMilli(readMillis);
    return new InboundMessage(
        new MessageId(rs.getString("id")),
        new AccountId(rs.getLong("account_id")),
        new PhoneNumberId(rs.getLong("phone_number_id")),
        rs.getString("sender"),
        rs.getString("profile_name"),
        rs.getString("type"),
        rs.getString("body"),
        rs.getString("context_id"),
        Instant.ofEpochMilli(rs.getLong("received_at")),
        media == null ? null : JSON.readValue(media, DeviceMedia.class),
        readAt,
        rs.getString("content"),
        reaction(rs));
  }

  private static @Nullable Reaction reaction(ResultSet rs) throws SQLException {
    String emoji = rs.getString("reaction");
    return emoji == null
        ? null
        : new Reaction(emoji, Instant.ofEpochMilli(rs.getLong("reaction_at")));
  }
}
