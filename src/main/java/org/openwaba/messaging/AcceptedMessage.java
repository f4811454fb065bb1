package org.openwaba.messaging;

import java.time.Instant;

/**
 * A message durably stored and queued for delivery.
 *
 * @param recipient the recipient in E.164
 */
public record AcceptedMessage(MessageId id, Instant acceptedAt, String recipient) {}
