package org.openwaba.webhooks;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One POST to a registration's endpoint, as the delivery log shows it.
 *
 * @param httpStatus the status the endpoint answered, or null if it did not answer
 * @param error why the attempt failed; null if it succeeded
 * @param eventIds the events the POST carried
 */
public record DeliveryAttempt(
    long id,
    long registrationId,
    Instant attemptedAt,
    @Nullable Integer httpStatus,
    long latencyMillis,
    @Nullable String error,
    List<Long> eventIds,
    boolean succeeded) {}
