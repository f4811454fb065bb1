package org.openwaba.messaging;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/** No such message for this account (another account's message is answered the same): 404. */
public class MessageNotFoundException extends ApiException {

  public MessageNotFoundException(String messageId) {
    super(
        ErrorCode.NOT_FOUND,
        "Message not found",
        "No message with id " + messageId + " was sent by this account");
  }
}
