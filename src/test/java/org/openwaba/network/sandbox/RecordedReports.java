package org.openwaba.network.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.openwaba.network.DeliveryReport;
import org.openwaba.network.DeliveryStatus;
import org.openwaba.network.DeliveryStatusesReported;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Test-only recording listener: keeps every {@link DeliveryStatusesReported} whose transaction
 * committed, in the order published, so that tests see only reports that really happened.
 */
@Component
public class RecordedReports {

  private final List<DeliveryStatusesReported> events = new CopyOnWriteArrayList<>();

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(DeliveryStatusesReported event) {
    events.add(event);
  }

  /** The committed reports about this message, in order. */
  public List<DeliveryReport> of(String messageId) {
    return reports().filter(report -> report.messageId().equals(messageId)).toList();
  }

  /** The statuses reported about this message, in order. */
  public List<DeliveryStatus> statusesOf(String messageId) {
    return of(messageId).stream().map(DeliveryReport::status).toList();
  }

  /** The ids of the messages reported with this status, among these, in the order reported. */
  public List<String> reportedWith(DeliveryStatus status, List<String> messageIds) {
    return reports()
        .filter(report -> report.status() == status && messageIds.contains(report.messageId()))
        .map(DeliveryReport::messageId)
        .toList();
  }

  /** The committed events that report about any of these messages, in order. */
  public List<DeliveryStatusesReported> eventsAbout(List<String> messageIds) {
    return events.stream()
        .filter(event -> event.reports().stream().anyMatch(r -> messageIds.contains(r.messageId())))
        .toList();
  }

  private Stream<DeliveryReport> reports() {
    return events.stream().flatMap(event -> event.reports().stream());
  }
}
