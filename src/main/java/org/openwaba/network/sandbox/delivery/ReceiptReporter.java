package org.openwaba.network.sandbox.delivery;

import java.time.Instant;
import java.util.List;
import org.openwaba.network.DeliveryError;
import org.openwaba.network.DeliveryReport;
import org.openwaba.network.DeliveryStatus;
import org.openwaba.network.DeliveryStatusesReported;
import org.openwaba.network.sandbox.DeviceBehaviour;
import org.openwaba.network.sandbox.store.Receipt;
import org.openwaba.network.sandbox.store.ReceiptKind;
import org.openwaba.network.sandbox.store.ReceiptStore;
import org.openwaba.network.sandbox.store.ReceivedMessageStore;
import org.openwaba.network.sandbox.store.StoredMessage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records a device's receipts and reports them as {@link DeliveryStatusesReported} events, each
 * exactly once: a step is reported only by the statement that changed the message's row, so a
 * receipt applied twice, or by two workers at once, is reported once. DELIVERED always precedes
 * READ, because a message is marked read only once it is marked delivered.
 *
 * <p>Every method must run inside the caller's read-write transaction. Listeners of the events run
 * synchronously in it, so a report and what listeners make of it commit or roll back together.
 */
@Component
public class ReceiptReporter {

  private final ReceivedMessageStore messages;
  private final ReceiptStore receipts;
  private final ReceiptTimings timings;
  private final ApplicationEventPublisher events;

  ReceiptReporter(
      ReceivedMessageStore messages,
      ReceiptStore receipts,
      ReceiptTimings timings,
      ApplicationEventPublisher events) {
    this.messages = messages;
    this.receipts = receipts;
    this.timings = timings;
    this.events = events;
  }

  /** Reports that a message cannot reach any device. */
  public void failed(String messageId, DeliveryError error, Instant at) {
    events.publishEvent(
        new DeliveryStatusesReported(
            List.of(new DeliveryReport(messageId, DeliveryStatus.FAILED, at, error))));
  }

  /**
   * After {@code message} was stored as {@code plan} says: reports the steps that already happened
   * and queues the receipts that are not due yet.
   */
  public void arrived(StoredMessage message, ArrivalPlan plan) {
    if (plan.deliveredAt() != null) {
      report(message.messageId(), DeliveryStatus.DELIVERED, plan.deliveredAt());
    }
    if (plan.readAt() != null) {
      report(message.messageId(), DeliveryStatus.READ, plan.readAt());
    }
    if (plan.deliveredDue() != null) {
      receipts.schedule(receipt(message, ReceiptKind.DELIVERED, plan.deliveredDue()));
    }
    if (plan.readDue() != null) {
      receipts.schedule(receipt(message, ReceiptKind.READ, plan.readDue()));
    }
  }

  /**
   * Applies a receipt that came due and was claimed. A delivery receipt is dropped if the device
   * has gone offline meanwhile (switching it online queues it again); a read receipt always
   * applies, as a phone sends one when it reconnects.
   */
  public void apply(Receipt receipt, Instant now) {
    switch (receipt.kind()) {
      case DELIVERED -> {
        if (messages.markDeliveredIfOnline(receipt.messageId(), now)) {
          report(receipt.messageId(), DeliveryStatus.DELIVERED, now);
          afterDelivery(receipt, now);
        }
      }
      case READ -> {
        if (messages.markRead(receipt.messageId(), now)) {
          report(receipt.messageId(), DeliveryStatus.READ, now);
        }
      }
    }
  }

  /**
   * The device's user reads the message: reports DELIVERED first if it was not delivered yet (even
   * on an offline device), then READ, and drops the receipts still queued for it. Reading a message
   * already read changes and reports nothing.
   */
  public void readByUser(StoredMessage message, Instant now) {
    if (message.deliveredAt() == null && messages.markDelivered(message.messageId(), now)) {
      report(message.messageId(), DeliveryStatus.DELIVERED, now);
    }
    if (messages.markRead(message.messageId(), now)) {
      report(message.messageId(), DeliveryStatus.READ, now);
    }
    receipts.cancel(message.messageId());
  }

  private void afterDelivery(Receipt delivered, Instant deliveredAt) {
    Instant readDue = timings.readDue(DeviceBehaviour.of(delivered.deviceNumber()), deliveredAt);
    if (readDue == null) {
      return;
    }
    if (readDue.isAfter(deliveredAt)) {
      receipts.schedule(
          new Receipt(
              delivered.messageId(),
              ReceiptKind.READ,
              readDue,
              delivered.accountId(),
              delivered.deviceNumber(),
              delivered.seq()));
    } else if (messages.markRead(delivered.messageId(), deliveredAt)) {
      report(delivered.messageId(), DeliveryStatus.READ, deliveredAt);
    }
  }

  private void report(String messageId, DeliveryStatus status, Instant at) {
    events.publishEvent(
        new DeliveryStatusesReported(List.of(new DeliveryReport(messageId, status, at, null))));
  }

  private static Receipt receipt(StoredMessage message, ReceiptKind kind, Instant dueAt) {
    return new Receipt(
        message.messageId(),
        kind,
        dueAt,
        message.accountId(),
        message.deviceNumber(),
        message.seq());
  }
}
