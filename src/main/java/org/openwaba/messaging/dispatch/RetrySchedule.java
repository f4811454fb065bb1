package org.openwaba.messaging.dispatch;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next hand-over attempt: exponential backoff from a base delay,
 * capped, with ±20% jitter so that messages that failed together do not retry in lockstep. Pure:
 * the randomness is injected.
 */
final class RetrySchedule {

  private static final double JITTER = 0.2;

  private final Duration base;
  private final Duration max;
  private final DoubleSupplier random;

  RetrySchedule(Duration base, Duration max, DoubleSupplier random) {
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("base delay must be positive, was " + base);
    }
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException("max delay " + max + " is shorter than base " + base);
    }
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /**
   * The delay after the {@code attempt}-th failed attempt (1 for the first).
   *
   * @param attempt at least 1
   */
  Duration delayAfter(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
    double exponential = base.toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
    double capped = Math.min(exponential, max.toMillis());
    double factor = 1 + JITTER * (2 * random.getAsDouble() - 1);
    return Duration.ofMillis(Math.max(1, Math.round(capped * factor)));
  }
}
