package org.openwaba.webhooks.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openwaba.accounts.AccountId;
import org.openwaba.webhooks.BodyForm;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.WebhookRegistration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persists webhook registrations with their verify tokens. */
@Repository
public class RegistrationStore {

  /** A registration with the verify token the handshake sends. */
  public record StoredRegistration(WebhookRegistration registration, String verifyToken) {}

  private static final String COLUMNS =
      "SELECT id, account_id, url, verify_token, events, body_form, max_events_per_post,"
          + " created_at, updated_at, verified_at FROM webhooks_registration";

  private final JdbcClient jdbc;

  RegistrationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(StoredRegistration stored) {
    WebhookRegistration r = stored.registration();
    jdbc.sql(
            "INSERT INTO webhooks_registration (id, account_id, url, verify_token, events,"
                + " body_form, max_events_per_post, created_at, updated_at, verified_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            r.id(),
            r.accountId().value(),
            r.url(),
            stored.verifyToken(),
            eventsColumn(r.events()),
            r.bodyForm().apiName(),
            r.maxEventsPerPost(),
            r.createdAt().toEpochMilli(),
            r.updatedAt().toEpochMilli(),
            r.verifiedAt().toEpochMilli())
        .update();
  }

  public void update(StoredRegistration stored) {
    WebhookRegistration r = stored.registration();
    jdbc.sql(
            "UPDATE webhooks_registration SET url = ?, verify_token = ?, events = ?,"
                + " body_form = ?, max_events_per_post = ?, updated_at = ?, verified_at = ?"
                + " WHERE id = ? AND account_id = ?")
        .params(
            r.url(),
            stored.verifyToken(),
            eventsColumn(r.events()),
            r.bodyForm().apiName(),
            r.maxEventsPerPost(),
            r.updatedAt().toEpochMilli(),
            r.verifiedAt().toEpochMilli(),
            r.id(),
            r.accountId().value())
        .update();
  }

  /**
   * Deletes the registration and its delivery log; its events are deleted by {@link OutboxEvents}.
   */
  public boolean delete(AccountId accountId, long id) {
    int deleted =
        jdbc.sql("DELETE FROM webhooks_registration WHERE id = ? AND account_id = ?")
            .params(id, accountId.value())
            .update();
    if (deleted == 0) {
      return false;
    }
    jdbc.sql("DELETE FROM webhooks_attempt WHERE registration_id = ?").param(id).update();
    return true;
  }

  /** The account's registration with this id; empty if it is another account's. */
  public Optional<StoredRegistration> find(AccountId accountId, long id) {
    return jdbc.sql(COLUMNS + " WHERE id = ? AND account_id = ?")
        .params(id, accountId.value())
        .query(RegistrationStore::map)
        .optional();
  }

  public List<StoredRegistration> ofAccount(AccountId accountId) {
    return jdbc.sql(COLUMNS + " WHERE account_id = ? ORDER BY created_at, id")
        .param(accountId.value())
        .query(RegistrationStore::map)
        .list();
  }

  public List<StoredRegistration> all() {
    return jdbc.sql(COLUMNS + " ORDER BY id").query(RegistrationStore::map).list();
  }

  public int countOfAccount(AccountId accountId) {
    return jdbc.sql("SELECT COUNT(*) FROM webhooks_registration WHERE account_id = ?")
        .param(accountId.value())
        .query(Integer.class)
        .single();
  }

  private static String eventsColumn(Set<WebhookEvent> events) {
    return events.stream().map(WebhookEvent::apiName).sorted().collect(Collectors.joining(","));
  }

  private static StoredRegistration map(ResultSet rs, int row) throws SQLException {
    Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
    for (String name : rs.getString("events").split(",")) {
      WebhookEvent.byApiName(name).ifPresent(events::add);
    }
    return new StoredRegistration(
        new WebhookRegistration(
            rs.getLong("id"),
            new AccountId(rs.getLong("account_id")),
            rs.getString("url"),
            events,
            BodyForm.byApiName(rs.getString("body_form")).orElse(BodyForm.META),
            rs.getInt("max_events_per_post"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")),
            Instant.ofEpochMilli(rs.getLong("verified_at"))),
        rs.getString("verify_token"));
  }
}
