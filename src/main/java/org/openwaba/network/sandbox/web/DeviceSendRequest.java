package org.openwaba.network.sandbox.web;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v2/sandbox/devices/{number}/send}: what the device's user types.
 *
 * @param to the business number; the account's default number if absent
 * @param replyTo a message the device received, to quote
 */
record DeviceSendRequest(@Nullable String text, @Nullable String to, @Nullable String replyTo) {}
