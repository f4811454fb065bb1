package org.openwaba.messaging.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.MessageStatus;

/**
 * A row of {@code messaging_message}.
 *
 * @param formatting the parsed formatting as JSON, for devices to render
 */
public record StoredMessage(
    MessageId id,
    AccountId accountId,
    PhoneNumberId phoneNumberId,
    String sender,
    String recipient,
    String type,
    String body,
    String formatting,
    boolean previewUrl,
    @Nullable String replyTo,
    MessageStatus status,
    Instant statusAt,
    Instant createdAt,
    @Nullable MessageError error) {}
