package org.openwaba.network.sandbox;

import org.openwaba.network.DeliveryStatusesReported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener that fails, inside the reporting transaction, for every message whose id
 * starts with {@link #PREFIX}, the way a broken listener in another module would.
 */
@Component
class PoisonedReports {

  static final String PREFIX = "wamid.poison";

  @EventListener
  void on(DeliveryStatusesReported event) {
    event.reports().stream()
        .filter(report -> report.messageId().startsWith(PREFIX))
        .findFirst()
        .ifPresent(
            report -> {
              throw new IllegalStateException("poisoned report for " + report.messageId());
            });
  }
}
