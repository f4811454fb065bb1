package org.openwaba.accounts.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import org.openwaba.accounts.config.AccountsProperties;
import org.springframework.stereotype.Component;

/**
 * Counts requests without valid credentials per client address, so that tokens and the admin key
 * cannot be guessed quickly. Each failure uses one token of the address's bucket; an empty bucket
 * answers 429 before any credential is checked.
 */
@Component
class ClientAddressLimiter {

  private final int perMinute;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  ClientAddressLimiter(AccountsProperties properties) {
    this.perMinute = properties.failedAuthPerMinute();
  }

  /** Seconds until the address may try again, or 0 if it may try now. */
  long secondsUntilAllowed(String address) {
    Bucket bucket = buckets.getIfPresent(address);
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return 0;
    }
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    return Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
  }

  void recordFailure(String address) {
    buckets.get(address, key -> newBucket()).tryConsume(1);
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build())
        .build();
  }
}
