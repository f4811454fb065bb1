package org.openwaba.messaging.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.springframework.stereotype.Component;

/** Finds the {@link ContentType} for a message's {@code type}. */
@Component
public class ContentTypes {

  /** Every type of Meta's send endpoint (reference/cloud-api.md §2.1), in Meta's order. */
  public static final List<String> ALL =
      List.of(
          "text",
          "image",
          "audio",
          "video",
          "document",
          "sticker",
          "location",
          "contacts",
          "interactive",
          "template",
          "reaction");

  private final Map<String, ContentType> byType = new HashMap<>();

  ContentTypes(List<ContentType> handlers) {
    for (ContentType handler : handlers) {
      for (String type : handler.types()) {
        if (byType.put(type, handler) != null) {
          throw new IllegalStateException("two handlers for message type " + type);
        }
      }
    }
  }

  /**
   * @throws InvalidRequestException 131009 for a type Meta does not have, 131051 for one of Meta's
   *     types this server does not send
   */
  public ContentType handler(String type) {
    ContentType handler = byType.get(type);
    if (handler != null) {
      return handler;
    }
    if (ALL.contains(type)) {
      throw new InvalidRequestException(
          ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
          "Unsupported message type",
          "type '" + type + "' is not supported by this server yet");
    }
    throw new InvalidRequestException(
        ErrorCode.INVALID_PARAMETER,
        "Invalid message type",
        "type must be one of " + String.join(", ", ALL) + "; was '" + type + "'");
  }
}
