package org.openwaba.network;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;

/**
 * A device sent a message to one of the business's numbers. Published synchronously inside the
 * network's transaction, so that whatever listeners store commits or rolls back with it.
 *
 * @param messageId the message's {@code wamid.} id, unique across networks
 * @param from the device's number in E.164
 * @param profileName the device's profile name as the business sees it
 * @param type {@code text}, or the media's kind
 * @param body the text, or a media message's caption (empty if none)
 * @param contextId the business message the device replied to, if any
 * @param media set when, and only when, the message carries media
 * @param content for structured types ({@code location}, {@code contacts}, {@code interactive},
 *     {@code button}, {@code reaction}), the type's object as JSON in the shape of Meta's inbound
 *     webhook (reference/cloud-api.md §4.4)
 */
public record DeviceMessageReceived(
    String messageId,
    AccountId accountId,
    PhoneNumberId phoneNumberId,
    String from,
    String profileName,
    String type,
    String body,
    @Nullable String contextId,
    Instant at,
    @Nullable DeviceMedia media,
    @Nullable String content) {}
