package org.openwaba.messaging;

import org.openwaba.accounts.AccountId;
import org.openwaba.messaging.store.MessageStore;
import org.openwaba.messaging.store.StoredMessage;
import org.openwaba.platform.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers questions about an account's messages. Thread-safe. */
@Service
public class MessageQueries {

  private final MessageStore messages;

  MessageQueries(MessageStore messages) {
    this.messages = messages;
  }

  /**
   * The current status of one of the account's messages.
   *
   * @throws InvalidRequestException (132000) if the id is not of the form {@code wamid.…}
   * @throws MessageNotFoundException (404) if no such message exists for this account, including
   *     when it belongs to another account
   */
  @Transactional(readOnly = true)
  public MessageState status(AccountId accountId, String messageId) {
    if (!MessageId.isWellFormed(messageId)) {
      throw new InvalidRequestException(
          "Invalid message_id", "message_id must be a message id of the form wamid.…");
    }
    StoredMessage message =
        messages
            .find(new MessageId(messageId))
            .filter(m -> m.accountId().equals(accountId))
            .orElseThrow(() -> new MessageNotFoundException(messageId));
    return new MessageState(
        message.id(), message.status(), message.statusAt(), message.recipient(), message.error());
  }
}
