package org.openwaba.messaging.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.openwaba.messaging.Reaction;

/**
 * The seed's status response; {@code error} is present when, and only when, status is failed.
 * {@code reaction} is always present: the recipient's current reaction, or null.
 */
record MessageStatusResponse(
    String status,
    String messageId,
    String timestamp,
    String recipient,
    @Nullable ErrorView error,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable ReactionView reaction) {

  /** Why the message failed, with Meta's error code (for example 131026, undeliverable). */
  record ErrorView(int code, String title, String message, String details) {}

  /** An emoji and when it was set, ISO-8601 in UTC. */
  record ReactionView(String emoji, String at) {
    static @Nullable ReactionView of(@Nullable Reaction reaction) {
      return reaction == null ? null : new ReactionView(reaction.emoji(), reaction.at().toString());
    }
  }
}
