package org.openwaba.webhooks.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.SqlDialect;
import org.openwaba.webhooks.OutboxEvent;
import org.openwaba.webhooks.WebhookEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox: events waiting for, or done with, delivery to one registration each. Where servers
 * may share the store (PostgreSQL), claims lease rows to one worker and lock them, so that two
 * servers never claim the same event; where one server owns it (SQLite), that server reads due
 * events without writing a claim and remembers in memory what it holds ({@link #due}).
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

  /**
   * A claimed event, with what delivering it needs.
   *
   * @param fromLog read from the append-only log ({@link EventLog}) rather than this table
   * @param logTx a log event's inserting transaction, which orders the log with its id ({@link
   *     LogPosition}); 0 for a table event
   */
  public record ClaimedEvent(
      long id,
      long registrationId,
      long accountId,
      @Nullable String orderKey,
      long orderSeq,
      WebhookEvent kind,
      int attempts,
      Instant createdAt,
      String value,
      boolean fromLog,
      long logTx) {

    /** Where a log event lies in the log; meaningless for a table event. */
    public LogPosition position() {
      return new LogPosition(logTx, id);
    }

    /** The event as it was queued, to move it from the log into this table. */
    public NewEvent asNew() {
      return new NewEvent(
          id, registrationId, accountId, kind, orderKey, orderSeq, value, createdAt);
    }
  }

  /**
   * A log event that moves into this table, where it is retried: after its first POST failed, or
   * because an earlier event of its message is retried here.
   *
   * @param dueAt when to post it; null if it is given up at once (failed)
   * @param error what its failed POST answered; null if it was not posted
   */
  public record Moved(
      NewEvent event, int attempts, @Nullable Instant dueAt, @Nullable String error) {}

  /** A failed attempt's consequence for one event: retry at {@code dueAt}, or give up. */
  public record Outcome(long id, int attempts, @Nullable Instant dueAt, String error) {}

  private static final String PENDING = "pending";
  private static final String WAITING = "waiting";
  private static final String FAILED = "failed";
  private static final int KEYS_PER_QUERY = 500;
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

  /**
   * Queues events, due at once, with one batched statement; call inside the change's transaction.
   * An event whose order key already has an undelivered event for the registration (in the store or
   * earlier in this batch) is queued as {@code waiting}: it becomes {@code pending}, and claimable,
   * when the one before it is delivered or given up. So claims never look at held-back events.
   */
  public void insertAll(List<NewEvent> events) {
    List<Moved> rows = new ArrayList<>(events.size());
    for (NewEvent e : events) {
      rows.add(new Moved(e, 0, e.createdAt(), null));
    }
    insert(rows, "", Instant.EPOCH);
  }

  /**
   * Moves log events into this table, under their log ids, in the transaction that records why. An
   * event already here (queued again by a redelivery) is left alone. Inside one call, events of one
   * order key must come in their order.
   */
  public void moveIn(List<Moved> moved, Instant now) {
    insert(moved, dialect.insertIgnoringConflictOn("id"), now);
  }

  private void insert(List<Moved> moved, String onConflict, Instant now) {
    List<NewEvent> events = new ArrayList<>(moved.size());
    for (Moved m : moved) {
      events.add(m.event());
    }
    Map<Long, Set<String>> held = heldKeys(events);
    List<Object[]> rows = new ArrayList<>(moved.size());
    for (Moved m : moved) {
      NewEvent e = m.event();
      Instant due = m.dueAt();
      String key = e.orderKey();
      String state;
      if (due == null) {
        state = FAILED;
      } else if (key != null
          && !held.computeIfAbsent(e.registrationId(), r -> new HashSet<>()).add(key)) {
        state = WAITING;
      } else {
        state = PENDING;
      }
      rows.add(
          new Object[] {
            e.id(),
            e.registrationId(),
            e.accountId(),
            e.kind().apiName(),
            e.kind().field(),
            key,
            e.orderSeq(),
            e.value(),
            e.createdAt().toEpochMilli(),
            state,
            m.attempts(),
            due == null ? now.toEpochMilli() : due.toEpochMilli(),
            m.error() == null ? null : truncate(m.error()),
            due == null ? now.toEpochMilli() : null
          });
    }
    template.batchUpdate(
        "INSERT INTO webhooks_event (id, registration_id, account_id, kind, field, order_key,"
            + " order_seq, value, created_at, state, attempts, due_at, last_error, finished_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + onConflict,
        rows);
  }

  /** The order keys of these events that already have an undelivered event, per registration. */
  private Map<Long, Set<String>> heldKeys(List<NewEvent> events) {
    Map<Long, Set<String>> keys = new HashMap<>();
    for (NewEvent e : events) {
      if (e.orderKey() != null) {
        keys.computeIfAbsent(e.registrationId(), r -> new HashSet<>()).add(e.orderKey());
      }
    }
    Map<Long, Set<String>> held = new HashMap<>();
    keys.forEach((registration, wanted) -> held.put(registration, held(registration, wanted)));
    return held;
  }

  /** Those of {@code keys} that have an event of the registration waiting or due here. */
  public Set<String> held(long registrationId, Collection<String> keys) {
    Set<String> held = new HashSet<>();
    List<String> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY));
      // The state is tested here, not in SQL: with it there, PostgreSQL's planner chose the
      // claim index and read every undelivered event of the registration per insert.
      jdbc.sql(
              "SELECT order_key, state FROM webhooks_event WHERE registration_id = :r"
                  + " AND order_key IN (:keys)")
          .param("r", registrationId)
          .param("keys", chunk)
          .query(
              rs -> {
                String state = rs.getString(2);
                if (state.equals(PENDING) || state.equals(WAITING)) {
                  held.add(rs.getString(1));
                }
              });
    }
    return held;
  }

  /** Those of {@code ids} that are in this table, in any state. */
  public Set<Long> existing(Collection<Long> ids) {
    Set<Long> found = new HashSet<>();
    List<Long> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
      jdbc.sql("SELECT id FROM webhooks_event WHERE id IN (:ids)")
          .param("ids", all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY)))
          .query(
              rs -> {
                found.add(rs.getLong(1));
              });
    }
    return found;
  }

  /** Whether the registration has any event waiting or due here; one probe of the claim index. */
  public boolean anyUndelivered(long registrationId) {
    return jdbc.sql(
            "SELECT 1 FROM webhooks_event WHERE registration_id = ?"
                + " AND state IN ('pending', 'waiting') LIMIT 1")
        .param(registrationId)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /**
   * Makes the next waiting event of each of these (registration, order key) pairs pending, after
   * the one before it was delivered or given up.
   */
  public void releaseNext(Collection<ClaimedEvent> finished) {
    List<Object[]> rows = new ArrayList<>(finished.size());
    for (ClaimedEvent e : finished) {
      if (e.orderKey() != null) {
        rows.add(new Object[] {e.registrationId(), e.orderKey()});
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    template.batchUpdate(
        "UPDATE webhooks_event SET state = 'pending' WHERE id = (SELECT id FROM webhooks_event"
            + " WHERE registration_id = ? AND order_key = ? AND state = 'waiting'"
            + " ORDER BY order_seq, id LIMIT 1)",
        rows);
  }

  /**
   * Releases waiting events that nothing holds back any more: on PostgreSQL a waiting event can be
   * written by a transaction that saw its predecessor undelivered while another transaction was
   * finishing that predecessor, and nobody would release it. Looks only at events older than {@code
   * settledBefore}, whose transactions have long committed.
   */
  public int releaseStranded(long registrationId, Instant settledBefore) {
    // One anti-join, keyed like the order index, so that each waiting event costs one probe of
    // its message's events. With two, PostgreSQL on stale statistics scanned every pending event
    // of the registration once per waiting one: 50 s for 18,000 behind a dead endpoint.
    return jdbc.sql(
            "UPDATE webhooks_event SET state = 'pending' WHERE registration_id = ?"
                + " AND state = 'waiting' AND created_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM webhooks_event o"
                + " WHERE o.registration_id = webhooks_event.registration_id"
                + " AND o.order_key = webhooks_event.order_key"
                + " AND (o.state = 'pending' OR (o.state = 'waiting'"
                + " AND (o.order_seq < webhooks_event.order_seq"
                + " OR (o.order_seq = webhooks_event.order_seq AND o.id < webhooks_event.id)))))")
        .params(registrationId, settledBefore.toEpochMilli())
        .update();
  }

  /**
   * Claims up to {@code limit} due events of one registration, oldest due first, for this claimant
   * until {@code leaseUntil}, with one statement. The lease is the event's due time: a claimed
   * event is not due until its lease ends, so later claims' index range never reaches the events in
   * flight (when it did, each claim walked past every one of them), and an event whose server died
   * is simply due again. Skips rows another transaction is claiming (on PostgreSQL).
   */
  public List<ClaimedEvent> claim(
      long registrationId, Instant now, int limit, String claimant, Instant leaseUntil) {
    List<ClaimedEvent> claimed =
        new ArrayList<>(
            jdbc.sql(
                    "UPDATE webhooks_event SET claimed_by = ?, lease_until = ?, due_at = ?"
                        + " WHERE id IN (SELECT e.id FROM webhooks_event e"
                        + " WHERE e.registration_id = ? AND e.state = 'pending' AND e.due_at <= ?"
                        + " ORDER BY e.due_at, e.id LIMIT ? "
                        + dialect.claimingRowsOf("e")
                        + ") RETURNING id, order_key, kind, attempts, created_at, value, account_id,"
                        + " order_seq")
                .params(
                    claimant,
                    leaseUntil.toEpochMilli(),
                    leaseUntil.toEpochMilli(),
                    registrationId,
                    now.toEpochMilli(),
                    limit)
                .query((rs, row) -> claimedEvent(rs, registrationId))
                .list());
    // RETURNING gives no order; the oldest go first, as they were due first (ties by id).
    claimed.sort(Comparator.comparing(ClaimedEvent::createdAt).thenComparingLong(ClaimedEvent::id));
    return claimed;
  }

  /**
   * Up to {@code limit} due events of one registration, oldest due first, leaving out {@code held}:
   * the claim of a store that one server owns, which keeps its claims in memory. It only reads, so
   * it takes no write lock; the ids come from the claim index alone, and only the events returned
   * are read whole. Events of a crashed server were never marked, so they are due again after a
   * restart: at least once.
   */
  public List<ClaimedEvent> due(long registrationId, Instant now, int limit, Set<Long> held) {
    List<Long> ids = new ArrayList<>(limit);
    jdbc.sql(
            "SELECT id FROM webhooks_event WHERE registration_id = ? AND state = 'pending'"
                + " AND due_at <= ? ORDER BY due_at, id LIMIT ?")
        .params(registrationId, now.toEpochMilli(), limit + held.size())
        .query(
            rs -> {
              long id = rs.getLong(1);
              if (ids.size() < limit && !held.contains(id)) {
                ids.add(id);
              }
            });
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, ClaimedEvent> byId = new HashMap<>();
    for (int from = 0; from < ids.size(); from += KEYS_PER_QUERY) {
      jdbc.sql(
              "SELECT id, order_key, kind, attempts, created_at, value, account_id, order_seq"
                  + " FROM webhooks_event"
                  + " WHERE id IN (:ids) AND state = 'pending'")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + KEYS_PER_QUERY)))
          .query(
              rs -> {
                ClaimedEvent event = claimedEvent(rs, registrationId);
                byId.put(event.id(), event);
              });
    }
    List<ClaimedEvent> due = new ArrayList<>(byId.size());
    for (long id : ids) {
      ClaimedEvent event = byId.get(id);
      if (event != null) {
        due.add(event);
      }
    }
    return due;
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
   * are left alone. Among events of one order key, the earliest goes first again. Returns how many
   * were queued.
   */
  public int redeliver(long registrationId, Collection<Long> ids, Instant now) {
    if (ids.isEmpty()) {
      return 0;
    }
    int queued =
        jdbc.sql(
                "UPDATE webhooks_event SET state = 'waiting', due_at = :now, finished_at = NULL,"
                    + " lease_until = NULL, claimed_by = NULL"
                    + " WHERE registration_id = :registration AND id IN (:ids)")
            .param("now", now.toEpochMilli())
            .param("registration", registrationId)
            .param("ids", ids)
            .update();
    releaseStranded(registrationId, Instant.ofEpochMilli(Long.MAX_VALUE));
    return queued;
  }

  /** Queues every failed event of the registration again, due at once. */
  public int redeliverFailed(long registrationId, Instant now) {
    int queued =
        jdbc.sql(
                "UPDATE webhooks_event SET state = 'waiting', due_at = ?, finished_at = NULL"
                    + " WHERE registration_id = ? AND state = 'failed'")
            .params(now.toEpochMilli(), registrationId)
            .update();
    releaseStranded(registrationId, Instant.ofEpochMilli(Long.MAX_VALUE));
    return queued;
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
                + " WHERE registration_id = :r AND state IN (:states)"
                + " ORDER BY created_at DESC, id DESC LIMIT :limit")
        .param("r", registrationId)
        .param("states", state.equals(PENDING) ? List.of(PENDING, WAITING) : List.of(state))
        .param("limit", limit)
        .query(EventStore::map)
        .list();
  }

  /** Deletes every event of a deleted registration. */
  public void deleteRegistration(long registrationId) {
    jdbc.sql("DELETE FROM webhooks_event WHERE registration_id = ?").param(registrationId).update();
  }

  /**
   * Undelivered events of each of these registrations, for the backlog gauge: one index range per
   * registration (a count over all registrations grouped was a scan of the whole table).
   */
  public Map<Long, Long> backlog(Collection<Long> registrationIds) {
    Map<Long, Long> backlog = new HashMap<>();
    for (long registration : registrationIds) {
      backlog.put(
          registration,
          jdbc.sql(
                  "SELECT COUNT(*) FROM webhooks_event WHERE registration_id = ?"
                      + " AND state IN ('pending', 'waiting')")
              .param(registration)
              .query(Long.class)
              .single());
    }
    return backlog;
  }

  /** Deletes up to {@code limit} delivered or failed events finished before {@code cutoff}. */
  public int purgeFinishedBefore(Instant cutoff, int limit) {
    // The order makes PostgreSQL walk the finished_at index; without it the planner chose a scan
    // of the whole table every housekeeping round, even with nothing to purge.
    return jdbc.sql(
            "DELETE FROM webhooks_event WHERE id IN (SELECT id FROM webhooks_event"
                + " WHERE finished_at < ? ORDER BY finished_at LIMIT ?)")
        .params(cutoff.toEpochMilli(), limit)
        .update();
  }

  /**
   * Reads a row selected as {@code id, order_key, kind, attempts, created_at, value, account_id,
   * order_seq}.
   */
  private static ClaimedEvent claimedEvent(ResultSet rs, long registrationId) throws SQLException {
    return new ClaimedEvent(
        rs.getLong(1),
        registrationId,
        rs.getLong(7),
        rs.getString(2),
        rs.getLong(8),
        kindOf(rs.getString(3)),
        rs.getInt(4),
        Instant.ofEpochMilli(rs.getLong(5)),
        rs.getString(6),
        false,
        0);
  }

  static WebhookEvent kindOf(String apiName) {
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
        rs.getString("state").equals(WAITING) ? PENDING : rs.getString("state"),
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
