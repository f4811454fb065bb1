package org.openwaba.network.sandbox.store;

import java.time.Instant;
import java.util.Comparator;
import org.openwaba.accounts.AccountId;

/**
 * A receipt a device will send when it comes due. At most one of each kind exists per message.
 *
 * @param deviceNumber the receiving device, in E.164
 * @param seq the message's position among the messages its device was handed
 */
public record Receipt(
    String messageId,
    ReceiptKind kind,
    Instant dueAt,
    AccountId accountId,
    String deviceNumber,
    long seq) {

  /**
   * The order claimed receipts are applied in: by due time, then in the order the messages reached
   * their device, so that a device's backlog is delivered in the order it was sent.
   */
  public static final Comparator<Receipt> APPLY_ORDER =
      Comparator.comparing(Receipt::dueAt)
          .thenComparingLong(Receipt::seq)
          .thenComparing(Receipt::kind)
          .thenComparing(Receipt::messageId);
}
