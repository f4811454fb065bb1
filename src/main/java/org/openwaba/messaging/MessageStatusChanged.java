package org.openwaba.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;

/**
 * A message moved to a new status. Delivered to listeners inside a {@link MessageStatusesChanged},
 * in the transaction that stored the change, once per transition, in causal order for each message.
 *
 * @param phoneNumberId the business number that sent the message
 * @param recipient the recipient in E.164 form, with its {@code +}
 * @param acceptedAt when the message was accepted
 * @param error set when, and only when, the status is {@link MessageStatus#FAILED}
 * @param callbackData the business's {@code biz_opaque_callback_data} for the message, if any
 */
public record MessageStatusChanged(
    MessageId messageId,
    AccountId accountId,
    PhoneNumberId phoneNumberId,
    String recipient,
    Instant acceptedAt,
    MessageStatus status,
    Instant at,
    @Nullable MessageError error,
    @Nullable String callbackData) {}
