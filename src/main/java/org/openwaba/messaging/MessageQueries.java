package org.openwaba.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.store.InboundStore;
import org.openwaba.messaging.store.MessageStore;
import org.openwaba.messaging.store.StoredMessage;
import org.openwaba.platform.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers questions about an account's messages. Thread-safe. */
@Service
public class MessageQueries {

  /** The most inbound messages {@link #inbound} returns at once. */
  public static final int MAX_INBOUND_LIMIT = 1000;

  private final MessageStore messages;
  private final InboundStore inbound;
  private final Clock clock;

  MessageQueries(MessageStore messages, InboundStore inbound, Clock clock) {
    this.messages = messages;
    this.inbound = inbound;
    this.clock = clock;
  }

  /**
   * Marks one of the account's inbound messages, sent to {@code phoneNumberId}, as read by the
   * business (the Cloud API's {@code "status": "read"}). Marking it again changes nothing.
   *
   * @throws MessageNotFoundException (404) if no such message reached this number of the account
   */
  @Transactional
  public void markRead(AccountId accountId, PhoneNumberId phoneNumberId, String messageId) {
    boolean ours =
        MessageId.isWellFormed(messageId)
            && inbound
                .find(new MessageId(messageId))
                .filter(m -> m.accountId().equals(accountId))
                .filter(m -> m.phoneNumberId().equals(phoneNumberId))
                .isPresent();
    if (!ours || !inbound.markRead(new MessageId(messageId), accountId, clock.instant())) {
      throw MessageNotFoundException.received(messageId);
    }
  }

  /**
   * The account's newest inbound messages, newest first.
   *
   * @param from only those from this number (E.164), if given
   * @param before only those received before this time, for paging
   * @param limit 1 to {@value #MAX_INBOUND_LIMIT}
   */
  @Transactional(readOnly = true)
  public List<InboundMessage> inbound(
      AccountId accountId, @Nullable String from, Optional<Instant> before, int limit) {
    if (limit < 1 || limit > MAX_INBOUND_LIMIT) {
      throw new InvalidRequestException(
          "Invalid limit", "limit must be between 1 and " + MAX_INBOUND_LIMIT + ", was " + limit);
    }
    return inbound.latest(
        accountId, from, before.orElse(Instant.ofEpochMilli(Long.MAX_VALUE)), limit);
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
        message.id(),
        message.status(),
        message.statusAt(),
        message.recipient(),
        message.error(),
        messages.reaction(message.id()).orElse(null));
  }
}
