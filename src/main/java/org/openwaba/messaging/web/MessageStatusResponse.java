package org.openwaba.messaging.web;

import org.jspecify.annotations.Nullable;

/** The seed's status response; {@code error} is present when, and only when, status is failed. */
record MessageStatusResponse(
    String status,
    String messageId,
    String timestamp,
    String recipient,
    @Nullable ErrorView error) {

  /** Why the message failed, with Meta's error code (for example 131026, undeliverable). */
  record ErrorView(int code, String title, String message, String details) {}
}
