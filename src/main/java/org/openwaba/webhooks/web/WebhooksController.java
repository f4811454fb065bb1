package org.openwaba.webhooks.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.QueryParameters;
import org.openwaba.webhooks.DeliveryAttempt;
import org.openwaba.webhooks.OutboxEvent;
import org.openwaba.webhooks.RegistrationRequest;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.WebhookNotFoundException;
import org.openwaba.webhooks.WebhookRegistration;
import org.openwaba.webhooks.WebhookRegistrations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook registrations and their delivery log, in the seed's style ({@code status: success}). */
@RestController
@Tag(name = "Webhooks", description = "Endpoints that receive the account's events")
@SecurityRequirement(name = "bearerToken")
class WebhooksController {

  record WebhookView(
      String id,
      String url,
      List<String> events,
      String bodyForm,
      int maxEventsPerPost,
      String createdAt,
      String updatedAt,
      String verifiedAt) {

    static WebhookView of(WebhookRegistration r) {
      return new WebhookView(
          Long.toString(r.id()),
          r.url(),
          r.events().stream().map(WebhookEvent::apiName).sorted().toList(),
          r.bodyForm().apiName(),
          r.maxEventsPerPost(),
          timestamp(r.createdAt()),
          timestamp(r.updatedAt()),
          timestamp(r.verifiedAt()));
    }
  }

  record AttemptView(
      String id,
      String attemptedAt,
      @Nullable Integer httpStatus,
      long latencyMs,
      @Nullable String error,
      List<String> eventIds,
      boolean succeeded) {

    static AttemptView of(DeliveryAttempt a) {
      return new AttemptView(
          Long.toString(a.id()),
          a.attemptedAt().toString(),
          a.httpStatus(),
          a.latencyMillis(),
          a.error(),
          a.eventIds().stream().map(String::valueOf).toList(),
          a.succeeded());
    }
  }

  record EventView(
      String id,
      String event,
      @Nullable String messageId,
      String state,
      int attempts,
      String createdAt,
      String nextAttemptAt,
      @Nullable String lastError,
      @Nullable String finishedAt) {

    static EventView of(OutboxEvent e) {
      Instant finished = e.finishedAt();
      return new EventView(
          Long.toString(e.id()),
          e.kind().apiName(),
          e.orderKey() != null && e.orderKey().startsWith("wamid.") ? e.orderKey() : null,
          e.state(),
          e.attempts(),
          e.createdAt().toString(),
          e.dueAt().toString(),
          e.lastError(),
          finished == null ? null : finished.toString());
    }
  }

  record WebhookResponse(String status, WebhookView webhook) {}

  record WebhookListResponse(String status, List<WebhookView> webhooks) {}

  record AttemptListResponse(String status, List<AttemptView> deliveries) {}

  record EventListResponse(String status, List<EventView> events) {}

  record RedeliveryResponse(String status, int queued) {}

  record DeletedResponse(String status) {}

  private final WebhookRegistrations webhooks;

  WebhooksController(WebhookRegistrations webhooks) {
    this.webhooks = webhooks;
  }

  @PostMapping(path = "/v2/webhooks", consumes = "application/json", produces = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Register a webhook endpoint",
      description =
          "Fields: url (https; plain http and non-public addresses only where the operator"
              + " allows them), verify_token, events (message, message_status, contact_update,"
              + " message_template_status_update), body_form (meta, the default, or"
              + " json_stringify), max_events_per_post (1, the default, to 100). The server first"
              + " sends the verification GET (hub.mode, hub.verify_token, hub.challenge); the"
              + " endpoint must answer 200 with exactly the challenge, else 422 says what came"
              + " back.")
  WebhookResponse register(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @RequestBody RegistrationRequest request,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    return new WebhookResponse(
        "success", WebhookView.of(webhooks.register(account.accountId(), request)));
  }

  @GetMapping(path = "/v2/webhooks", produces = "application/json")
  @Operation(summary = "The account's webhook registrations")
  WebhookListResponse list(
      @Parameter(hidden = true) AuthenticatedAccount account, HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    return new WebhookListResponse(
        "success", webhooks.list(account.accountId()).stream().map(WebhookView::of).toList());
  }

  @GetMapping(path = "/v2/webhooks/{id}", produces = "application/json")
  @Operation(summary = "One registration; another account's answers 404")
  WebhookResponse get(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String id,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    return new WebhookResponse(
        "success", WebhookView.of(webhooks.find(account.accountId(), id(id))));
  }

  @PatchMapping(
      path = "/v2/webhooks/{id}",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Change a registration",
      description = "Absent fields stay as they are; a new url or verify_token is verified first")
  WebhookResponse update(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String id,
      @RequestBody RegistrationRequest request,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    return new WebhookResponse(
        "success", WebhookView.of(webhooks.update(account.accountId(), id(id), request)));
  }

  @DeleteMapping(path = "/v2/webhooks/{id}", produces = "application/json")
  @Operation(summary = "Remove a registration, its queued events and its delivery log")
  DeletedResponse delete(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String id,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    webhooks.delete(account.accountId(), id(id));
    return new DeletedResponse("success");
  }

  @GetMapping(path = "/v2/webhooks/{id}/deliveries", produces = "application/json")
  @Operation(
      summary = "The delivery log: every POST attempt, newest first",
      description = "limit 1 to 1000 (default 100); before: an ISO-8601 time, for the next page")
  AttemptListResponse deliveries(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String id,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(required = false) @Nullable String before,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of("limit", "before"));
    return new AttemptListResponse(
        "success",
        webhooks.attempts(account.accountId(), id(id), limit(limit), instant(before)).stream()
            .map(AttemptView::of)
            .toList());
  }

  @GetMapping(path = "/v2/webhooks/{id}/events", produces = "application/json")
  @Operation(
      summary = "Events queued for the endpoint, newest first",
      description = "state: pending, delivered or failed; limit 1 to 1000 (default 100)")
  EventListResponse events(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(defaultValue = "100") int limit,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of("state", "limit"));
    return new EventListResponse(
        "success",
        webhooks.events(account.accountId(), id(id), state, limit(limit)).stream()
            .map(EventView::of)
            .toList());
  }

  @PostMapping(
      path = "/v2/webhooks/{id}/deliveries/{deliveryId}/redeliver",
      produces = "application/json")
  @Operation(summary = "Send the events of one logged delivery again")
  RedeliveryResponse redeliver(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String id,
      @PathVariable String deliveryId,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    return new RedeliveryResponse(
        "success", webhooks.redeliver(account.accountId(), id(id), id(deliveryId)));
  }

  @PostMapping(path = "/v2/webhooks/{id}/redeliver-failed", produces = "application/json")
  @Operation(summary = "Send every failed event of the registration again")
  RedeliveryResponse redeliverFailed(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String id,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    return new RedeliveryResponse("success", webhooks.redeliverFailed(account.accountId(), id(id)));
  }

  private static long id(String id) {
    try {
      long value = Long.parseLong(id);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // not an id: answered like an unknown one
    }
    throw new WebhookNotFoundException("Webhook or delivery " + id);
  }

  private static int limit(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new InvalidRequestException("Invalid limit", "limit must be 1 to 1000");
    }
    return limit;
  }

  private static Optional<Instant> instant(@Nullable String before) {
    if (before == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(before));
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          "Invalid before", "before must be an ISO-8601 time such as 2026-11-25T10:00:00Z");
    }
  }

  private static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
