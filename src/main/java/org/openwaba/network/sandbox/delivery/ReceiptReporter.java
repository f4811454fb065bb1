package org.openwaba.network.sandbox.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * READ, because a message is marked read only once it is marked delivered, and a claimed receipt is
 * settled by an update that checks it is still queued as claimed.
 *
 * <p>Each method handles a whole batch with a fixed number of batched statements and publishes at
 * most one event, whose reports follow the batch's order. Every method must run inside the caller's
 * read-write transaction. Listeners of the events run synchronously in it, so a report and what
 * listeners make of it commit or roll back together.
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

  /**
   * After a batch of messages was handed over at {@code now}: reports, in the batch's order, the
   * failures and the steps that already happened. The receipts still to come were queued with the
   * messages themselves ({@link ArrivalPlan#pendingReceipt}). Messages that were already stored
   * before must not be listed: they were reported then.
   */
  public void handedOver(List<Arrival> arrivals, Instant now) {
    List<DeliveryReport> reports = new ArrayList<>();
    for (Arrival arrival : arrivals) {
      if (arrival instanceof Arrival.Undeliverable failed) {
        reports.add(
            new DeliveryReport(failed.messageId(), DeliveryStatus.FAILED, now, failed.error()));
      } else if (arrival instanceof Arrival.Received received) {
        StoredMessage message = received.message();
        ArrivalPlan plan = received.plan();
        if (plan.deliveredAt() != null) {
          reports.add(report(message.messageId(), DeliveryStatus.DELIVERED, plan.deliveredAt()));
        }
        if (plan.readAt() != null) {
          reports.add(report(message.messageId(), DeliveryStatus.READ, plan.readAt()));
        }
      }
    }
    publish(reports);
  }

  /**
   * Applies receipts that came due and were claimed, in {@link Receipt#APPLY_ORDER}, with one
   * batched update. A delivery receipt is dropped if the device has gone offline meanwhile
   * (switching it online queues it again); a read receipt always applies, as a phone sends one when
   * it reconnects. A delivery is followed by a read receipt after the read delay, or by the read
   * itself when that delay is zero.
   */
  public void apply(List<ReceiptStore.Claimed> claimed, Instant now) {
    List<ReceiptStore.Settlement> settlements = new ArrayList<>(claimed.size());
    List<List<DeliveryReport>> steps = new ArrayList<>(claimed.size());
    for (ReceiptStore.Claimed due : claimed) {
      Receipt receipt = due.receipt();
      String messageId = receipt.messageId();
      Instant deliveredAt = due.deliveredAt();
      Instant readAt = due.readAt();
      ReceiptKind nextKind = null;
      Instant nextDue = null;
      List<DeliveryReport> reports = new ArrayList<>(2);
      if (receipt.kind() == ReceiptKind.DELIVERED) {
        if (deliveredAt == null && due.deviceOnline()) {
          deliveredAt = now;
          reports.add(report(messageId, DeliveryStatus.DELIVERED, now));
          Instant readDue = timings.readDue(DeviceBehaviour.of(receipt.deviceNumber()), now);
          if (readDue != null && readDue.isAfter(now)) {
            nextKind = ReceiptKind.READ;
            nextDue = readDue;
          } else if (readDue != null && readAt == null) {
            readAt = now;
            reports.add(report(messageId, DeliveryStatus.READ, now));
          }
        }
      } else if (deliveredAt != null && readAt == null) {
        readAt = now;
        reports.add(report(messageId, DeliveryStatus.READ, now));
      }
      settlements.add(new ReceiptStore.Settlement(receipt, deliveredAt, readAt, nextKind, nextDue));
      steps.add(reports);
    }
    boolean[] applied = receipts.settleAll(settlements);
    List<DeliveryReport> reports = new ArrayList<>();
    for (int i = 0; i < applied.length; i++) {
      if (applied[i]) {
        reports.addAll(steps.get(i));
      }
    }
    publish(reports);
  }

  /**
   * The device's user reads the message: reports DELIVERED first if it was not delivered yet (even
   * on an offline device), then READ, in one event, and drops the receipts still queued for it.
   * Reading a message already read changes and reports nothing.
   */
  public void readByUser(StoredMessage message, Instant now) {
    List<DeliveryReport> reports = new ArrayList<>(2);
    if (message.deliveredAt() == null && messages.markDelivered(message.messageId(), now)) {
      reports.add(report(message.messageId(), DeliveryStatus.DELIVERED, now));
    }
    if (messages.markRead(message.messageId(), now)) {
      reports.add(report(message.messageId(), DeliveryStatus.READ, now));
    }
    receipts.cancel(message.messageId());
    publish(reports);
  }

  private void publish(List<DeliveryReport> reports) {
    if (!reports.isEmpty()) {
      events.publishEvent(new DeliveryStatusesReported(reports));
    }
  }

  private static DeliveryReport report(String messageId, DeliveryStatus status, Instant at) {
    return new DeliveryReport(messageId, status, at, null);
  }
}
