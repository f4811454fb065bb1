package org.openwaba.messaging;

import org.jspecify.annotations.Nullable;

/**
 * A request to send a text message, as either API door received it.
 *
 * @param to the recipient in international format ({@code +} and country code)
 * @param body 1 to 4,096 characters, counted as Unicode code points; may use WhatsApp formatting
 * @param previewUrl whether devices should render a preview of the first link
 * @param replyTo the id of a message of the same account and recipient to quote, if any
 */
public record SendTextCommand(
    String to, String body, boolean previewUrl, @Nullable String replyTo) {}
