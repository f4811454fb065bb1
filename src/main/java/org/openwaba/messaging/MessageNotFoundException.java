package org.openwaba.messaging;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/** No such message for this account (another account's message is answered the same): 404. */
public class MessageNotFoundException extends ApiException {

  public MessageNotFoundException(String messageId) {
    this(messageId, "was sent by this account");
  }

  private MessageNotFoundException(String messageId, String which) {
    super(
        ErrorCode.NOT_FOUND, "Message not found", "No message with id " + messageId + " " + which);
  }

  /** No message with this id reached the phone number from a user. */
  public static MessageNotFoundException received(String messageId) {
    return new MessageNotFoundException(messageId, "was received on this phone number");
  }
}
