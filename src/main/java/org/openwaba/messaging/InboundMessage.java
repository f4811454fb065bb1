package org.openwaba.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;

/**
 * A message a user sent to one of the business's numbers.
 *
 * @param from the sender's number in E.164
 * @param phoneNumberId the business number it was sent to
 * @param contextId the business message it replies to, if any
 */
public record InboundMessage(
    MessageId id,
    AccountId accountId,
    PhoneNumberId phoneNumberId,
    String from,
    String profileName,
    String type,
    String body,
    @Nullable String contextId,
    Instant receivedAt) {}
