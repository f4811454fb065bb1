package org.openwaba.messaging.web;

import java.util.List;

/**
 * The Cloud API's answer to an accepted message (reference §2.2): one contact with the {@code to}
 * exactly as sent ({@code input}) and its normalised digits ({@code wa_id}), and one message id.
 */
record CloudMessageResponse(String messagingProduct, List<Contact> contacts, List<Sent> messages) {

  record Contact(String input, String waId) {}

  /**
   * @param messageStatus always {@code accepted}: delivery is reported later
   */
  record Sent(String id, String messageStatus) {}
}
