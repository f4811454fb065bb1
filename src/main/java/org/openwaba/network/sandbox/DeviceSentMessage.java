package org.openwaba.network.sandbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message a sandbox device sent to a business number.
 *
 * @param to the business number, E.164
 * @param replyTo the business message it quotes, if any
 */
public record DeviceSentMessage(
    String messageId,
    String from,
    String to,
    String profileName,
    String type,
    String body,
    @Nullable String replyTo,
    Instant sentAt) {}
