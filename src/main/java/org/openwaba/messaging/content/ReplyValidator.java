package org.openwaba.messaging.content;

import org.openwaba.accounts.AccountId;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.store.InboundStore;
import org.openwaba.messaging.store.MessageStore;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Checks that {@code reply_to} names a message the same account exchanged with the same recipient:
 * one it sent to them, or one they sent to it. Any other id, including another account's, gets the
 * same answer, so that ids of other accounts cannot be probed.
 */
@Component
public class ReplyValidator {

  private final MessageStore messages;
  private final InboundStore inbound;

  ReplyValidator(MessageStore messages, InboundStore inbound) {
    this.messages = messages;
    this.inbound = inbound;
  }

  public void requireReplyable(
      AccountId accountId, String replyTo, String recipient, String field) {
    if (!MessageId.isWellFormed(replyTo)) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_PARAMETER,
          "Invalid " + field,
          field + " must be a message id of the form wamid.…");
    }
    boolean replyable =
        messages
            .find(new MessageId(replyTo))
            .filter(m -> m.accountId().equals(accountId))
            .filter(m -> m.recipient().equals(recipient))
            .isPresent();
    if (!replyable) {
      replyable =
          inbound
              .find(new MessageId(replyTo))
              .filter(m -> m.accountId().equals(accountId))
              .filter(m -> m.from().equals(recipient))
              .isPresent();
    }
    if (!replyable) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_PARAMETER,
          "Invalid " + field,
          field
              + " must name a message this account exchanged with "
              + recipient
              + "; "
              + replyTo
              + " is not one");
    }
  }
}
