package org.openwaba.messaging.dispatch;

import java.util.List;
import org.openwaba.messaging.store.StoredMessage;
import org.openwaba.network.OutboundMedia;
import org.openwaba.network.OutboundMessage;
import org.openwaba.network.TextSpan;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns a stored message into what a delivery network receives. */
@Component
class OutboundMessages {

  private static final TypeReference<List<TextSpan>> SPANS = new TypeReference<>() {};

  private final JsonMapper json;

  OutboundMessages(JsonMapper json) {
    this.json = json;
  }

  OutboundMessage of(StoredMessage message) {
    return new OutboundMessage(
        message.id().value(),
        message.accountId(),
        message.phoneNumberId(),
        message.sender(),
        message.recipient(),
        message.type(),
        message.body(),
        json.readValue(message.formatting(), SPANS),
        message.previewUrl(),
        message.replyTo(),
        message.createdAt(),
        message.media() == null ? null : json.readValue(message.media(), OutboundMedia.class),
        message.content());
  }
}
