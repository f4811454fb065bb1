package org.openwaba.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message's current status.
 *
 * @param statusAt when the message reached its current status
 * @param recipient the recipient in E.164
 * @param error set when the status is {@link MessageStatus#FAILED}
 */
public record MessageState(
    MessageId id,
    MessageStatus status,
    Instant statusAt,
    String recipient,
    @Nullable MessageError error) {}
