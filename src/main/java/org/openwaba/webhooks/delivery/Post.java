package org.openwaba.webhooks.delivery;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.webhooks.WebhookRegistration;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;

/**
 * One POST's events and, once sent, what came of it.
 *
 * @param httpStatus the endpoint's answer, null if none came
 * @param error why it failed; null if it succeeded (a 2xx answer)
 */
record Post(
    long attemptId,
    WebhookRegistration registration,
    List<ClaimedEvent> events,
    Instant attemptedAt,
    @Nullable Integer httpStatus,
    long latencyMillis,
    @Nullable String error) {

  boolean succeeded() {
    return error == null;
  }

  List<Long> eventIds() {
    return events.stream().map(ClaimedEvent::id).toList();
  }
}
