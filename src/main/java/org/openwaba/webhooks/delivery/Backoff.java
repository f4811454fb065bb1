package org.openwaba.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.openwaba.webhooks.config.WebhooksProperties;

/**
 * When a failed event is tried again: exponential backoff with ±20% jitter, within a maximum age.
 */
final class Backoff {

  private final Duration base;
  private final Duration max;
  private final Duration maxAge;

  Backoff(WebhooksProperties properties) {
    this.base = properties.retryBaseDelay();
    this.max = properties.retryMaxDelay();
    this.maxAge = properties.maxRetryAge();
  }

  /**
   * The time of the next attempt after {@code attempts} failed ones, or null when the event is
   * older than the maximum age and must be given up.
   */
  @Nullable Instant next(int attempts, Instant createdAt, Instant now) {
    if (!now.isBefore(createdAt.plus(maxAge))) {
      return null;
    }
    double exponential = base.toMillis() * Math.pow(2, Math.min(attempts - 1, 30));
    double capped = Math.min(exponential, max.toMillis());
    double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    Instant due = now.plusMillis((long) (capped * jitter));
    Instant deadline = createdAt.plus(maxAge);
    // The last attempt happens at the deadline rather than never.
    return due.isAfter(deadline) ? deadline : due;
  }
}
