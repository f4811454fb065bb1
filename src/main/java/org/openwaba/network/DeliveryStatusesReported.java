package org.openwaba.network;

import java.util.List;

/**
 * A network learned something about messages it was handed. Published synchronously inside the
 * network's transaction, so that the listener's status changes commit or roll back with it; one
 * event carries a whole batch so that listeners can write it in one statement.
 *
 * @param reports in the order they happened; for one message, {@code DELIVERED} comes before {@code
 *     READ}. Never empty
 */
public record DeliveryStatusesReported(List<DeliveryReport> reports) {

  public DeliveryStatusesReported {
    reports = List.copyOf(reports);
    if (reports.isEmpty()) {
      throw new IllegalArgumentException("a report event needs at least one report");
    }
  }
}
