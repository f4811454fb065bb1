package org.openwaba.messaging;

import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.PhoneNumberId;
import tools.jackson.databind.JsonNode;

/**
 * A message in Meta's send shape, as {@code POST /v2/messages} and the Cloud API's {@code POST
 * /{version}/{phone_number_id}/messages} receive it: the recipient, the type, and the type's
 * object.
 *
 * @param to the recipient: digits with the country code, with or without a leading {@code +}
 * @param type {@code text}, {@code image}, …, {@code reaction} (reference/cloud-api.md §2.1)
 * @param payload the value of the request's field named like the type; null when it was missing
 * @param replyTo {@code context.message_id}: a message of this conversation to quote
 * @param from the account's number to send from; null sends from its default (oldest) number
 * @param callbackData {@code biz_opaque_callback_data}: up to 512 characters echoed in the
 *     message's status webhooks
 */
public record SendCommand(
    String to,
    String type,
    @Nullable JsonNode payload,
    @Nullable String replyTo,
    @Nullable PhoneNumberId from,
    @Nullable String callbackData) {

  /** A command without callback data. */
  public SendCommand(
      String to,
      String type,
      @Nullable JsonNode payload,
      @Nullable String replyTo,
      @Nullable PhoneNumberId from) {
    this(to, type, payload, replyTo, from, null);
  }
}
