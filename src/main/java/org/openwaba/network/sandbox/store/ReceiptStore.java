package org.openwaba.network.sandbox.store;

import static org.openwaba.network.sandbox.store.SqlValues.changed;
import static org.openwaba.network.sandbox.store.SqlValues.instant;
import static org.openwaba.network.sandbox.store.SqlValues.setMillis;
import static org.openwaba.network.sandbox.store.SqlValues.setText;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.platform.SqlDialect;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The receipts devices will send, kept in the received message's row ({@code receipt_kind}, {@code
 * receipt_due_at}): a message waits for at most one receipt at a time, a delivery and then a read.
 *
 * <p>A due receipt is claimed by selecting its row inside the transaction that applies it, locked
 * on PostgreSQL ({@code FOR UPDATE SKIP LOCKED}, so two servers never claim the same receipt) and
 * under the single-writer lock on SQLite; the transaction then {@linkplain #settleAll settles}
 * every claimed receipt with one guarded update that records what the receipt did and schedules the
 * next one. If that transaction rolls back, the receipts are due again.
 */
@Repository
public class ReceiptStore {

  /**
   * A due receipt with the state of its message and device when it was claimed; a device not stored
   * counts as offline.
   */
  public record Claimed(
      Receipt receipt,
      @Nullable Instant deliveredAt,
      @Nullable Instant readAt,
      boolean deviceOnline) {}

  /**
   * What applying a claimed receipt leaves in its message's row: the message's delivered and read
   * times, and the next receipt, if any ({@code nextKind} and {@code nextDue} are both set or both
   * null).
   */
  public record Settlement(
      Receipt claimed,
      @Nullable Instant deliveredAt,
      @Nullable Instant readAt,
      @Nullable ReceiptKind nextKind,
      @Nullable Instant nextDue) {

    public Settlement {
      if ((nextKind == null) != (nextDue == null)) {
        throw new IllegalArgumentException(
            "nextKind and nextDue must both be set or both be null, were "
                + nextKind
                + " and "
                + nextDue);
      }
    }
  }

  private static final String CLAIM_COLUMNS =
      "SELECT m.message_id, m.receipt_kind, m.receipt_due_at, m.account_id, m.device_number,"
          + " m.seq, m.delivered_at, m.read_at, d.online"
          + " FROM network_sandbox_message m LEFT JOIN network_sandbox_device d"
          + " ON d.account_id = m.account_id AND d.device_number = m.device_number";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final SqlDialect dialect;

  ReceiptStore(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.template = template;
    this.dialect = dialect;
  }

  /**
   * Queues each receipt on its message, with one batched statement, unless the message already
   * waits for a receipt or is not stored; returns, for each receipt in order, whether it was
   * queued.
   */
  public boolean[] scheduleAll(List<Receipt> batch) {
    if (batch.isEmpty()) {
      return new boolean[0];
    }
    return changed(
        template.batchUpdate(
            "UPDATE network_sandbox_message SET receipt_kind = ?, receipt_due_at = ?"
                + " WHERE message_id = ? AND receipt_kind IS NULL",
            new BatchPreparedStatementSetter() {
              @Override
              public void setValues(PreparedStatement ps, int i) throws SQLException {
                Receipt receipt = batch.get(i);
                ps.setString(1, receipt.kind().name());
                ps.setLong(2, receipt.dueAt().toEpochMilli());
                ps.setString(3, receipt.messageId());
              }

              @Override
              public int getBatchSize() {
                return batch.size();
              }
            }));
  }

  /**
   * Queues a delivery receipt, due at {@code dueAt}, for every message the device received from
   * this account, has not delivered yet and waits for no receipt; returns how many were queued.
   */
  public int scheduleBacklog(AccountId accountId, String number, Instant dueAt) {
    return jdbc.sql(
            "UPDATE network_sandbox_message SET receipt_kind = ?, receipt_due_at = ?"
                + " WHERE account_id = ? AND device_number = ? AND delivered_at IS NULL"
                + " AND receipt_kind IS NULL AND message_type <> ?")
        .params(
            ReceiptKind.DELIVERED.name(),
            dueAt.toEpochMilli(),
            accountId.value(),
            number,
            StoredMessage.REACTION)
        .update();
  }

  /**
   * Whether any receipt is due at {@code now}; a cheap check that needs no write transaction. The
   * order makes it read the first entry of the due-time index: without it PostgreSQL's planner,
   * expecting many matching rows, scanned the whole table for one (18 ms with 90,000 messages).
   */
  public boolean anyDue(Instant now) {
    return jdbc.sql(
            "SELECT 1 FROM network_sandbox_message WHERE receipt_due_at <= ?"
                + " ORDER BY receipt_due_at LIMIT 1")
        .param(now.toEpochMilli())
        .query((rs, row) -> true)
        .optional()
        .isPresent();
  }

  /**
   * Claims up to {@code limit} receipts due at {@code now}, earliest first, and returns them in
   * {@link Receipt#APPLY_ORDER}. Call inside the transaction that settles them; a receipt claimed
   * and not settled stays due.
   */
  public List<Claimed> claimDue(Instant now, int limit) {
    return jdbc
        .sql(
            CLAIM_COLUMNS
                + " WHERE m.receipt_due_at <= ? ORDER BY m.receipt_due_at, m.seq LIMIT ?"
                + forUpdateOfMessages())
        .params(now.toEpochMilli(), limit)
        .query(ReceiptStore::mapClaimed)
        .list()
        .stream()
        .sorted((a, b) -> Receipt.APPLY_ORDER.compare(a.receipt(), b.receipt()))
        .toList();
  }

  /** Claims this one receipt again, if it is still queued as it was. */
  public Optional<Claimed> claim(Receipt receipt) {
    return jdbc.sql(
            CLAIM_COLUMNS
                + " WHERE m.message_id = ? AND m.receipt_kind = ? AND m.receipt_due_at = ?"
                + forUpdateOfMessages())
        .params(receipt.messageId(), receipt.kind().name(), receipt.dueAt().toEpochMilli())
        .query(ReceiptStore::mapClaimed)
        .optional();
  }

  /**
   * Writes what each claimed receipt did, with one batched statement; returns, for each settlement
   * in order, whether it applied. One whose receipt is no longer queued as claimed (settled or
   * cancelled meanwhile) changes nothing.
   */
  public boolean[] settleAll(List<Settlement> settlements) {
    if (settlements.isEmpty()) {
      return new boolean[0];
    }
    return changed(
        template.batchUpdate(
            "UPDATE network_sandbox_message SET delivered_at = ?, read_at = ?, receipt_kind = ?,"
                + " receipt_due_at = ?"
                + " WHERE message_id = ? AND receipt_kind = ? AND receipt_due_at = ?",
            new BatchPreparedStatementSetter() {
              @Override
              public void setValues(PreparedStatement ps, int i) throws SQLException {
                Settlement settlement = settlements.get(i);
                Receipt claimed = settlement.claimed();
                setMillis(ps, 1, settlement.deliveredAt());
                setMillis(ps, 2, settlement.readAt());
                setText(ps, 3, settlement.nextKind() == null ? null : settlement.nextKind().name());
                setMillis(ps, 4, settlement.nextDue());
                ps.setString(5, claimed.messageId());
                ps.setString(6, claimed.kind().name());
                ps.setLong(7, claimed.dueAt().toEpochMilli());
              }

              @Override
              public int getBatchSize() {
                return settlements.size();
              }
            }));
  }

  /** Moves a queued receipt to a later due time, after applying it failed. */
  public void postpone(Receipt receipt, Instant dueAt) {
    jdbc.sql(
            "UPDATE network_sandbox_message SET receipt_due_at = ?"
                + " WHERE message_id = ? AND receipt_kind = ? AND receipt_due_at = ?")
        .params(
            dueAt.toEpochMilli(),
            receipt.messageId(),
            receipt.kind().name(),
            receipt.dueAt().toEpochMilli())
        .update();
  }

  /** Drops the receipt queued for the message, if any. */
  public void cancel(String messageId) {
    jdbc.sql(
            "UPDATE network_sandbox_message SET receipt_kind = NULL, receipt_due_at = NULL"
                + " WHERE message_id = ? AND receipt_kind IS NOT NULL")
        .param(messageId)
        .update();
  }

  /** The receipt queued for the message, if any. */
  public Optional<Receipt> ofMessage(String messageId) {
    return jdbc.sql(CLAIM_COLUMNS + " WHERE m.message_id = ? AND m.receipt_kind IS NOT NULL")
        .param(messageId)
        .query((rs, row) -> mapClaimed(rs, row).receipt())
        .optional();
  }

  /** Locks only the message rows: a device row is shared by many messages and other claimers. */
  private String forUpdateOfMessages() {
    return dialect.claimingRowsOf("m");
  }

  private static Claimed mapClaimed(ResultSet rs, int row) throws SQLException {
    Receipt receipt =
        new Receipt(
            rs.getString("message_id"),
            ReceiptKind.valueOf(rs.getString("receipt_kind")),
            Instant.ofEpochMilli(rs.getLong("receipt_due_at")),
            new AccountId(rs.getLong("account_id")),
            rs.getString("device_number"),
            rs.getLong("seq"));
    return new Claimed(
        receipt, instant(rs, "delivered_at"), instant(rs, "read_at"), rs.getBoolean("online"));
  }
}
