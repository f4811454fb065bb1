package org.openwaba.accounts;

import java.time.Instant;

/**
 * A business account.
 *
 * @param messagesPerSecond the most messages the account may send per second (seed default 50)
 */
public record Account(AccountId id, String name, int messagesPerSecond, Instant createdAt) {}
