package org.openwaba.templates.store;

import java.time.Instant;
import java.util.List;
import org.openwaba.accounts.AccountId;
import org.openwaba.templates.TemplateId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The automatic review queue ({@code templates_review}): one row per template waiting for the
 * engine, with its due time, attempts, lease and version (db-scheduler's layout).
 */
@Repository
public class ReviewQueueStore {

  /** A queued review as read for claiming. */
  public record QueuedReview(
      TemplateId templateId, AccountId accountId, int attempts, int version) {}

  private final JdbcClient jdbc;

  ReviewQueueStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues the template's review for {@code dueAt}. */
  public void schedule(TemplateId id, AccountId account, Instant dueAt) {
    jdbc.sql("INSERT INTO templates_review (template_id, account_id, due_at) VALUES (?, ?, ?)")
        .params(id.value(), account.value(), dueAt.toEpochMilli())
        .update();
  }

  /** Whether any review is due and unclaimed (or its claim expired) at {@code now}. */
  public boolean anyDue(Instant now) {
    return jdbc.sql(
            "SELECT 1 FROM templates_review WHERE due_at <= ?"
                + " AND (lease_until IS NULL OR lease_until <= ?) LIMIT 1")
        .params(now.toEpochMilli(), now.toEpochMilli())
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /** Up to {@code limit} reviews due at {@code now} and not under a live claim, earliest first. */
  public List<QueuedReview> due(Instant now, int limit) {
    return jdbc.sql(
            "SELECT template_id, account_id, attempts, version FROM templates_review"
                + " WHERE due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
                + " ORDER BY due_at, template_id LIMIT ?")
        .params(now.toEpochMilli(), now.toEpochMilli(), limit)
        .query(
            (rs, row) ->
                new QueuedReview(
                    new TemplateId(rs.getLong("template_id")),
                    new AccountId(rs.getLong("account_id")),
                    rs.getInt("attempts"),
                    rs.getInt("version")))
        .list();
  }

  /**
   * Claims the review until {@code leaseUntil}; false if another worker claimed or finished it
   * since it was read (its version changed or the row is gone). Losing this race is normal.
   */
  public boolean claim(QueuedReview review, Instant leaseUntil) {
    return jdbc.sql(
                "UPDATE templates_review SET lease_until = ?, attempts = attempts + 1,"
                    + " version = version + 1 WHERE template_id = ? AND version = ?")
            .params(leaseUntil.toEpochMilli(), review.templateId().value(), review.version())
            .update()
        == 1;
  }

  /** Removes the template's review: it was decided, by the engine or an operator, or deleted. */
  public void remove(TemplateId id) {
    jdbc.sql("DELETE FROM templates_review WHERE template_id = ?").params(id.value()).update();
  }

  /** Releases a claim and makes the review due again at {@code dueAt}, after a failure. */
  public void postpone(TemplateId id, Instant dueAt) {
    jdbc.sql(
            "UPDATE templates_review SET due_at = ?, lease_until = NULL, version = version + 1"
                + " WHERE template_id = ?")
        .params(dueAt.toEpochMilli(), id.value())
        .update();
  }

  /** Whether the template's review is still queued. */
  public boolean isQueued(TemplateId id) {
    return jdbc.sql("SELECT 1 FROM templates_review WHERE template_id = ?")
        .params(id.value())
        .query(Integer.class)
        .optional()
        .isPresent();
  }
}
