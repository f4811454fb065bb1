package org.openwaba.webhooks.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openwaba.webhooks.DeliveryAttempt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery log: one row per POST to an endpoint. */
@Repository
public class AttemptStore {

  private static final String COLUMNS =
      "SELECT id, registration_id, attempted_at, http_status, latency_ms, error, event_ids,"
          + " succeeded FROM webhooks_attempt";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  AttemptStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  public void insertAll(List<DeliveryAttempt> attempts) {
    List<Object[]> rows = new ArrayList<>(attempts.size());
    for (DeliveryAttempt a : attempts) {
      rows.add(
          new Object[] {
            a.id(),
            a.registrationId(),
            a.attemptedAt().toEpochMilli(),
            a.httpStatus(),
            a.latencyMillis(),
            a.error(),
            a.eventIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
            a.succeeded()
          });
    }
    template.batchUpdate(
        "INSERT INTO webhooks_attempt (id, registration_id, attempted_at, http_status,"
            + " latency_ms, error, event_ids, succeeded) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** The registration's attempts, newest first, optionally only those older than {@code before}. */
  public List<DeliveryAttempt> list(long registrationId, int limit, Optional<Instant> before) {
    return jdbc.sql(
            COLUMNS
                + " WHERE registration_id = ? AND attempted_at < ?"
                + " ORDER BY attempted_at DESC, id DESC LIMIT ?")
        .params(registrationId, before.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE), limit)
        .query(AttemptStore::map)
        .list();
  }

  public Optional<DeliveryAttempt> find(long registrationId, long id) {
    return jdbc.sql(COLUMNS + " WHERE registration_id = ? AND id = ?")
        .params(registrationId, id)
        .query(AttemptStore::map)
        .optional();
  }

  /** Deletes up to {@code limit} attempts made before {@code cutoff}. */
  /** The ids of the events that POSTs of the registration attempted since {@code since}. */
  public Set<Long> eventIdsAttemptedSince(long registrationId, Instant since) {
    Set<Long> ids = new HashSet<>();
    jdbc.sql(
            "SELECT event_ids FROM webhooks_attempt WHERE registration_id = ?"
                + " AND attempted_at >= ?")
        .params(registrationId, since.toEpochMilli())
        .query(
            rs -> {
              String list = rs.getString(1);
              if (!list.isEmpty()) {
                for (String id : list.split(",")) {
                  ids.add(Long.valueOf(id));
                }
              }
            });
    return ids;
  }

  public int purgeBefore(Instant cutoff, int limit) {
    return jdbc.sql(
            "DELETE FROM webhooks_attempt WHERE id IN (SELECT id FROM webhooks_attempt"
                + " WHERE attempted_at < ? LIMIT ?)")
        .params(cutoff.toEpochMilli(), limit)
        .update();
  }

  private static DeliveryAttempt map(ResultSet rs, int row) throws SQLException {
    int status = rs.getInt("http_status");
    Integer httpStatus = rs.wasNull() ? null : status;
    String ids = rs.getString("event_ids");
    List<Long> eventIds =
        ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    return new DeliveryAttempt(
        rs.getLong("id"),
        rs.getLong("registration_id"),
        Instant.ofEpochMilli(rs.getLong("attempted_at")),
        httpStatus,
        rs.getLong("latency_ms"),
        rs.getString("error"),
        eventIds,
        rs.getBoolean("succeeded"));
  }
}
