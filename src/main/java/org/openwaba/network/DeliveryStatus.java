package org.openwaba.network;

/** What a network reports about a message it was handed. */
public enum DeliveryStatus {
  /** The recipient's device has the message. */
  DELIVERED,
  /** The recipient opened the message; always reported after {@link #DELIVERED}. */
  READ,
  /** The message cannot be delivered; the report carries a {@link DeliveryError}. */
  FAILED
}
