package org.openwaba.webhooks.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Webhook delivery metrics: POSTs attempted, succeeded and failed, events given up, delivery
 * latency, and the backlog of pending events per registration.
 */
@Component
class DeliveryMetrics {

  private final Counter succeeded;
  private final Counter failed;
  private final Counter gaveUp;
  private final Timer latency;
  private final MultiGauge backlog;

  DeliveryMetrics(MeterRegistry registry) {
    this.succeeded =
        Counter.builder("openwaba.webhooks.deliveries")
            .description("Webhook POSTs attempted, by outcome")
            .tag("outcome", "succeeded")
            .register(registry);
    this.failed =
        Counter.builder("openwaba.webhooks.deliveries")
            .description("Webhook POSTs attempted, by outcome")
            .tag("outcome", "failed")
            .register(registry);
    this.gaveUp =
        Counter.builder("openwaba.webhooks.events.failed")
            .description("Events given up after the maximum retry age")
            .register(registry);
    this.latency =
        Timer.builder("openwaba.webhooks.delivery.latency")
            .description("Time from sending a webhook POST to its answer")
            .publishPercentileHistogram()
            .register(registry);
    this.backlog =
        MultiGauge.builder("openwaba.webhooks.backlog")
            .description("Events waiting for delivery, per registration")
            .register(registry);
  }

  void attempted(Post post) {
    (post.succeeded() ? succeeded : failed).increment();
    latency.record(Duration.ofMillis(post.latencyMillis()));
  }

  void gaveUp() {
    gaveUp.increment();
  }

  void backlog(Map<Long, Long> pendingByRegistration) {
    backlog.register(
        pendingByRegistration.entrySet().stream()
            .map(
                e ->
                    MultiGauge.Row.of(
                        Tags.of("registration", Long.toString(e.getKey())), e.getValue()))
            .collect(Collectors.toList()),
        true);
  }
}
