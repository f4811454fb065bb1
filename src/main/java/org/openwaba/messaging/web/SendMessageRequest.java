package org.openwaba.messaging.web;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The seed's {@code POST /send-message} body. Unknown fields are ignored.
 *
 * @param phoneNumber the recipient in international format, e.g. +14155552671
 * @param message 1 to 4,096 characters (Unicode code points); supports *bold*, _italic_,
 *     ~strikethrough~ and ```monospace```
 * @param previewUrl whether to render a preview of the first link (default false)
 * @param replyTo the id of the message being replied to
 */
record SendMessageRequest(
    @NotNull(message = "is required") @Nullable String phoneNumber,
    @NotNull(message = "is required") @Nullable String message,
    @Nullable Boolean previewUrl,
    @Nullable String replyTo) {}
