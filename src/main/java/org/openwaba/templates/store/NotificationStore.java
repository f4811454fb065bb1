package org.openwaba.templates.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.templates.TemplateId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts' notification addresses ({@code templates_notification_address}) and the outbox of
 * template status emails ({@code templates_email_outbox}), claimed with a version and a lease.
 */
@Repository
public class NotificationStore {

  /** An email waiting to be sent, as read for claiming. */
  public record QueuedEmail(
      long id, String recipient, String subject, String body, int attempts, int version) {}

  /** An email's state, for operators and tests: {@code PENDING}, {@code SENT} or {@code FAILED}. */
  public record EmailState(
      long id,
      TemplateId templateId,
      String recipient,
      String subject,
      String state,
      int attempts) {}

  private final JdbcClient jdbc;

  NotificationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Sets or replaces the account's notification address. */
  public void setAddress(AccountId account, String email, Instant at) {
    jdbc.sql("DELETE FROM templates_notification_address WHERE account_id = ?")
        .params(account.value())
        .update();
    jdbc.sql(
            "INSERT INTO templates_notification_address (account_id, email, updated_at)"
                + " VALUES (?, ?, ?)")
        .params(account.value(), email, at.toEpochMilli())
        .update();
  }

  /** Removes the account's notification address; false if it had none. */
  public boolean clearAddress(AccountId account) {
    return jdbc.sql("DELETE FROM templates_notification_address WHERE account_id = ?")
            .params(account.value())
            .update()
        == 1;
  }

  public Optional<String> address(AccountId account) {
    return jdbc.sql("SELECT email FROM templates_notification_address WHERE account_id = ?")
        .params(account.value())
        .query(String.class)
        .optional();
  }

  /** Queues an email, due at once. */
  public void enqueue(
      long id,
      AccountId account,
      TemplateId template,
      String recipient,
      String subject,
      String body,
      Instant now) {
    jdbc.sql(
            "INSERT INTO templates_email_outbox (id, account_id, template_id, recipient, subject,"
                + " body, state, created_at, due_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")
        .params(
            id,
            account.value(),
            template.value(),
            recipient,
            subject,
            body,
            now.toEpochMilli(),
            now.toEpochMilli())
        .update();
  }

  public boolean anyDue(Instant now) {
    return jdbc.sql(
            "SELECT 1 FROM templates_email_outbox WHERE state = 'PENDING' AND due_at <= ?"
                + " AND (lease_until IS NULL OR lease_until <= ?) LIMIT 1")
        .params(now.toEpochMilli(), now.toEpochMilli())
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  public List<QueuedEmail> due(Instant now, int limit) {
    return jdbc.sql(
            "SELECT id, recipient, subject, body, attempts, version FROM templates_email_outbox"
                + " WHERE state = 'PENDING' AND due_at <= ?"
                + " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY due_at, id LIMIT ?")
        .params(now.toEpochMilli(), now.toEpochMilli(), limit)
        .query(
            (rs, row) ->
                new QueuedEmail(
                    rs.getLong("id"),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    rs.getInt("attempts"),
                    rs.getInt("version")))
        .list();
  }

  /** Claims the email until {@code leaseUntil}; false if someone else claimed it meanwhile. */
  public boolean claim(QueuedEmail email, Instant leaseUntil) {
    return jdbc.sql(
                "UPDATE templates_email_outbox SET lease_until = ?, attempts = attempts + 1,"
                    + " version = version + 1 WHERE id = ? AND version = ? AND state = 'PENDING'")
            .params(leaseUntil.toEpochMilli(), email.id(), email.version())
            .update()
        == 1;
  }

  public void markSent(long id, Instant at) {
    finish(id, "SENT", at, null);
  }

  public void markFailed(long id, Instant at, String error) {
    finish(id, "FAILED", at, error);
  }

  /** Releases the claim after a failed attempt and makes the email due again at {@code dueAt}. */
  public void retryAt(long id, Instant dueAt, String error) {
    jdbc.sql(
            "UPDATE templates_email_outbox SET due_at = ?, lease_until = NULL, last_error = ?,"
                + " version = version + 1 WHERE id = ?")
        .params(dueAt.toEpochMilli(), error, id)
        .update();
  }

  /** The account's emails, oldest first. */
  public List<EmailState> emails(AccountId account) {
    return jdbc.sql(
            "SELECT id, template_id, recipient, subject, state, attempts FROM"
                + " templates_email_outbox WHERE account_id = ? ORDER BY created_at, id")
        .params(account.value())
        .query(
            (rs, row) ->
                new EmailState(
                    rs.getLong("id"),
                    new TemplateId(rs.getLong("template_id")),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("state"),
                    rs.getInt("attempts")))
        .list();
  }

  private void finish(long id, String state, Instant at, @Nullable String error) {
    jdbc.sql(
            "UPDATE templates_email_outbox SET state = ?, finished_at = ?, lease_until = NULL,"
                + " last_error = ?, version = version + 1 WHERE id = ?")
        .params(state, at.toEpochMilli(), error, id)
        .update();
  }
}
