package org.openwaba.webhooks.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.webhooks.OutboxEvent;
import org.openwaba.webhooks.store.EventLog.Found;
import org.openwaba.webhooks.store.EventLog.Unsettled;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.openwaba.webhooks.store.EventStore.NewEvent;
import org.openwaba.webhooks.store.PackedEvents.PackedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's log rows (V34): the events one append gives a registration, packed into one row
 * whose id is its first event's id. Positions and progress stay per event, so a reader may stop in
 * the middle of a row. Every query bounds the rows by the index on (registration, tx, id): a row
 * that holds the event at {@code (tx, id)} starts at most {@link PackedEvents#MAX_PER_ROW} - 1 ids
 * before it, and then filters on the row's last event.
 */
final class PackedLog {

  /** The most event ids one listing statement binds. */
  private static final int MAX_SLICE = 1000;

  private static final String COLUMNS = "l.id, l.account_id, l.n, l.events, l.tx";

  /** Rows holding an event after {@code (:tx, :id)}; {@code :low} is {@link #low}. */
  private static final String AFTER =
      " l.registration_id = :r AND (l.tx, l.id) > (:tx, :low) AND (l.tx, l.id + l.n - 1) > (:tx,"
          + " :id)";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  PackedLog(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** A row read: its id is its first event's. */
  private record Row(long id, long accountId, int n, String events, long tx) {

    LogPosition position(int index) {
      return new LogPosition(tx, id + index);
    }
  }

  /** An event of a page being listed. */
  private record Candidate(Row row, int index, PackedEvent event, boolean done) {

    long id() {
      return row.id() + index;
    }
  }

  private static Row row(ResultSet rs, int rowNum) throws SQLException {
    return new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getLong(5));
  }

  private static long low(LogPosition after) {
    return after.id() - PackedEvents.MAX_PER_ROW;
  }

  /**
   * One row per registration and at most {@link PackedEvents#MAX_PER_ROW} events, in list order, as
   * one statement of arrays (these inserts run in the sends' group commit).
   */
  void append(List<NewEvent> events) {
    Map<Long, List<List<NewEvent>>> rows = new LinkedHashMap<>();
    for (NewEvent e : events) {
      List<List<NewEvent>> ofRegistration =
          rows.computeIfAbsent(e.registrationId(), r -> new ArrayList<>());
      if (ofRegistration.isEmpty()
          || ofRegistration.get(ofRegistration.size() - 1).size() == PackedEvents.MAX_PER_ROW) {
        ofRegistration.add(new ArrayList<>());
      }
      ofRegistration.get(ofRegistration.size() - 1).add(e);
    }
    List<List<NewEvent>> all = new ArrayList<>();
    rows.values().forEach(all::addAll);
    int n = all.size();
    Long[] registrations = new Long[n];
    Long[] accounts = new Long[n];
    Integer[] counts = new Integer[n];
    Long[] created = new Long[n];
    String[] packed = new String[n];
    for (int i = 0; i < n; i++) {
      List<NewEvent> row = all.get(i);
      registrations[i] = row.get(0).registrationId();
      accounts[i] = row.get(0).accountId();
      counts[i] = row.size();
      long earliest = Long.MAX_VALUE;
      for (NewEvent e : row) {
        earliest = Math.min(earliest, e.createdAt().toEpochMilli());
      }
      created[i] = earliest;
      packed[i] = PackedEvents.pack(row);
    }
    template.execute(
        (Connection connection) -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO webhooks_log (registration_id, account_id, n, created_at, events)"
                      + " SELECT r, a, n, c, e FROM unnest(?, ?, ?, ?, ?) WITH ORDINALITY"
                      + " AS u (r, a, n, c, e, o) ORDER BY o")) {
            insert.setArray(1, connection.createArrayOf("bigint", registrations));
            insert.setArray(2, connection.createArrayOf("bigint", accounts));
            insert.setArray(3, connection.createArrayOf("integer", counts));
            insert.setArray(4, connection.createArrayOf("bigint", created));
            insert.setArray(5, connection.createArrayOf("text", packed));
            insert.executeUpdate();
          }
          return null;
        });
  }

  /** Up to {@code limit} events after {@code after}, of transactions older than any running. */
  List<ClaimedEvent> after(long registrationId, LogPosition after, int limit) {
    List<Row> rows =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM webhooks_log l WHERE"
                    + AFTER
                    + " AND l.tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
                    + " ORDER BY l.tx, l.id LIMIT :limit")
            .param("r", registrationId)
            .param("tx", after.tx())
            .param("low", low(after))
            .param("id", after.id())
            .param("limit", limit)
            .query(PackedLog::row)
            .list();
    List<ClaimedEvent> read = new ArrayList<>(Math.min(limit, rows.size() * 4));
    for (Row row : rows) {
      List<PackedEvent> events = PackedEvents.unpack(row.events());
      for (int i = 0; i < events.size() && read.size() < limit; i++) {
        if (row.position(i).isAfter(after)) {
          PackedEvent e = events.get(i);
          read.add(
              new ClaimedEvent(
                  row.id() + i,
                  registrationId,
                  row.accountId(),
                  e.orderKey(),
                  e.orderSeq(),
                  e.kind(),
                  0,
                  e.createdAt(),
                  e.value(),
                  true,
                  row.tx()));
        }
      }
    }
    return read;
  }

  /**
   * When the first row holding an event after {@code after} was started, which is no later than
   * that event was queued, and the last position of the log now.
   */
  Optional<Unsettled> unsettledAfter(long registrationId, LogPosition after) {
    return jdbc.sql(
            "SELECT (SELECT MIN(l.created_at) FROM webhooks_log l WHERE"
                + AFTER
                + "), l.tx, l.id + l.n - 1 FROM webhooks_log l WHERE"
                + AFTER
                + " ORDER BY l.tx DESC, l.id DESC LIMIT 1")
        .param("r", registrationId)
        .param("tx", after.tx())
        .param("low", low(after))
        .param("id", after.id())
        .query(
            (rs, rowNum) ->
                new Unsettled(
                    Instant.ofEpochMilli(rs.getLong(1)),
                    new LogPosition(rs.getLong(2), rs.getLong(3))))
        .optional();
  }

  /** How many events lie after {@code through}. */
  long pending(long registrationId, LogPosition through) {
    return jdbc.sql(
            "SELECT COALESCE(SUM(CASE WHEN l.tx = :tx AND l.id <= :id THEN l.id + l.n - 1 - :id"
                + " ELSE l.n END), 0) FROM webhooks_log l WHERE"
                + AFTER)
        .param("r", registrationId)
        .param("tx", through.tx())
        .param("low", low(through))
        .param("id", through.id())
        .query(Long.class)
        .single();
  }

  /**
   * Deletes up to {@code limit} rows whose every event lies at or before {@code bound}; a row still
   * holding a later event waits for it. Returns how many events went with them.
   */
  int purgeSettled(long registrationId, LogPosition bound, int limit) {
    return jdbc.sql(
            "WITH gone AS (DELETE FROM webhooks_log WHERE id IN (SELECT l.id FROM webhooks_log l"
                + " WHERE l.registration_id = :r AND (l.tx, l.id) <= (:tx, :id)"
                + " AND (l.tx, l.id + l.n - 1) <= (:tx, :id) ORDER BY l.tx, l.id LIMIT :limit)"
                + " RETURNING n) SELECT COALESCE(SUM(n), 0) FROM gone")
        .param("r", registrationId)
        .param("tx", bound.tx())
        .param("id", bound.id())
        .param("limit", limit)
        .query(Integer.class)
        .single();
  }

  /** The log events among {@code ids}, with whether {@code through} has passed each. */
  List<Found> find(long registrationId, Collection<Long> ids, LogPosition through) {
    List<Found> found = new ArrayList<>();
    jdbc.sql(
            "SELECT l.id, l.account_id, l.n, l.events, l.tx, q.e FROM unnest(ARRAY[:ids]::bigint[])"
                + " AS q(e) JOIN LATERAL (SELECT * FROM webhooks_log w WHERE w.id <= q.e"
                + " ORDER BY w.id DESC LIMIT 1) l ON l.registration_id = :r AND l.id + l.n > q.e"
                + " ORDER BY l.tx, q.e")
        .param("ids", new LinkedHashSet<>(ids))
        .param("r", registrationId)
        .query(
            rs -> {
              Row row = row(rs, 0);
              long id = rs.getLong(6);
              PackedEvent e = PackedEvents.unpack(row.events()).get((int) (id - row.id()));
              found.add(
                  new Found(
                      new NewEvent(
                          id,
                          registrationId,
                          row.accountId(),
                          e.kind(),
                          e.orderKey(),
                          e.orderSeq(),
                          e.value(),
                          e.createdAt()),
                      !new LogPosition(row.tx(), id).isAfter(through)));
            });
    return found;
  }

  /**
   * The newest events not moved to the table, newest first: delivered up to {@code through},
   * pending after it; {@code state} null for both.
   */
  List<OutboxEvent> recent(
      long registrationId, @Nullable String state, int limit, LogPosition through) {
    boolean delivered = "delivered".equals(state);
    String range =
        state == null ? "" : delivered ? " AND (l.tx, l.id) <= (:tx, :id)" : " AND" + AFTER;
    List<OutboxEvent> listed = new ArrayList<>();
    LogPosition before = null;
    while (listed.size() < limit) {
      List<Row> page =
          jdbc.sql(
                  "SELECT "
                      + COLUMNS
                      + " FROM webhooks_log l WHERE l.registration_id = :r"
                      + range
                      + (before == null ? "" : " AND (l.tx, l.id) < (:btx, :bid)")
                      + " ORDER BY l.tx DESC, l.id DESC LIMIT :limit")
              .param("r", registrationId)
              .param("tx", through.tx())
              .param("low", low(through))
              .param("id", through.id())
              .param("btx", before == null ? 0 : before.tx())
              .param("bid", before == null ? 0 : before.id())
              .param("limit", limit)
              .query(PackedLog::row)
              .list();
      if (page.isEmpty()) {
        break;
      }
      listed.addAll(listPage(registrationId, page, state, through, limit - listed.size()));
      Row last = page.get(page.size() - 1);
      before = last.position(0);
      if (page.size() < limit) {
        break;
      }
    }
    return listed;
  }

  private List<OutboxEvent> listPage(
      long registrationId, List<Row> page, @Nullable String state, LogPosition through, int limit) {
    List<Candidate> candidates = new ArrayList<>();
    for (Row row : page) {
      List<PackedEvent> events = PackedEvents.unpack(row.events());
      for (int i = events.size() - 1; i >= 0; i--) {
        boolean done = !row.position(i).isAfter(through);
        if (state == null || done == state.equals("delivered")) {
          candidates.add(new Candidate(row, i, events.get(i), done));
        }
      }
    }
    // In slices: a page of full rows can hold far more events than a statement takes parameters.
    List<Candidate> kept = new ArrayList<>();
    for (int from = 0; from < candidates.size() && kept.size() < limit; ) {
      int to = Math.min(candidates.size(), from + Math.min(limit - kept.size(), MAX_SLICE));
      List<Candidate> slice = candidates.subList(from, to);
      Set<Long> moved =
          new HashSet<>(
              jdbc.sql("SELECT id FROM webhooks_event WHERE id IN (:ids)")
                  .param("ids", slice.stream().map(Candidate::id).toList())
                  .query(Long.class)
                  .list());
      for (Candidate c : slice) {
        if (!moved.contains(c.id())) {
          kept.add(c);
        }
      }
      from = to;
    }
    Map<Long, Instant> deliveredAt = deliveredAt(registrationId, kept);
    List<OutboxEvent> listed = new ArrayList<>(kept.size());
    for (Candidate c : kept) {
      long id = c.id();
      PackedEvent e = c.event();
      listed.add(
          new OutboxEvent(
              id,
              registrationId,
              e.kind(),
              e.orderKey(),
              c.done() ? "delivered" : "pending",
              c.done() ? 1 : 0,
              e.createdAt(),
              e.createdAt(),
              null,
              c.done() ? deliveredAt.get(id) : null,
              e.value()));
    }
    return listed;
  }

  /** When the first progress step at or after each delivered event was recorded. */
  private Map<Long, Instant> deliveredAt(long registrationId, List<Candidate> candidates) {
    List<Long> txs = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.done()) {
        txs.add(c.row().tx());
        ids.add(c.id());
      }
    }
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, Instant> at = new HashMap<>();
    jdbc.sql(
            "SELECT q.id, (SELECT p.at FROM webhooks_log_progress p WHERE p.registration_id = :r"
                + " AND (p.delivered_tx, p.delivered_through) >= (q.tx, q.id)"
                + " ORDER BY p.delivered_tx, p.delivered_through LIMIT 1)"
                + " FROM unnest(ARRAY[:txs]::bigint[], ARRAY[:ids]::bigint[]) AS q(tx, id)")
        .param("r", registrationId)
        .param("txs", txs)
        .param("ids", ids)
        .query(
            rs -> {
              long step = rs.getLong(2);
              if (!rs.wasNull()) {
                at.put(rs.getLong(1), Instant.ofEpochMilli(step));
              }
            });
    return at;
  }
}
