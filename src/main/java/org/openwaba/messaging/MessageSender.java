package org.openwaba.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.accounts.PhoneNumber;
import org.openwaba.compliance.SendRateLimiter;
import org.openwaba.messaging.dispatch.DispatchWorker;
import org.openwaba.messaging.format.TextFormatting;
import org.openwaba.messaging.status.MessageMetrics;
import org.openwaba.messaging.store.DispatchQueueStore;
import org.openwaba.messaging.store.MessageStore;
import org.openwaba.messaging.store.StoredMessage;
import org.openwaba.platform.GroupCommits;
import org.openwaba.platform.GroupCommitter;
import org.openwaba.platform.Ids;
import org.openwaba.platform.InternationalNumbers;
import org.openwaba.platform.InvalidRequestException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts messages for delivery. Thread-safe; called concurrently by request threads.
 *
 * <p>A send returns only once the message and its dispatch-queue entry are committed, so a response
 * means the message survives a crash. Concurrent sends are committed together in one transaction
 * (group commit), which is what lets one SQLite file accept thousands of messages per second.
 * Delivery happens afterwards, asynchronously, from the durable queue.
 */
@Service
public class MessageSender {

  private record Accepted(StoredMessage message, DispatchQueueStore.Entry dispatch) {}

  private final AccountDirectory directory;
  private final SendRateLimiter rateLimiter;
  private final MessageStore messages;
  private final ReplyValidator replies;
  private final MessageMetrics metrics;
  private final DispatchWorker dispatchWorker;
  private final Ids ids;
  private final Clock clock;
  private final JsonMapper json;
  private final GroupCommitter<Accepted> committer;

  MessageSender(
      AccountDirectory directory,
      SendRateLimiter rateLimiter,
      MessageStore messages,
      DispatchQueueStore queue,
      ReplyValidator replies,
      MessageMetrics metrics,
      DispatchWorker dispatchWorker,
      GroupCommits groupCommits,
      Ids ids,
      Clock clock,
      JsonMapper json) {
    this.directory = directory;
    this.rateLimiter = rateLimiter;
    this.messages = messages;
    this.replies = replies;
    this.metrics = metrics;
    this.dispatchWorker = dispatchWorker;
    this.ids = ids;
    this.clock = clock;
    this.json = json;
    this.committer =
        groupCommits.create(
            "messages",
            batch -> {
              List<StoredMessage> rows = new ArrayList<>(batch.size());
              List<DispatchQueueStore.Entry> entries = new ArrayList<>(batch.size());
              for (Accepted accepted : batch) {
                rows.add(accepted.message());
                entries.add(accepted.dispatch());
              }
              messages.insertAll(rows);
              queue.insertAll(entries);
            });
  }

  /**
   * Validates a text message, checks the account's rate limit and durably accepts the message.
   *
   * @throws InvalidRequestException (132000) for a malformed recipient, a text that is empty, over
   *     4,096 code points or not valid Unicode, a recipient equal to the sending number, or a
   *     {@code reply_to} that names no message of this account to this recipient
   * @throws org.openwaba.compliance.RateLimitExceededException (133000) over the account's limit
   * @throws org.openwaba.platform.ServiceUnavailableException (503) if the store cannot take it
   */
  public AcceptedMessage sendText(AuthenticatedAccount caller, SendTextCommand command) {
    long started = System.nanoTime();
    String recipient = InternationalNumbers.toE164(command.to(), "phone_number");
    String body = TextBodies.require(command.body(), "message");
    rateLimiter.acquire(caller.accountId(), caller.messagesPerSecond());
    PhoneNumber sender = directory.defaultPhoneNumber(caller.accountId());
    if (sender.displayPhoneNumber().equals(recipient)) {
      throw new InvalidRequestException(
          "Recipient cannot be sender",
          "phone_number " + recipient + " is this account's own sending number");
    }
    if (command.replyTo() != null) {
      replies.requireReplyable(caller.accountId(), command.replyTo(), recipient);
    }
    Instant now = clock.instant();
    MessageId id = new MessageId("wamid." + ids.opaqueId());
    StoredMessage message =
        new StoredMessage(
            id,
            caller.accountId(),
            sender.id(),
            sender.displayPhoneNumber(),
            recipient,
            "text",
            body,
            json.writeValueAsString(TextFormatting.parse(body)),
            command.previewUrl(),
            command.replyTo(),
            MessageStatus.ACCEPTED,
            now,
            now,
            null);
    committer.submit(
        new Accepted(message, new DispatchQueueStore.Entry(id.value(), sender.network(), now)));
    dispatchWorker.wakeUp();
    metrics.accepted(1);
    metrics.sendTook(Duration.ofNanos(System.nanoTime() - started));
    return new AcceptedMessage(id, now, recipient);
  }
}
