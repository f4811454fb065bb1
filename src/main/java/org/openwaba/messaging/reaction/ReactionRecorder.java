package org.openwaba.messaging.reaction;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.messaging.InboundMessage;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.MessageReceived;
import org.openwaba.messaging.store.InboundStore;
import org.openwaba.messaging.store.MessageStore;
import org.openwaba.messaging.store.StoredMessage;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies reactions to the messages they react to, in the transaction that stores the reaction, so
 * that a reacted message never shows a reaction that was not stored, or misses one that was. A
 * reaction is also a message of its own, stored and delivered like any other; this only keeps the
 * reacted message's current reaction. An empty emoji removes it.
 */
@Component
public class ReactionRecorder {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MessageStore messages;
  private final InboundStore inbound;

  ReactionRecorder(MessageStore messages, InboundStore inbound) {
    this.messages = messages;
    this.inbound = inbound;
  }

  /**
   * The business sent these messages: each reaction among them becomes the current reaction on the
   * user's message it names. A reaction on one of the business's own messages is delivered but
   * recorded nowhere, as the business's messages show only the user's reaction.
   */
  public void businessSent(List<StoredMessage> sent) {
    for (StoredMessage message : sent) {
      Target target = target(message.type(), message.content());
      if (target != null) {
        inbound.react(
            target.messageId(),
            message.accountId(),
            message.recipient(),
            target.emoji(),
            message.createdAt());
      }
    }
  }

  /** A user reacted: their reaction becomes the current one on the business's message. */
  @EventListener
  void on(MessageReceived received) {
    InboundMessage message = received.message();
    Target target = target(message.type(), message.content());
    if (target != null) {
      messages.react(
          target.messageId(),
          message.accountId(),
          message.from(),
          target.emoji(),
          message.receivedAt());
    }
  }

  /** The reacted message and the new emoji (null for a removal). */
  private record Target(MessageId messageId, @Nullable String emoji) {}

  private static @Nullable Target target(String type, @Nullable String content) {
    if (!"reaction".equals(type) || content == null) {
      return null;
    }
    JsonNode reaction = JSON.readTree(content);
    String messageId = reaction.path("message_id").asString("");
    if (!MessageId.isWellFormed(messageId)) {
      return null;
    }
    // Meta's inbound webhook marks a removal with an empty or absent emoji (§4.4).
    String emoji = reaction.path("emoji").asString("");
    return new Target(new MessageId(messageId), emoji.isEmpty() ? null : emoji);
  }
}
