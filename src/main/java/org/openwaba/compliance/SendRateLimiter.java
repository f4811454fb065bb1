package org.openwaba.compliance;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.openwaba.accounts.AccountId;
import org.springframework.stereotype.Service;

/**
 * Enforces each account's messages-per-second limit (the seed's "Messages per second: 50" by
 * default) with a token bucket that holds one second's worth of sends and refills continuously.
 * Thread-safe and lock-free on the hot path.
 *
 * <p>Buckets live in this process: behind a load balancer with N nodes an account may send up to N
 * times its limit. A changed limit takes effect with the next bucket, at once.
 */
@Service
public class SendRateLimiter {

  private record Key(AccountId accountId, int messagesPerSecond) {}

  private final Cache<Key, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(5)).build();

  /**
   * Takes one send from the account's allowance.
   *
   * @throws RateLimitExceededException (133000, 429) when the allowance is used up; its {@code
   *     Retry-After} says when the next send will be allowed, in whole seconds (at least 1)
   */
  public void acquire(AccountId accountId, int messagesPerSecond) {
    Bucket bucket =
        buckets.get(new Key(accountId, messagesPerSecond), key -> newBucket(messagesPerSecond));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long nanos = probe.getNanosToWaitForRefill();
      long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
      throw new RateLimitExceededException(messagesPerSecond, seconds);
    }
  }

  /**
   * Gives back a send taken by {@link #acquire} that was then refused or failed, so that only
   * accepted messages count against the limit: a client correcting a bad request is not throttled
   * by its own mistakes.
   */
  public void release(AccountId accountId, int messagesPerSecond) {
    Bucket bucket = buckets.getIfPresent(new Key(accountId, messagesPerSecond));
    if (bucket != null) {
      bucket.addTokens(1);
    }
  }

  private static Bucket newBucket(int messagesPerSecond) {
    if (messagesPerSecond < 1) {
      throw new IllegalArgumentException(
          "messagesPerSecond must be positive, was " + messagesPerSecond);
    }
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(messagesPerSecond)
                .refillGreedy(messagesPerSecond, Duration.ofSeconds(1))
                .build())
        .build();
  }
}
