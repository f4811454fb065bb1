package org.openwaba.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;

/**
 * A message moved to a new status. Published synchronously inside the transaction that stored the
 * change, once per transition, in causal order for each message.
 *
 * @param error set when, and only when, the status is {@link MessageStatus#FAILED}
 */
public record MessageStatusChanged(
    MessageId messageId,
    AccountId accountId,
    MessageStatus status,
    Instant at,
    @Nullable MessageError error) {}
