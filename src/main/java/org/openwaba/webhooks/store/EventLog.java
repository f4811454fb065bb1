package org.openwaba.webhooks.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.SqlDialect;
import org.openwaba.webhooks.OutboxEvent;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.openwaba.webhooks.store.EventStore.NewEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only outbox. New events are appended; each registration's progress through the log is
 * one {@link LogPosition}, written now and then, so an event delivered on its first POST costs its
 * insert and nothing more. A read sees a prefix of the log, so nothing can appear behind a
 * registration's progress: on SQLite because ids follow commit order (one writer), on PostgreSQL
 * because a read stops before the oldest transaction still running (see its V12 migration). An
 * event whose first POST fails, or that must wait behind an earlier event of its message being
 * retried, moves to {@link EventStore}'s table under the same id; there it shadows its log row.
 * Where servers share the store, one server at a time reads a registration's log, under a lease.
 * SQLite keeps one row per event; PostgreSQL keeps the events of an append in one row ({@link
 * PackedLog}), which answers every read of events there.
 */
@Repository
public class EventLog {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final Positions sql;
  private final boolean leased;

  /** PostgreSQL's rows, which pack the events of an append; null on SQLite. */
  private final @Nullable PackedLog packed;

  EventLog(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.template = template;
    this.leased = dialect.sharedByServers();
    this.sql = leased ? Positions.BY_TRANSACTION : Positions.BY_ID;
    this.packed = leased ? new PackedLog(jdbc, template) : null;
  }

  /**
   * How positions are written in SQL: by id alone on SQLite, by (tx, id) on PostgreSQL, whose reads
   * of events {@link PackedLog} makes (these serve its progress steps and purge).
   */
  private enum Positions {
    BY_ID("l.id", "0", "p.delivered_through", "", "(registration_id, delivered_through)", ""),
    BY_TRANSACTION(
        "(l.tx, l.id)",
        "l.tx",
        "(p.delivered_tx, p.delivered_through)",
        "delivered_tx, ",
        "(registration_id, delivered_tx, delivered_through)",
        ":tx, ");

    final String log;
    final String tx;
    final String progress;
    final String txColumn;
    final String progressKey;
    final String txParam;

    Positions(
        String log,
        String tx,
        String progress,
        String txColumn,
        String progressKey,
        String txParam) {
      this.log = log;
      this.tx = tx;
      this.progress = progress;
      this.txColumn = txColumn;
      this.progressKey = progressKey;
      this.txParam = txParam;
    }

    /** The position of a progress step, with its table's name or alias. */
    String progressOf(String table) {
      return progress.replace("p.", table + ".");
    }

    /** A position parameter, to compare with {@link #log} or {@link #progress}. */
    String param() {
      return txParam.isEmpty() ? ":id" : "(:tx, :id)";
    }

    /** The log's order, or its reverse. */
    String order(boolean descending) {
      String direction = descending ? " DESC" : "";
      return txParam.isEmpty() ? "l.id" + direction : "l.tx" + direction + ", l.id" + direction;
    }

    String progressOrder(boolean descending) {
      String direction = descending ? " DESC" : "";
      return txParam.isEmpty()
          ? "p.delivered_through" + direction
          : "p.delivered_tx" + direction + ", p.delivered_through" + direction;
    }
  }

