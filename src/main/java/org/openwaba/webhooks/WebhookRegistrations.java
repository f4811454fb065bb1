package org.openwaba.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.Ids;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.webhooks.config.WebhooksProperties;
import org.openwaba.webhooks.delivery.DeliveryWorker;
import org.openwaba.webhooks.delivery.Handshake;
import org.openwaba.webhooks.outbox.Subscribers;
import org.openwaba.webhooks.store.AttemptStore;
import org.openwaba.webhooks.store.OutboxEvents;
import org.openwaba.webhooks.store.RegistrationStore;
import org.openwaba.webhooks.store.RegistrationStore.StoredRegistration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhooks API: registers, changes and removes an account's endpoints (each verified by the
 * handshake first, outside any transaction), and shows and replays their deliveries. Every call is
 * scoped to the caller's account: another account's registration answers 404.
 */
@Service
public class WebhookRegistrations {

  static final int MAX_URL_LENGTH = 2048;
  static final int MAX_VERIFY_TOKEN_LENGTH = 256;
  static final int MAX_EVENTS_PER_POST = 100;

  private final RegistrationStore registrations;
  private final OutboxEvents events;
  private final AttemptStore attempts;
  private final Handshake handshake;
  private final Subscribers subscribers;
  private final DeliveryWorker worker;
  private final WebhooksProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Ids ids;

