package org.openwaba.messaging.web;

import org.jspecify.annotations.Nullable;

/**
 * The Cloud API's {@code POST /{version}/{phone_number_id}/messages} body (reference §2.1), as far
 * as this server sends it. Required fields are checked by the controller, so that a missing one is
 * Meta's 131008 and a wrong one 131009. Unknown fields ({@code recipient_type}, {@code
 * biz_opaque_callback_data}, …) are ignored, as clients send them.
 *
 * @param messagingProduct required, always {@code whatsapp}
 * @param recipientType {@code individual} (the default); {@code group} is refused
 * @param to the recipient's phone number, with or without {@code +}
 * @param type the message type; {@code text} when absent, as Meta assumes
 */
record CloudMessageRequest(
    @Nullable String messagingProduct,
    @Nullable String recipientType,
    @Nullable String to,
    @Nullable String type,
    @Nullable Text text,
    @Nullable Context context,
    @Nullable String status,
    @Nullable String messageId) {

  /**
   * @param body 1 to 4,096 characters (Unicode code points)
   * @param previewUrl render a preview of the first link (default false)
   */
  record Text(@Nullable String body, @Nullable Boolean previewUrl) {}

  /**
   * @param messageId the wamid of the message this one replies to
   */
  record Context(@Nullable String messageId) {}
}
