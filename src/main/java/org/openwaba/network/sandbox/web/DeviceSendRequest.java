package org.openwaba.network.sandbox.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /v2/sandbox/devices/{number}/send}: what the device's user sends.
 *
 * @param type {@code text} (the default), {@code location} or {@code contacts}
 * @param text the text of a text message
 * @param location a location in Meta's shape ({@code latitude}, {@code longitude}, {@code name},
 *     {@code address})
 * @param contacts contact cards in Meta's shape
 * @param to the business number; the account's default number if absent
 * @param replyTo a message the device received, to quote
 */
record DeviceSendRequest(
    @Nullable String type,
    @Nullable String text,
    @Nullable JsonNode location,
    @Nullable JsonNode contacts,
    @Nullable String to,
    @Nullable String replyTo) {}
