package org.openwaba.network.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openwaba.network.DeliveryStatus;
import org.openwaba.network.DeliveryStatusReported;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Test-only recording listener: keeps every {@link DeliveryStatusReported} whose transaction
 * committed, in the order published, so that tests see only reports that really happened.
 */
@Component
public class RecordedReports {

  private final List<DeliveryStatusReported> reports = new CopyOnWriteArrayList<>();

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(DeliveryStatusReported report) {
    reports.add(report);
  }

  /** The committed reports about this message, in order. */
  public List<DeliveryStatusReported> of(String messageId) {
    return reports.stream().filter(report -> report.messageId().equals(messageId)).toList();
  }

  /** The statuses reported about this message, in order. */
  public List<DeliveryStatus> statusesOf(String messageId) {
    return of(messageId).stream().map(DeliveryStatusReported::status).toList();
  }

  /** The ids of the messages reported with this status, among these, in the order reported. */
  public List<String> reportedWith(DeliveryStatus status, List<String> messageIds) {
    return reports.stream()
        .filter(report -> report.status() == status && messageIds.contains(report.messageId()))
        .map(DeliveryStatusReported::messageId)
        .toList();
  }
}
