package org.openwaba.webhooks.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.SqlDialect;
import org.openwaba.webhooks.OutboxEvent;
import org.openwaba.webhooks.WebhookEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox: events waiting for, or done with, delivery to one registration each. Claims lease
 * rows to one worker; on PostgreSQL a claim also locks them, so that two servers never claim the
 * same event.
 */
@Repository
public class EventStore {

  /** An event to queue. */
  public record NewEvent(
      long id,
      long registrationId,
      long accountId,
      WebhookEvent kind,
      @Nullable String orderKey,
      long orderSeq,
      String value,
      Instant createdAt) {}

  /** A claimed event, with what delivering it needs. */
  public record ClaimedEvent(
      long id, WebhookEvent kind, int attempts, Instant createdAt, String value) {}

  /** A failed attempt's consequence for one event: retry at {@code dueAt}, or give up. */
  public record Outcome(long id, int attempts, @Nullable Instant dueAt, String error) {}

  private static final String PENDING = "pending";
  private static final String COLUMNS =
      "SELECT id, registration_id, kind, order_key, state, attempts, created_at, due_at,"
          + " last_error, finished_at, value FROM webhooks_event";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final SqlDialect dialect;

  EventStore(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.template = template;
    this.dialect = dialect;
  }

  /** Queues events, due at once, with one batched statement. Call inside the change's tx. */
  public void insertAll(List<NewEvent> events) {
    List<Object[]> rows = new ArrayList<>(events.size());
    for (NewEvent e : events) {
      long created = e.createdAt().toEpochMilli();
      rows.add(
          new Object[] {
            e.id(),
            e.registrationId(),
            e.accountId(),
            e.kind().apiName(),
            e.kind().field(),
            e.orderKey(),
            e.orderSeq(),
            e.value(),
            created,
            created
          });
    }
    template.batchUpdate(
        "INSERT INTO webhooks_event (id, registration_id, account_id, kind, field, order_key,"
            + " order_seq, value, created_at, state, attempts, due_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)",
        rows);
  }

  /**
   * Claims up to {@code limit} due events of one registration, oldest due first, skipping any event
   * that an earlier pending event with the same order key still holds back. Call inside a
   * read-write transaction.
   */
  public List<ClaimedEvent> claim(
      long registrationId, Instant now, int limit, String claimant, Instant leaseUntil) {
    long nowMillis = now.toEpochMilli();
    List<ClaimedEvent> claimed =
        jdbc.sql(
                "SELECT e.id, e.kind, e.attempts, e.created_at, e.value FROM webhooks_event e"
                    + " WHERE e.registration_id = ? AND e.state = 'pending' AND e.due_at <= ?"
                    + " AND (e.lease_until IS NULL OR e.lease_until <= ?)"
                    + " AND (e.order_key IS NULL OR NOT EXISTS (SELECT 1 FROM webhooks_event p"
                    + " WHERE p.registration_id = e.registration_id AND p.order_key = e.order_key"
                    + " AND p.order_seq < e.order_seq AND p.state = 'pending'))"
                    + " ORDER BY e.due_at, e.id LIMIT ? "
                    + dialect.claimingRowsOf("e"))
            .params(registrationId, nowMillis, nowMillis, limit)
            .query(
                (rs, row) ->
                    new ClaimedEvent(
                        rs.getLong(1),
                        kindOf(rs.getString(2)),
                        rs.getInt(3),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getString(5)))
            .list();
    if (claimed.isEmpty()) {
      return claimed;
    }
    List<Object[]> rows = new ArrayList<>(claimed.size());
    for (ClaimedEvent e : claimed) {
      rows.add(new Object[] {claimant, leaseUntil.toEpochMilli(), e.id()});
    }
    template.batchUpdate(
        "UPDATE webhooks_event SET claimed_by = ?, lease_until = ? WHERE id = ?", rows);
    return claimed;
  }

  /** Marks events delivered. */
  public void delivered(Collection<Long> ids, Instant at) {
    List<Object[]> rows = new ArrayList<>(ids.size());
    for (long id : ids) {
      rows.add(new Object[] {at.toEpochMilli(), id});
    }
    template.batchUpdate(
        "UPDATE webhooks_event SET state = 'delivered', finished_at = ?, attempts = attempts + 1,"
            + " lease_until = NULL, claimed_by = NULL, last_error = NULL WHERE id = ?",
        rows);
  }

