package org.openwaba.templates;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.templates.store.ReviewQueueStore;
import org.openwaba.templates.store.TemplateStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of templates, by the operator (admin API) or the automatic review engine: approve,
 * reject, pause or disable one, by the rules of {@link ReviewDecision}. Deciding a {@code PENDING}
 * template removes its queued automatic review in the same transaction, so an operator's decision
 * wins over a review not yet run. Each change is stored with a check that the status is still the
 * one it was decided on, so two concurrent decisions cannot both apply, and publishes {@link
 * TemplateStatusChanged} in the same transaction. Thread-safe.
 */
@Service
public class TemplateReview {

  /** The longest reason an operator may give, in characters. */
  public static final int MAX_REASON_LENGTH = 512;

  private final TemplateStore store;
  private final ReviewQueueStore reviews;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TemplateReview(
      TemplateStore store,
      ReviewQueueStore reviews,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.reviews = reviews;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Applies the decision and returns the template as it is now.
   *
   * @param reason required to reject (Meta always gives one), optional otherwise
   * @throws TemplateNotFoundException (404) if the account has no such template
   * @throws TemplateTransitionException (409) if its status does not allow the decision, also when
   *     another decision changed it meanwhile
   * @throws InvalidRequestException (400, 132000) for a missing rejection reason or one over
   *     {@value #MAX_REASON_LENGTH} characters
   */
  @Transactional
  public Template decide(
      AccountId account, TemplateId id, ReviewDecision decision, @Nullable String reason) {
    String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
    if (decision == ReviewDecision.REJECT && cleanReason == null) {
      throw new InvalidRequestException(
          "Missing reason", "reason is required to reject a template");
    }
    if (cleanReason != null && cleanReason.length() > MAX_REASON_LENGTH) {
      throw new InvalidRequestException(
          "Reason too long",
          "reason must be at most "
              + MAX_REASON_LENGTH
              + " characters, was "
              + cleanReason.length());
    }
    Template current =
        store.find(account, id).orElseThrow(() -> new TemplateNotFoundException("template " + id));
    if (!decision.appliesTo(current.status())) {
      throw new TemplateTransitionException(current, decision);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (!store.changeStatus(account, id, current.status(), decision.outcome(), cleanReason, now)) {
      throw new TemplateTransitionException(current, decision);
    }
    if (current.status() == TemplateStatus.PENDING) {
      // Decided: an automatic review still queued for it must not run.
      reviews.remove(id);
    }
    events.publishEvent(
        new TemplateStatusChanged(
            id,
            account,
            current.name(),
            current.language(),
            current.status(),
            decision.outcome(),
            cleanReason,
            now));
    return store.find(account, id).orElseThrow();
  }
}
