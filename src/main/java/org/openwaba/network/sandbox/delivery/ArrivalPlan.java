package org.openwaba.network.sandbox.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.network.sandbox.store.Receipt;
import org.openwaba.network.sandbox.store.ReceiptKind;
import org.openwaba.network.sandbox.store.StoredMessage;

/**
 * What happens to a message the moment it reaches a device: the steps that happen at once (their
 * times are set) and the receipts to queue for later (their due times are set). At most one of
 * {@code deliveredAt} and {@code deliveredDue} is set, and the read step only follows a delivery
 * that happens at once.
 */
public record ArrivalPlan(
    @Nullable Instant deliveredAt,
    @Nullable Instant readAt,
    @Nullable Instant deliveredDue,
    @Nullable Instant readDue) {

  /** The message waits: the device is offline. */
  public static final ArrivalPlan WAIT = new ArrivalPlan(null, null, null, null);

  /** The receipt to queue with the stored message, or null if none is due later. */
  public @Nullable Receipt pendingReceipt(StoredMessage message) {
    if (deliveredDue != null) {
      return receipt(message, ReceiptKind.DELIVERED, deliveredDue);
    }
    return readDue == null ? null : receipt(message, ReceiptKind.READ, readDue);
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
