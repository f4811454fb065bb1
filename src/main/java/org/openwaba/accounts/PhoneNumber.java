package org.openwaba.accounts;

import java.time.Instant;

/**
 * A business phone number owned by an account.
 *
 * @param displayPhoneNumber the number in E.164 form, such as {@code +12025550100}
 * @param network the delivery network that carries its messages, such as {@code sandbox}
 */
public record PhoneNumber(
    PhoneNumberId id,
    AccountId accountId,
    String displayPhoneNumber,
    String network,
    Instant createdAt) {}
