package org.openwaba.webhooks.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openwaba.webhooks.OutboxEvent;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.openwaba.webhooks.store.EventStore.NewEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQLite's append-only outbox. New events are appended; each registration's progress through the
 * log is one number, written now and then, so an event delivered on its first POST costs its insert
 * and nothing more. Ids follow commit order (SQLite has one writer), so a read sees a prefix of the
 * log and nothing can appear behind a registration's progress. An event whose first POST fails, or
 * that must wait behind an earlier event of its message being retried, moves to {@link
 * EventStore}'s table under the same id; there it shadows its log row. Only the server that owns
 * the SQLite file reads the log, so nothing here needs a lease. Not used on PostgreSQL.
 */
@Repository
public class EventLog {

  private static final String DELIVERED_AT =
      "(SELECT p.at FROM webhooks_log_progress p WHERE p.registration_id = l.registration_id"
          + " AND p.delivered_through >= l.id ORDER BY p.delivered_through LIMIT 1)";
  private static final String NOT_MOVED =
      "NOT EXISTS (SELECT 1 FROM webhooks_event e WHERE e.id = l.id)";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  EventLog(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Appends events with one batched statement, in list order; call inside the change's transaction.
   * The log gives the ids: those of the events are ignored.
   */
  public void append(List<NewEvent> events) {
    List<Object[]> rows = new ArrayList<>(events.size());
    for (NewEvent e : events) {
      rows.add(
          new Object[] {
            e.registrationId(),
            e.accountId(),
            e.kind().apiName(),
            e.orderKey(),
            e.orderSeq(),
            e.value(),
            e.createdAt().toEpochMilli()
          });
    }
    template.batchUpdate(
        "INSERT INTO webhooks_log (registration_id, account_id, kind, order_key, order_seq, value,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** Up to {@code limit} events of the registration after {@code afterId}, in log order. */
  public List<ClaimedEvent> after(long registrationId, long afterId, int limit) {
    return jdbc.sql(
            "SELECT id, account_id, kind, order_key, order_seq, value, created_at FROM webhooks_log"
                + " WHERE registration_id = ? AND id > ? ORDER BY id LIMIT ?")
        .params(registrationId, afterId, limit)
        .query(
            (rs, row) ->
                new ClaimedEvent(
                    rs.getLong(1),
                    registrationId,
                    rs.getLong(2),
                    rs.getString(4),
                    rs.getLong(5),
                    EventStore.kindOf(rs.getString(3)),
                    0,
                    Instant.ofEpochMilli(rs.getLong(7)),
                    rs.getString(6),
                    true))
        .list();
  }

  /** The last id up to which the registration's events are settled; 0 before any progress. */
  public long deliveredThrough(long registrationId) {
    return jdbc.sql(
            "SELECT COALESCE(MAX(delivered_through), 0) FROM webhooks_log_progress"
                + " WHERE registration_id = ?")
        .param(registrationId)
        .query(Long.class)
        .single();
  }

  /**
   * When the registration's first event after {@code afterId} was queued, and the last id of its
   * log now; empty if there is none after it.
   */
  public Optional<Unsettled> unsettledAfter(long registrationId, long afterId) {
    List<Unsettled> found = new ArrayList<>(1);
    jdbc.sql(
            "SELECT MIN(created_at), MAX(id) FROM webhooks_log WHERE registration_id = ? AND id > ?")
        .params(registrationId, afterId)
        .query(
            rs -> {
              long last = rs.getLong(2);
              if (!rs.wasNull()) {
                found.add(new Unsettled(Instant.ofEpochMilli(rs.getLong(1)), last));
              }
            });
    return found.stream().findFirst();
  }

  /**
   * The part of a registration's log after its recorded progress.
   *
   * @param firstQueuedAt the creation time of its oldest event
   * @param lastId the last id it has
   */
  public record Unsettled(Instant firstQueuedAt, long lastId) {}

  /**
   * Records that every event of the registration up to {@code through} was delivered or moved, as
   * of {@code at}. Call only once those results have committed.
   */
  public void advance(long registrationId, long through, Instant at) {
    jdbc.sql(
            "INSERT INTO webhooks_log_progress (registration_id, delivered_through, at)"
                + " VALUES (?, ?, ?) ON CONFLICT (registration_id, delivered_through) DO NOTHING")
        .params(registrationId, through, at.toEpochMilli())
        .update();
  }

  /**
   * The registration's newest events still only in the log, newest first: delivered up to its
   * progress, pending after it; {@code state} null for both.
   */
  public List<OutboxEvent> recent(long registrationId, @Nullable String state, int limit) {
    long through = deliveredThrough(registrationId);
    String range = "";
    if (state != null) {
      range = state.equals("delivered") ? " AND l.id <= :through" : " AND l.id > :through";
    }
    return jdbc.sql(
            "SELECT l.id, l.kind, l.order_key, l.created_at, l.value, "
                + DELIVERED_AT
                + " FROM webhooks_log l WHERE l.registration_id = :r"
                + range
                + " AND "
                + NOT_MOVED
                + " ORDER BY l.id DESC LIMIT :limit")
        .param("r", registrationId)
        .param("through", through)
        .param("limit", limit)
        .query(
            (rs, row) -> {
              Instant created = Instant.ofEpochMilli(rs.getLong(4));
              boolean done = rs.getLong(1) <= through;
              long delivered = rs.getLong(6);
              return new OutboxEvent(
                  rs.getLong(1),
                  registrationId,
                  EventStore.kindOf(rs.getString(2)),
                  rs.getString(3),
                  done ? "delivered" : "pending",
                  done ? 1 : 0,
                  created,
                  created,
                  null,
                  done ? Instant.ofEpochMilli(delivered) : null,
                  rs.getString(5));
            })
        .list();
  }

  /** The registration's log events among {@code ids}, as queued; for a redelivery. */
  public List<NewEvent> find(long registrationId, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT id, account_id, kind, order_key, order_seq, value, created_at FROM webhooks_log"
                + " WHERE registration_id = :r AND id IN (:ids) ORDER BY id")
        .param("r", registrationId)
        .param("ids", ids)
        .query(
            (rs, row) ->
                new NewEvent(
                    rs.getLong(1),
                    registrationId,
                    rs.getLong(2),
                    EventStore.kindOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getString(6),
                    Instant.ofEpochMilli(rs.getLong(7))))
        .list();
  }

  /** How many of the registration's events lie past its recorded progress. */
  public long pending(long registrationId) {
    return jdbc.sql("SELECT COUNT(*) FROM webhooks_log WHERE registration_id = ? AND id > ?")
        .params(registrationId, deliveredThrough(registrationId))
        .query(Long.class)
        .single();
  }

  /**
   * Deletes up to {@code limit} events per registration that were settled before {@code cutoff},
   * and the progress steps no remaining event needs; the newest step of each registration stays.
   * Returns how many events were deleted.
   */
  public int purgeSettledBefore(Instant cutoff, int limit) {
    int purged = 0;
    List<Long> registrations =
        jdbc.sql("SELECT DISTINCT registration_id FROM webhooks_log_progress")
            .query(Long.class)
            .list();
    for (long registration : registrations) {
      Long bound =
          jdbc.sql(
                  "SELECT MAX(delivered_through) FROM webhooks_log_progress"
                      + " WHERE registration_id = ? AND at < ?")
              .params(registration, cutoff.toEpochMilli())
              .query(Long.class)
              .optional()
              .orElse(null);
      if (bound != null) {
        purged +=
            jdbc.sql(
                    "DELETE FROM webhooks_log WHERE id IN (SELECT id FROM webhooks_log"
                        + " WHERE registration_id = ? AND id <= ? ORDER BY id LIMIT ?)")
                .params(registration, bound, limit)
                .update();
      }
      jdbc.sql(
              "DELETE FROM webhooks_log_progress WHERE registration_id = :r"
                  + " AND delivered_through < (SELECT MAX(delivered_through)"
                  + " FROM webhooks_log_progress WHERE registration_id = :r)"
                  + " AND delivered_through < COALESCE((SELECT MIN(id) FROM webhooks_log"
                  + " WHERE registration_id = :r), 9223372036854775807)")
          .param("r", registration)
          .update();
    }
    return purged;
  }

  /** Deletes everything of a deleted registration. */
  public void deleteRegistration(long registrationId) {
    jdbc.sql("DELETE FROM webhooks_log WHERE registration_id = ?").param(registrationId).update();
    jdbc.sql("DELETE FROM webhooks_log_progress WHERE registration_id = ?")
        .param(registrationId)
        .update();
  }
}
