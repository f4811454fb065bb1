package org.openwaba.network.sandbox;

import org.openwaba.network.DeliveryStatusReported;
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
  void on(DeliveryStatusReported report) {
    if (report.messageId().startsWith(PREFIX)) {
      throw new IllegalStateException("poisoned report for " + report.messageId());
    }
  }
}
