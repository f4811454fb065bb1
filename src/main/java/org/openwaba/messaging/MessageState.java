package org.openwaba.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message's current status.
 *
 * @param statusAt when the message reached its current status
 * @param recipient the recipient in E.164
 * @param error set when the status is {@link MessageStatus#FAILED}
 * @param reaction the recipient's current reaction on the message, if any
 */
public record MessageState(
    MessageId id,
    MessageStatus status,
    Instant statusAt,
    String recipient,
    @Nullable MessageError error,
    @Nullable Reaction reaction) {

  /** A message nobody reacted to. */
  public MessageState(
      MessageId id,
      MessageStatus status,
      Instant statusAt,
      String recipient,
      @Nullable MessageError error) {
    this(id, status, statusAt, recipient, error, null);
  }
}
