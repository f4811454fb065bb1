package org.openwaba.network.sandbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.network.DeviceMedia;

/**
 * A message a sandbox device sent to a business number.
 *
 * @param to the business number, E.164
 * @param replyTo the business message it quotes, if any
 * @param body the text, or a media message's caption (empty if none)
 * @param media the media it carries, if any
 * @param content for structured types, the type's object as JSON in Meta's inbound webhook shape
 */
public record DeviceSentMessage(
    String messageId,
    String from,
    String to,
    String profileName,
    String type,
    String body,
    @Nullable String replyTo,
    Instant sentAt,
    @Nullable DeviceMedia media,
    @Nullable String content) {}
