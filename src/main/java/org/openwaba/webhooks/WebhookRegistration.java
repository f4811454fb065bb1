package org.openwaba.webhooks;

import java.time.Instant;
import java.util.Set;
import org.openwaba.accounts.AccountId;

/**
 * A verified webhook endpoint of an account. The verify token is not part of it: it is a secret the
 * API never returns.
 *
 * @param maxEventsPerPost 1 sends one event per POST (the default); more lets one POST carry up to
 *     that many changes
 * @param verifiedAt when the endpoint last passed the handshake
 */
public record WebhookRegistration(
    long id,
    AccountId accountId,
    String url,
    Set<WebhookEvent> events,
    BodyForm bodyForm,
    int maxEventsPerPost,
    Instant createdAt,
    Instant updatedAt,
    Instant verifiedAt) {

  public WebhookRegistration {
    events = Set.copyOf(events);
  }
}
