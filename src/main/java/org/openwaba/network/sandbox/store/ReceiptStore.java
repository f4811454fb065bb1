package org.openwaba.network.sandbox.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.openwaba.accounts.AccountId;
import org.openwaba.platform.SqlDialect;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable queue of receipts devices will send. A receipt is claimed by deleting it inside the
 * transaction that applies it: if that transaction rolls back the receipt is back, and if it
 * commits no other claimer, in this process or another one on the same PostgreSQL, can have it.
 */
@Repository
public class ReceiptStore {

  private static final String RECEIPT_COLUMNS =
      "message_id, kind, due_at, account_id, device_number, seq";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final SqlDialect dialect;

  ReceiptStore(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.template = template;
    this.dialect = dialect;
  }

  /**
   * Queues the receipts, with one batched statement, except those of a kind already queued for
   * their message.
   */
  public void scheduleAll(List<Receipt> batch) {
    if (batch.isEmpty()) {
      return;
    }
    template.batchUpdate(
        "INSERT INTO network_sandbox_receipt ("
            + RECEIPT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?) "
            + dialect.insertIgnoringConflictOn("message_id, kind"),
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            Receipt receipt = batch.get(i);
            ps.setString(1, receipt.messageId());
            ps.setString(2, receipt.kind().name());
            ps.setLong(3, receipt.dueAt().toEpochMilli());
            ps.setLong(4, receipt.accountId().value());
            ps.setString(5, receipt.deviceNumber());
            ps.setLong(6, receipt.seq());
          }

          @Override
          public int getBatchSize() {
            return batch.size();
          }
        });
  }

  /**
   * Queues a delivery receipt, due at {@code dueAt}, for every message the device received from
   * this account and has not delivered yet; returns how many were queued.
   */
  public int scheduleBacklog(AccountId accountId, String number, Instant dueAt) {
    // The WHERE clause also tells SQLite that ON CONFLICT belongs to the INSERT, not to a join.
    return jdbc.sql(
            "INSERT INTO network_sandbox_receipt ("
                + RECEIPT_COLUMNS
                + ") SELECT message_id, ?, ?, account_id, device_number, seq"
                + " FROM network_sandbox_message"
                + " WHERE account_id = ? AND device_number = ? AND delivered_at IS NULL "
                + dialect.insertIgnoringConflictOn("message_id, kind"))
        .params(ReceiptKind.DELIVERED.name(), dueAt.toEpochMilli(), accountId.value(), number)
        .update();
  }

  /** Whether any receipt is due at {@code now}; a cheap check that needs no write transaction. */
  public boolean anyDue(Instant now) {
    return jdbc.sql("SELECT 1 FROM network_sandbox_receipt WHERE due_at <= ? LIMIT 1")
        .param(now.toEpochMilli())
        .query((rs, row) -> true)
        .optional()
        .isPresent();
  }

  /**
   * Claims up to {@code limit} receipts due at {@code now}, earliest first, and returns them in
   * {@link Receipt#APPLY_ORDER}. Call inside the transaction that applies them. A concurrent
   * claimer on PostgreSQL waits for this transaction and then gets none of the same receipts.
   */
  public List<Receipt> claimDue(Instant now, int limit) {
    return jdbc
        .sql(
            "DELETE FROM network_sandbox_receipt WHERE (message_id, kind) IN ("
                + "SELECT message_id, kind FROM network_sandbox_receipt WHERE due_at <= ?"
                + " ORDER BY due_at, seq LIMIT ?) RETURNING "
                + RECEIPT_COLUMNS)
        .params(now.toEpochMilli(), limit)
        .query(ReceiptStore::map)
        .list()
        .stream()
        .sorted(Receipt.APPLY_ORDER)
        .toList();
  }

  /** Claims this one receipt; returns false if someone else already has. */
  public boolean claim(Receipt receipt) {
    return jdbc.sql("DELETE FROM network_sandbox_receipt WHERE message_id = ? AND kind = ?")
            .params(receipt.messageId(), receipt.kind().name())
            .update()
        == 1;
  }

  /** Moves a queued receipt to a later due time, after applying it failed. */
  public void postpone(Receipt receipt, Instant dueAt) {
    jdbc.sql("UPDATE network_sandbox_receipt SET due_at = ? WHERE message_id = ? AND kind = ?")
        .params(dueAt.toEpochMilli(), receipt.messageId(), receipt.kind().name())
        .update();
  }

  /** Drops every receipt queued for the message. */
  public void cancel(String messageId) {
    jdbc.sql("DELETE FROM network_sandbox_receipt WHERE message_id = ?").param(messageId).update();
  }

  /** The receipts queued for the message, in {@link Receipt#APPLY_ORDER}. */
  public List<Receipt> ofMessage(String messageId) {
    return jdbc
        .sql("SELECT " + RECEIPT_COLUMNS + " FROM network_sandbox_receipt WHERE message_id = ?")
        .param(messageId)
        .query(ReceiptStore::map)
        .list()
        .stream()
        .sorted(Receipt.APPLY_ORDER)
        .toList();
  }

  private static Receipt map(ResultSet rs, int row) throws SQLException {
    return new Receipt(
        rs.getString("message_id"),
        ReceiptKind.valueOf(rs.getString("kind")),
        Instant.ofEpochMilli(rs.getLong("due_at")),
        new AccountId(rs.getLong("account_id")),
        rs.getString("device_number"),
        rs.getLong("seq"));
  }
}
