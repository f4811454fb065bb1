package org.openwaba.network.sandbox.store;

/** What a device reports about a message; stored by name. */
public enum ReceiptKind {
  /** The device has the message. */
  DELIVERED,
  /** The device's user opened the message; only ever after {@link #DELIVERED}. */
  READ
}