  WebhookRegistrations(
      RegistrationStore registrations,
      OutboxEvents events,
      AttemptStore attempts,
      Handshake handshake,
      Subscribers subscribers,
      DeliveryWorker worker,
      WebhooksProperties properties,
      TransactionTemplate transactions,
      Clock clock,
      Ids ids) {
    this.registrations = registrations;
    this.events = events;
    this.attempts = attempts;
    this.handshake = handshake;
    this.subscribers = subscribers;
    this.worker = worker;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Registers an endpoint after it passed the handshake.
   *
   * @throws InvalidRequestException (400) for a missing or invalid field or a refused URL
   * @throws WebhookVerificationException (422) if the handshake failed
   */
  public WebhookRegistration register(AccountId account, RegistrationRequest request) {
    String url = url(required(request.url(), "url"));
    String token = verifyToken(required(request.verifyToken(), "verify_token"));
    Set<WebhookEvent> subscribed = events(required(request.events(), "events"));
    BodyForm form = bodyForm(request.bodyForm() == null ? "meta" : request.bodyForm());
    int perPost = perPost(request.maxEventsPerPost() == null ? 1 : request.maxEventsPerPost());
    requireRoom(account);
    handshake.verify(url, token);
    Instant now = clock.instant();
    WebhookRegistration registration =
        new WebhookRegistration(
            ids.numericId(), account, url, subscribed, form, perPost, now, now, now);
    transactions.executeWithoutResult(
        tx -> {
          requireRoom(account);
          registrations.insert(new StoredRegistration(registration, token));
        });
    changed(account);
    return registration;
  }

  /**
   * Changes a registration; a new URL or verify token is verified by the handshake first.
   *
   * @throws WebhookNotFoundException (404) if it is not the account's
   */
  public WebhookRegistration update(AccountId account, long id, RegistrationRequest request) {
    StoredRegistration stored = stored(account, id);
    WebhookRegistration current = stored.registration();
    String url = request.url() == null ? current.url() : url(request.url());
    String token =
        request.verifyToken() == null ? stored.verifyToken() : verifyToken(request.verifyToken());
    Set<WebhookEvent> subscribed =
        request.events() == null ? current.events() : events(request.events());
    BodyForm form = request.bodyForm() == null ? current.bodyForm() : bodyForm(request.bodyForm());
    int perPost =
        request.maxEventsPerPost() == null
            ? current.maxEventsPerPost()
            : perPost(request.maxEventsPerPost());
    Instant now = clock.instant();
    Instant verifiedAt = current.verifiedAt();
    if (!url.equals(current.url()) || !token.equals(stored.verifyToken())) {
      handshake.verify(url, token);
      verifiedAt = now;
    }
    WebhookRegistration changed =
        new WebhookRegistration(
            id, account, url, subscribed, form, perPost, current.createdAt(), now, verifiedAt);
    transactions.executeWithoutResult(
        tx -> {
          stored(account, id);
          registrations.update(new StoredRegistration(changed, token));
        });
    changed(account);
    return changed;
  }

  /** Removes a registration with its queued events and delivery log. */
  public void delete(AccountId account, long id) {
    Boolean deleted =
        transactions.execute(
            tx -> {
              boolean removed = registrations.delete(account, id);
              if (removed) {
                events.deleteRegistration(id);
              }
              return removed;
            });
    if (!Boolean.TRUE.equals(deleted)) {
      throw notFound(id);
    }
    changed(account);
  }

  public List<WebhookRegistration> list(AccountId account) {
    return registrations.ofAccount(account).stream().map(StoredRegistration::registration).toList();
  }

  public WebhookRegistration find(AccountId account, long id) {
    return stored(account, id).registration();
  }

  /** The registration's delivery log, newest first. */
  public List<DeliveryAttempt> attempts(
      AccountId account, long id, int limit, Optional<Instant> before) {
    stored(account, id);
    return attempts.list(id, limit, before);
  }

  /**
   * The registration's queued and finished events, newest first.
   *
   * @param state {@code pending}, {@code delivered}, {@code failed}, or null for all
   */
  public List<OutboxEvent> events(AccountId account, long id, @Nullable String state, int limit) {
    stored(account, id);
    if (state != null && !List.of("pending", "delivered", "failed").contains(state)) {
      throw new InvalidRequestException(
          "Invalid state", "state must be pending, delivered or failed");
    }
    return events.list(id, state, limit);
  }

  /**
   * Sends the events of one logged delivery again (those still kept).
   *
   * @return how many events were queued again
   */
  public int redeliver(AccountId account, long id, long attemptId) {
    stored(account, id);
    DeliveryAttempt attempt =
        attempts
            .find(id, attemptId)
            .orElseThrow(() -> new WebhookNotFoundException("Delivery " + attemptId));
    Integer queued =
        transactions.execute(tx -> events.redeliver(id, attempt.eventIds(), clock.instant()));
    worker.retriesQueued();
    return queued == null ? 0 : queued;
  }

  /**
   * Sends every failed event of the registration again.
   *
   * @return how many events were queued again
   */
  public int redeliverFailed(AccountId account, long id) {
    stored(account, id);
    Integer queued = transactions.execute(tx -> events.redeliverFailed(id, clock.instant()));
    worker.retriesQueued();
    return queued == null ? 0 : queued;
  }

  private StoredRegistration stored(AccountId account, long id) {
    return registrations.find(account, id).orElseThrow(() -> notFound(id));
  }

  private static WebhookNotFoundException notFound(long id) {
    return new WebhookNotFoundException("Webhook " + id);
  }

  private void changed(AccountId account) {
    subscribers.forget(account);
    worker.registrationsChanged();
  }

  private void requireRoom(AccountId account) {
    if (registrations.countOfAccount(account) >= properties.maxRegistrationsPerAccount()) {
      throw new LimitReached(properties.maxRegistrationsPerAccount());
    }
  }

  /** The account already has as many registrations as allowed: HTTP 409. */
  static final class LimitReached extends ApiException {
    LimitReached(int max) {
      super(
          ErrorCode.CONFLICT,
          "Too many webhooks",
          "An account may have at most " + max + " webhook registrations; delete one first");
    }
  }

  private static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw new InvalidRequestException("Missing " + field, field + " is required");
    }
    return value;
  }

  private static String url(String url) {
    if (url.length() > MAX_URL_LENGTH) {
      throw new InvalidRequestException(
          "Invalid url", "url must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidRequestException("Invalid url", "url is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new InvalidRequestException(
          "Invalid url", "url must be an absolute https:// URL, such as https://example.com/hook");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw new InvalidRequestException(
          "Invalid url", "url must have a host and no user information or fragment");
    }
    return url;
  }

  private static String verifyToken(String token) {
    if (token.isEmpty() || token.length() > MAX_VERIFY_TOKEN_LENGTH) {
      throw new InvalidRequestException(
          "Invalid verify_token",
          "verify_token must be 1 to " + MAX_VERIFY_TOKEN_LENGTH + " characters");
    }
    return token;
  }

  private static Set<WebhookEvent> events(List<String> names) {
    if (names.isEmpty()) {
      throw new InvalidRequestException(
          "Invalid events", "events must name at least one event: " + allowedEvents());
    }
    Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
    for (String name : names) {
      events.add(
          WebhookEvent.byApiName(name == null ? "" : name)
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          "Invalid events",
                          "Unknown event '" + name + "'; events are " + allowedEvents())));
    }
    return events;
  }

  private static String allowedEvents() {
    return Arrays.stream(WebhookEvent.values())
        .map(WebhookEvent::apiName)
        .collect(Collectors.joining(", "));
  }

  private static BodyForm bodyForm(String name) {
    return BodyForm.byApiName(name)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "Invalid body_form", "body_form must be meta or json_stringify"));
  }

  private static int perPost(int value) {
    if (value < 1 || value > MAX_EVENTS_PER_POST) {
      throw new InvalidRequestException(
          "Invalid max_events_per_post", "max_events_per_post must be 1 to " + MAX_EVENTS_PER_POST);
    }
    return value;
  }
}
