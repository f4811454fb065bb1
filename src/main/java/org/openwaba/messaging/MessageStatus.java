package org.openwaba.messaging;

/**
 * Where a message is in its life. Statuses only move forward, in the order declared; {@link
 * #FAILED} can only follow {@link #ACCEPTED} or {@link #SENT}.
 */
public enum MessageStatus {
  /** Durably stored and queued; the API reports it as {@code sent} (it is on our server). */
  ACCEPTED("sent"),
  /** Handed to the delivery network. */
  SENT("sent"),
  /** On the recipient's device. */
  DELIVERED("delivered"),
  /** Opened by the recipient. */
  READ("read"),
  /** Cannot be delivered; see the message's error. */
  FAILED("failed");

  private final String apiName;

  MessageStatus(String apiName) {
    this.apiName = apiName;
  }

  /** The status as the seed's API names it: sent, delivered, read or failed. */
  public String apiName() {
    return apiName;
  }

  /**
   * Whether a message in this status may move to {@code next} in one step: accepted → sent →
   * delivered → read, and failed only from accepted or sent.
   */
  public boolean canMoveTo(MessageStatus next) {
    return switch (next) {
      case ACCEPTED -> false;
      case SENT -> this == ACCEPTED;
      case DELIVERED, FAILED -> this == ACCEPTED || this == SENT;
      case READ -> this == DELIVERED;
    };
  }
}
