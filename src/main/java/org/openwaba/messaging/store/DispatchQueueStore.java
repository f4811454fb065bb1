package org.openwaba.messaging.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable dispatch queue: one row per message not yet handed to its network. Rows are claimed
 * with a version check, so two workers (or two nodes on one PostgreSQL) never both claim a row;
 * losing a race is normal and simply yields fewer rows.
 */
@Repository
public class DispatchQueueStore {

  /** A row to enqueue. */
  public record Entry(String messageId, String network, Instant dueAt) {}

  /** A claimed row. */
  public record Claimed(String messageId, String network, int attempts) {}

  private record Candidate(String messageId, String network, int attempts, int version) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  DispatchQueueStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  public void insertAll(List<Entry> entries) {
    List<Object[]> rows = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      rows.add(new Object[] {e.messageId(), e.network(), e.dueAt().toEpochMilli()});
    }
    template.batchUpdate(
        "INSERT INTO messaging_dispatch (message_id, network, due_at, attempts, version)"
            + " VALUES (?, ?, ?, 0, 0)",
        rows);
  }

  /**
   * Claims up to {@code limit} rows that are due and not leased (or whose lease expired), oldest
   * first, leasing them to {@code claimant} until {@code leaseUntil}. Call inside a transaction.
   */
  public List<Claimed> claimDue(Instant now, int limit, String claimant, Instant leaseUntil) {
    long nowMillis = now.toEpochMilli();
    List<Candidate> candidates =
        jdbc.sql(
                "SELECT message_id, network, attempts, version FROM messaging_dispatch"
                    + " WHERE due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
                    + " ORDER BY due_at, message_id LIMIT ?")
            .params(nowMillis, nowMillis, limit)
            .query(
                (rs, row) ->
                    new Candidate(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
            .list();
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<Object[]> rows = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      rows.add(new Object[] {claimant, leaseUntil.toEpochMilli(), c.messageId(), c.version()});
    }
    int[] counts =
        template.batchUpdate(
            "UPDATE messaging_dispatch SET claimed_by = ?, lease_until = ?, version = version + 1"
                + " WHERE message_id = ? AND version = ?",
            rows);
    List<Claimed> claimed = new ArrayList<>(candidates.size());
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        Candidate c = candidates.get(i);
        claimed.add(new Claimed(c.messageId(), c.network(), c.attempts()));
      }
    }
    return claimed;
  }

  /** Removes handed-over messages from the queue, with one batched statement. */
  public void completeAll(List<String> messageIds) {
    List<Object[]> rows = new ArrayList<>(messageIds.size());
    for (String id : messageIds) {
      rows.add(new Object[] {id});
    }
    template.batchUpdate("DELETE FROM messaging_dispatch WHERE message_id = ?", rows);
  }

  /** Releases a claim after a failed attempt, to be tried again at {@code dueAt}. */
  public void retryAt(String messageId, int attempts, Instant dueAt, String error) {
    jdbc.sql(
            "UPDATE messaging_dispatch SET attempts = ?, due_at = ?, claimed_by = NULL,"
                + " lease_until = NULL, last_error = ?, version = version + 1"
                + " WHERE message_id = ?")
        .params(attempts, dueAt.toEpochMilli(), truncate(error), messageId)
        .update();
  }

  /** Rows waiting, for the backlog gauge. */
  public long size() {
    return jdbc.sql("SELECT COUNT(*) FROM messaging_dispatch").query(Long.class).single();
  }

  private static String truncate(String error) {
    return error.length() <= 500 ? error : error.substring(0, 500);
  }
}
