package org.openwaba.messaging.content;

import java.util.Set;
import org.openwaba.network.ReactionEmoji;
import org.openwaba.platform.JsonFields;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code reaction} (reference/cloud-api.md §2.9): an emoji on a message of the same conversation,
 * or {@code ""} to remove the business's reaction. The target is checked like a reply's, so another
 * account's message id gets the same answer as an unknown one.
 */
@Component
class ReactionType implements ContentType {

  private final ReplyValidator replies;

  ReactionType(ReplyValidator replies) {
    this.replies = replies;
  }

  @Override
  public Set<String> types() {
    return Set.of("reaction");
  }

  @Override
  public Prepared prepare(Sending sending, String type, JsonNode payload) {
    JsonNode reaction = JsonFields.object(payload, "reaction");
    String target = JsonFields.text(reaction, "message_id", "reaction", 256);
    String emoji = ReactionEmoji.require(reaction.get("emoji"), "reaction.emoji");
    replies.requireReplyable(
        sending.caller().accountId(), target, sending.recipient(), "reaction.message_id");
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    content.put("message_id", target);
    content.put("emoji", emoji);
    return Prepared.structured("reaction", "", content);
  }
}
