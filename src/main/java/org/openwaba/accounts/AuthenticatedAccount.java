package org.openwaba.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The account a request's bearer token belongs to. Controllers of any module declare a parameter of
 * this type to receive it; requests without a valid token never reach them.
 *
 * @param tokenId the id of the token used, never the token itself
 * @param tokenExpiresAt when the token stops working, or null if it does not expire
 */
public record AuthenticatedAccount(
    AccountId accountId, int messagesPerSecond, long tokenId, @Nullable Instant tokenExpiresAt) {}