  /**
   * Appends events in list order with one statement; call inside the change's transaction. The log
   * gives the ids: those of the events are ignored.
   */
  public void append(List<NewEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    if (packed != null) {
      packed.append(events);
      return;
    }
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

  /**
   * Up to {@code limit} events of the registration after {@code after}, in log order; on PostgreSQL
   * only those of transactions older than every one still running.
   */
  public List<ClaimedEvent> after(long registrationId, LogPosition after, int limit) {
    if (packed != null) {
      return packed.after(registrationId, after, limit);
    }
    return jdbc.sql(
            "SELECT l.id, l.account_id, l.kind, l.order_key, l.order_seq, l.value, l.created_at, "
                + sql.tx
                + " FROM webhooks_log l WHERE l.registration_id = :r AND "
                + sql.log
                + " > "
                + sql.param()
                + " ORDER BY "
                + sql.order(false)
                + " LIMIT :limit")
        .param("r", registrationId)
        .param("tx", after.tx())
        .param("id", after.id())
        .param("limit", limit)
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
                    true,
                    rs.getLong(8)))
        .list();
  }

  /** The position up to which the registration's events are settled; START before any progress. */
  public LogPosition deliveredThrough(long registrationId) {
    return jdbc.sql(
            "SELECT "
                + sql.txColumn
                + "delivered_through FROM webhooks_log_progress p WHERE registration_id = ?"
                + " ORDER BY "
                + sql.progressOrder(true)
                + " LIMIT 1")
        .param(registrationId)
        .query((rs, row) -> step(rs))
        .optional()
        .orElse(LogPosition.START);
  }

  /** A progress step's position, selected as {@code [delivered_tx, ]delivered_through}. */
  private LogPosition step(ResultSet rs) throws SQLException {
    return leased
        ? new LogPosition(rs.getLong(1), rs.getLong(2))
        : new LogPosition(0, rs.getLong(1));
  }

  /**
   * When the registration's first event after {@code after} was queued, and the last position of
   * its log now; empty if there is none after it.
   */
  public Optional<Unsettled> unsettledAfter(long registrationId, LogPosition after) {
    if (packed != null) {
      return packed.unsettledAfter(registrationId, after);
    }
    String past = " FROM webhooks_log l WHERE l.registration_id = :r AND " + sql.log + " > ";
    return jdbc.sql(
            "SELECT (SELECT MIN(l.created_at)"
                + past
                + sql.param()
                + "), "
                + sql.tx
                + ", l.id"
                + past
                + sql.param()
                + " ORDER BY "
                + sql.order(true)
                + " LIMIT 1")
        .param("r", registrationId)
        .param("tx", after.tx())
        .param("id", after.id())
        .query(
            (rs, row) ->
                new Unsettled(
                    Instant.ofEpochMilli(rs.getLong(1)),
                    new LogPosition(rs.getLong(2), rs.getLong(3))))
        .optional();
  }

  /**
   * The part of a registration's log after its recorded progress.
   *
   * @param firstQueuedAt the creation time of its oldest event
   * @param last the last position it has
   */
  public record Unsettled(Instant firstQueuedAt, LogPosition last) {}

  /**
   * Records that every event of the registration up to {@code through} was delivered or moved, as
   * of {@code at}. Call only once those results have committed.
   */
  public void advance(long registrationId, LogPosition through, Instant at) {
    jdbc.sql(
            "INSERT INTO webhooks_log_progress (registration_id, "
                + sql.txColumn
                + "delivered_through, at) VALUES (:r, "
                + sql.txParam
                + ":id, :at) ON CONFLICT "
                + sql.progressKey
                + " DO NOTHING")
        .param("r", registrationId)
        .param("tx", through.tx())
        .param("id", through.id())
        .param("at", at.toEpochMilli())
        .update();
  }

  /**
   * The registration's newest events still only in the log, newest first: delivered up to its
   * progress, pending after it; {@code state} null for both.
   */
  public List<OutboxEvent> recent(long registrationId, @Nullable String state, int limit) {
    LogPosition through = deliveredThrough(registrationId);
    if (packed != null) {
      return packed.recent(registrationId, state, limit, through);
    }
    String range = "";
    if (state != null) {
      range = " AND " + sql.log + (state.equals("delivered") ? " <= " : " > ") + sql.param();
    }
    String deliveredAt =
        "(SELECT p.at FROM webhooks_log_progress p WHERE p.registration_id = l.registration_id"
            + " AND "
            + sql.progress
            + " >= "
            + sql.log
            + " ORDER BY "
            + sql.progressOrder(false)
            + " LIMIT 1)";
    return jdbc.sql(
            "SELECT l.id, l.kind, l.order_key, l.created_at, l.value, "
                + deliveredAt
                + ", "
                + sql.tx
                + " FROM webhooks_log l WHERE l.registration_id = :r"
                + range
                + " AND NOT EXISTS (SELECT 1 FROM webhooks_event e WHERE e.id = l.id)"
                + " ORDER BY "
                + sql.order(true)
                + " LIMIT :limit")
        .param("r", registrationId)
        .param("tx", through.tx())
        .param("id", through.id())
        .param("limit", limit)
        .query(
            (rs, row) -> {
              Instant created = Instant.ofEpochMilli(rs.getLong(4));
              boolean done = !new LogPosition(rs.getLong(7), rs.getLong(1)).isAfter(through);
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

  /** The registration's log events among {@code ids}, as queued, with whether each is settled. */
  public List<Found> find(long registrationId, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    LogPosition through = deliveredThrough(registrationId);
    if (packed != null) {
      return packed.find(registrationId, ids, through);
    }
    return jdbc.sql(
            "SELECT l.id, l.account_id, l.kind, l.order_key, l.order_seq, l.value, l.created_at, "
                + sql.tx
                + " FROM webhooks_log l WHERE l.registration_id = :r AND l.id IN (:ids) ORDER BY "
                + sql.order(false))
        .param("r", registrationId)
        .param("ids", ids)
        .query(
            (rs, row) ->
                new Found(
                    new NewEvent(
                        rs.getLong(1),
                        registrationId,
                        rs.getLong(2),
                        EventStore.kindOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        Instant.ofEpochMilli(rs.getLong(7))),
                    !new LogPosition(rs.getLong(8), rs.getLong(1)).isAfter(through)))
        .list();
  }

  /**
   * A log event found by its id.
   *
   * @param settled whether the registration's progress has passed it
   */
  public record Found(NewEvent event, boolean settled) {}

  /** How many of the registration's events lie past its recorded progress. */
  public long pending(long registrationId) {
    LogPosition through = deliveredThrough(registrationId);
    if (packed != null) {
      return packed.pending(registrationId, through);
    }
    return jdbc.sql(
            "SELECT COUNT(*) FROM webhooks_log l WHERE l.registration_id = :r AND "
                + sql.log
                + " > "
                + sql.param())
        .param("r", registrationId)
        .param("tx", through.tx())
        .param("id", through.id())
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
      Optional<LogPosition> bound =
          jdbc.sql(
                  "SELECT "
                      + sql.txColumn
                      + "delivered_through FROM webhooks_log_progress p"
                      + " WHERE registration_id = ? AND at < ? ORDER BY "
                      + sql.progressOrder(true)
                      + " LIMIT 1")
              .params(registration, cutoff.toEpochMilli())
              .query((rs, row) -> step(rs))
              .optional();
      if (bound.isPresent() && packed != null) {
        purged += packed.purgeSettled(registration, bound.get(), limit);
      } else if (bound.isPresent()) {
        purged +=
            jdbc.sql(
                    "DELETE FROM webhooks_log WHERE id IN (SELECT l.id FROM webhooks_log l"
                        + " WHERE l.registration_id = :r AND "
                        + sql.log
                        + " <= "
                        + sql.param()
                        + " ORDER BY "
                        + sql.order(false)
                        + " LIMIT :limit)")
                .param("r", registration)
                .param("tx", bound.get().tx())
                .param("id", bound.get().id())
                .param("limit", limit)
                .update();
      }
      // A step is kept while it is the newest, or while an event still kept lies at or before it.
      String step = sql.progressOf("webhooks_log_progress");
      jdbc.sql(
              "DELETE FROM webhooks_log_progress WHERE registration_id = :r"
                  + " AND EXISTS (SELECT 1 FROM webhooks_log_progress n"
                  + " WHERE n.registration_id = :r AND "
                  + sql.progressOf("n")
                  + " > "
                  + step
                  + ") AND NOT EXISTS (SELECT 1 FROM webhooks_log l WHERE l.registration_id = :r"
                  + " AND "
                  + sql.log
                  + " <= "
                  + step
                  + ")")
          .param("r", registration)
          .update();
    }
    return purged;
  }

  /**
   * Takes or renews the lease on reading the registration's log for {@code reader}, until {@code
   * until}; true if it holds it now. Where one server owns the store there is nothing to share, and
   * the answer is always true.
   */
  public boolean lease(long registrationId, String reader, Instant until, Instant now) {
    if (!leased) {
      return true;
    }
    return jdbc.sql(
                "INSERT INTO webhooks_log_reader (registration_id, reader, lease_until)"
                    + " VALUES (:r, :reader, :until) ON CONFLICT (registration_id) DO UPDATE"
                    + " SET reader = EXCLUDED.reader, lease_until = EXCLUDED.lease_until"
                    + " WHERE webhooks_log_reader.reader = EXCLUDED.reader"
                    + " OR webhooks_log_reader.lease_until < :now")
            .param("r", registrationId)
            .param("reader", reader)
            .param("until", until.toEpochMilli())
            .param("now", now.toEpochMilli())
            .update()
        == 1;
  }

  /** Gives up {@code reader}'s lease, so that another server may read the log at once. */
  public void release(long registrationId, String reader) {
    if (leased) {
      jdbc.sql(
              "UPDATE webhooks_log_reader SET lease_until = 0"
                  + " WHERE registration_id = ? AND reader = ?")
          .params(registrationId, reader)
          .update();
    }
  }

  /** Deletes everything of a deleted registration. */
  public void deleteRegistration(long registrationId) {
    jdbc.sql("DELETE FROM webhooks_log WHERE registration_id = ?").param(registrationId).update();
    jdbc.sql("DELETE FROM webhooks_log_progress WHERE registration_id = ?")
        .param(registrationId)
        .update();
    if (leased) {
      jdbc.sql("DELETE FROM webhooks_log_reader WHERE registration_id = ?")
          .param(registrationId)
          .update();
    }
  }
}