  /** Records failed attempts: each event is retried at its due time or, without one, failed. */
  public void failedAttempts(List<Outcome> outcomes, Instant at) {
    List<Object[]> rows = new ArrayList<>(outcomes.size());
    for (Outcome o : outcomes) {
      Instant due = o.dueAt();
      rows.add(
          new Object[] {
            due == null ? "failed" : PENDING,
            o.attempts(),
            due == null ? at.toEpochMilli() : due.toEpochMilli(),
            truncate(o.error()),
            due == null ? at.toEpochMilli() : null,
            o.id()
          });
    }
    template.batchUpdate(
        "UPDATE webhooks_event SET state = ?, attempts = ?, due_at = ?, last_error = ?,"
            + " finished_at = ?, lease_until = NULL, claimed_by = NULL WHERE id = ?",
        rows);
  }

  /**
   * Queues these events of the registration again, due at once, whatever their state; the others
   * are left alone. Returns how many were queued.
   */
  public int redeliver(long registrationId, Collection<Long> ids, Instant now) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "UPDATE webhooks_event SET state = 'pending', due_at = :now, finished_at = NULL,"
                + " lease_until = NULL, claimed_by = NULL"
                + " WHERE registration_id = :registration AND id IN (:ids)")
        .param("now", now.toEpochMilli())
        .param("registration", registrationId)
        .param("ids", ids)
        .update();
  }

  /** Queues every failed event of the registration again, due at once. */
  public int redeliverFailed(long registrationId, Instant now) {
    return jdbc.sql(
            "UPDATE webhooks_event SET state = 'pending', due_at = ?, finished_at = NULL"
                + " WHERE registration_id = ? AND state = 'failed'")
        .params(now.toEpochMilli(), registrationId)
        .update();
  }

  /** The registration's events, newest first, optionally only those in {@code state}. */
  public List<OutboxEvent> list(long registrationId, @Nullable String state, int limit) {
    if (state == null) {
      return jdbc.sql(
              COLUMNS + " WHERE registration_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")
          .params(registrationId, limit)
          .query(EventStore::map)
          .list();
    }
    return jdbc.sql(
            COLUMNS
                + " WHERE registration_id = ? AND state = ? ORDER BY created_at DESC, id DESC"
                + " LIMIT ?")
        .params(registrationId, state, limit)
        .query(EventStore::map)
        .list();
  }

  /** Pending events per registration, for the backlog gauge. */
  public Map<Long, Long> backlog() {
    Map<Long, Long> backlog = new HashMap<>();
    jdbc.sql(
            "SELECT registration_id, COUNT(*) FROM webhooks_event WHERE state = 'pending'"
                + " GROUP BY registration_id")
        .query(
            rs -> {
              backlog.put(rs.getLong(1), rs.getLong(2));
            });
    return backlog;
  }

  /** Deletes up to {@code limit} delivered or failed events finished before {@code cutoff}. */
  public int purgeFinishedBefore(Instant cutoff, int limit) {
    return jdbc.sql(
            "DELETE FROM webhooks_event WHERE id IN (SELECT id FROM webhooks_event"
                + " WHERE finished_at < ? LIMIT ?)")
        .params(cutoff.toEpochMilli(), limit)
        .update();
  }

  private static WebhookEvent kindOf(String apiName) {
    return WebhookEvent.byApiName(apiName)
        .orElseThrow(() -> new IllegalStateException("unknown event kind " + apiName));
  }

  private static OutboxEvent map(ResultSet rs, int row) throws SQLException {
    long finished = rs.getLong("finished_at");
    Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
    return new OutboxEvent(
        rs.getLong("id"),
        rs.getLong("registration_id"),
        kindOf(rs.getString("kind")),
        rs.getString("order_key"),
        rs.getString("state"),
        rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("due_at")),
        rs.getString("last_error"),
        finishedAt,
        rs.getString("value"));
  }

  private static String truncate(String error) {
    return error.length() <= 500 ? error : error.substring(0, 500);
  }
}
