package org.openwaba.messaging.web;

import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.SendCommand;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * Reads Meta's send envelope (reference/cloud-api.md §2.1), which both {@code POST /v2/messages}
 * and the Cloud API's {@code /messages} take: {@code to}, {@code type} ({@code text} when absent,
 * as Meta assumes), the type's object, {@code context.message_id}. Fields clients add that do not
 * change the message ({@code recipient_type: individual}, {@code biz_opaque_callback_data}, …) are
 * ignored.
 */
final class MessageRequests {

  /** Meta's limit for {@code biz_opaque_callback_data}. */
  static final int MAX_CALLBACK_DATA = 512;

  private MessageRequests() {}

  /** The request body, which must be a JSON object. */
  static JsonNode body(@Nullable JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_PARAMETER, "Invalid request body", "the body must be a JSON object");
    }
    return body;
  }

  /** {@code messaging_product}: required on the Cloud door, optional on the seed's. */
  static void requireWhatsApp(JsonNode body, boolean required) {
    String product = JsonFields.optionalText(body, "messaging_product", "", 64);
    if (product == null) {
      if (required) {
        throw JsonFields.missing("messaging_product");
      }
      return;
    }
    if (!product.equals("whatsapp")) {
      throw JsonFields.invalid(
          "messaging_product", "messaging_product must be \"whatsapp\", was '" + product + "'");
    }
  }

  static SendCommand command(JsonNode body, @Nullable PhoneNumberId from) {
    String recipientType = JsonFields.optionalText(body, "recipient_type", "", 64);
    if (recipientType != null && !recipientType.equals("individual")) {
      throw JsonFields.invalid(
          "recipient_type", "recipient_type must be individual; groups are not supported");
    }
    String callbackData =
        JsonFields.optionalText(body, "biz_opaque_callback_data", "", MAX_CALLBACK_DATA);
    String to = JsonFields.text(body, "to", "", 64);
    String type = JsonFields.optionalText(body, "type", "", 64);
    if (type == null) {
      type = "text";
    }
    String replyTo = null;
    JsonNode context = body.get("context");
    if (!JsonFields.absent(context)) {
      replyTo =
          JsonFields.text(JsonFields.object(context, "context"), "message_id", "context", 256);
    }
    return new SendCommand(to, type, body.get(type), replyTo, from, callbackData);
  }
}
