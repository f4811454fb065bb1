package org.openwaba.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.accounts.PhoneNumber;
import org.openwaba.compliance.SendRateLimiter;
import org.openwaba.messaging.dispatch.AcceptanceWriter;
import org.openwaba.messaging.format.TextFormatting;
import org.openwaba.messaging.status.MessageMetrics;
import org.openwaba.messaging.store.StoredMessage;
import org.openwaba.network.OutboundMessage;
import org.openwaba.network.TextSpan;
import org.openwaba.platform.ErrorCode;
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
 * <p>A send returns only once the message is committed, together with its hand-over to an
 * in-process network or its dispatch-queue entry, so a response means the message survives a crash.
 * Concurrent sends are committed together in one transaction (group commit), which is what lets one
 * SQLite file accept thousands of messages per second. Messages for other networks are delivered
 * afterwards, asynchronously, from the durable queue ({@link AcceptanceWriter}).
 */
@Service
public class MessageSender {

  private final AccountDirectory directory;
  private final SendRateLimiter rateLimiter;
  private final ReplyValidator replies;
  private final MessageMetrics metrics;
  private final Ids ids;
  private final Clock clock;
  private final JsonMapper json;
  private final GroupCommitter<AcceptanceWriter.Accepted> committer;

  MessageSender(
      AccountDirectory directory,
      SendRateLimiter rateLimiter,
      AcceptanceWriter writer,
      ReplyValidator replies,
      MessageMetrics metrics,
      GroupCommits groupCommits,
      Ids ids,
      Clock clock,
      JsonMapper json) {
    this.directory = directory;
    this.rateLimiter = rateLimiter;
    this.replies = replies;
    this.metrics = metrics;
    this.ids = ids;
    this.clock = clock;
    this.json = json;
    this.committer = groupCommits.create("messages", writer::write);
  }

  /**
   * Validates a text message, checks the account's rate limit and durably accepts the message.
   *
   * @throws org.openwaba.accounts.AccountNotFoundException (404; 100/33 on the Cloud door) if
   *     {@code from} is not one of the caller's numbers
   * @throws InvalidRequestException (132000) for a malformed recipient, a text that is empty, over
   *     4,096 code points or not valid Unicode, a recipient equal to the sending number, or a
   *     {@code reply_to} that names no message of this account to this recipient
   * @throws org.openwaba.compliance.RateLimitExceededException (133000) over the account's limit
   * @throws org.openwaba.platform.ServiceUnavailableException (503) if the store cannot take it
   */
  public AcceptedMessage sendText(AuthenticatedAccount caller, SendTextCommand command) {
    long started = System.nanoTime();
    SendTextCommand.Fields fields = command.fields();
    String recipient = InternationalNumbers.toE164(command.to(), fields.to());
    String body = TextBodies.require(command.body(), fields.body());
    rateLimiter.acquire(caller.accountId(), caller.messagesPerSecond());
    PhoneNumber sender =
        command.from() == null
            ? directory.defaultPhoneNumber(caller.accountId())
            : directory.sendingNumber(caller.accountId(), command.from());
    if (sender.displayPhoneNumber().equals(recipient)) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_PARAMETER,
          "Recipient cannot be sender",
          fields.to() + " " + recipient + " is this account's own sending number");
    }
    if (command.replyTo() != null) {
      replies.requireReplyable(caller.accountId(), command.replyTo(), recipient, fields.replyTo());
    }
    List<TextSpan> spans = TextFormatting.parse(body);
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
            json.writeValueAsString(spans),
            command.previewUrl(),
            command.replyTo(),
            MessageStatus.ACCEPTED,
            now,
            now,
            null);
    OutboundMessage outbound =
        new OutboundMessage(
            id.value(),
            caller.accountId(),
            sender.id(),
            sender.displayPhoneNumber(),
            recipient,
            "text",
            body,
            spans,
            command.previewUrl(),
            command.replyTo(),
            now);
    committer.submit(new AcceptanceWriter.Accepted(message, sender.network(), outbound));
    metrics.accepted(1);
    metrics.sendTook(Duration.ofNanos(System.nanoTime() - started));
    return new AcceptedMessage(id, now, recipient);
  }
}
