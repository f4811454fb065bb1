package org.openwaba.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.accounts.PhoneNumber;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.compliance.SendRateLimiter;
import org.openwaba.media.MediaKind;
import org.openwaba.messaging.content.ContentType;
import org.openwaba.messaging.content.ContentTypes;
import org.openwaba.messaging.content.MediaMessages;
import org.openwaba.messaging.content.Prepared;
import org.openwaba.messaging.content.ReplyValidator;
import org.openwaba.messaging.content.Sending;
import org.openwaba.messaging.content.TextBodies;
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
import org.openwaba.platform.JsonFields;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
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

  private final ContentTypes types;
  private final MediaMessages mediaMessages;
  private final AccountDirectory directory;
  private final SendRateLimiter rateLimiter;
  private final ReplyValidator replies;
  private final MessageMetrics metrics;
  private final Ids ids;
  private final Clock clock;
  private final JsonMapper json;
  private final GroupCommitter<AcceptanceWriter.Accepted> committer;

  MessageSender(
      ContentTypes types,
      MediaMessages mediaMessages,
      AccountDirectory directory,
      SendRateLimiter rateLimiter,
      AcceptanceWriter writer,
      ReplyValidator replies,
      MessageMetrics metrics,
      GroupCommits groupCommits,
      Ids ids,
      Clock clock,
      JsonMapper json) {
    this.types = types;
    this.mediaMessages = mediaMessages;
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
    return limited(
        caller,
        () -> {
          PhoneNumber sender = sendingNumber(caller, command.from());
          requireNotSelf(sender, recipient, fields.to());
          if (command.replyTo() != null) {
            replies.requireReplyable(
                caller.accountId(), command.replyTo(), recipient, fields.replyTo());
          }
          return accept(
              caller,
              sender,
              recipient,
              Prepared.text(body, command.previewUrl()),
              command.replyTo(),
              null,
              started);
        });
  }

  /**
   * Validates a media message, checks the account's rate limit, gets the media and durably accepts
   * the message. The media rules are {@link MediaMessages}'s, shared with both message doors.
   *
   * @throws InvalidRequestException (132000) for a malformed recipient, an unknown media type,
   *     neither or both of media_url and media_id, a malformed URL, a caption on audio or a sticker
   *     or one over 1,024 characters, or a recipient equal to the sending number
   * @throws org.openwaba.media.MediaRejectedException (131053) if the file cannot be fetched or
   *     breaks its type's rules, or the media id expired
   * @throws org.openwaba.media.MediaNotFoundException (404) for a media id this account does not
   *     have
   * @throws org.openwaba.compliance.RateLimitExceededException (133000) over the account's limit
   */
  public SentMedia sendMedia(AuthenticatedAccount caller, SendMediaCommand command) {
    long started = System.nanoTime();
    String recipient = InternationalNumbers.toE164(command.to(), "phone_number");
    MediaKind kind =
        MediaKind.fromApiName(command.mediaType())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "Invalid media type",
                        "media_type must be one of image, video, document, audio, sticker; was '"
                            + command.mediaType()
                            + "'"));
    return limited(
        caller,
        () -> {
          PhoneNumber sender = directory.defaultPhoneNumber(caller.accountId());
          requireNotSelf(sender, recipient, "phone_number");
          Prepared prepared =
              mediaMessages.prepare(
                  new Sending(caller, sender, recipient),
                  kind,
                  command.mediaUrl(),
                  command.mediaId(),
                  command.caption(),
                  command.filename(),
                  MediaMessages.Fields.SEED);
          AcceptedMessage accepted =
              accept(caller, sender, recipient, prepared, null, null, started);
          return new SentMedia(accepted, prepared.mediaId(), prepared.warnings());
        });
  }

  /**
   * Validates a message of any type in Meta's send shape, checks the account's rate limit and
   * durably accepts it. The type's rules are its {@link ContentType}'s.
   *
   * @throws InvalidRequestException for a malformed recipient, an unknown type (131009), a type not
   *     sent yet (131051), a missing type object (131008), any broken rule of the type (naming the
   *     field), a recipient equal to the sending number, or a {@code context.message_id} that names
   *     no message of this conversation
   * @throws org.openwaba.accounts.AccountNotFoundException if {@code from} is not the caller's
   * @throws org.openwaba.templates.TemplateUnavailableException (134000; Meta's 132001, 132015,
   *     132016) for a template message naming no approved template of the account in that language
   * @throws org.openwaba.compliance.RateLimitExceededException (133000) over the account's limit
   */
  public SentMessage send(AuthenticatedAccount caller, SendCommand command) {
    long started = System.nanoTime();
    String to = command.to().strip();
    String recipient = InternationalNumbers.toE164(to.startsWith("+") ? to : "+" + to, "to");
    ContentType handler = types.handler(command.type());
    JsonNode payload = command.payload();
    if (JsonFields.absent(payload)) {
      throw JsonFields.missing(command.type());
    }
    return limited(
        caller,
        () -> {
          PhoneNumber sender = sendingNumber(caller, command.from());
          requireNotSelf(sender, recipient, "to");
          if (command.replyTo() != null) {
            replies.requireReplyable(
                caller.accountId(), command.replyTo(), recipient, "context.message_id");
          }
          Prepared prepared =
              handler.prepare(new Sending(caller, sender, recipient), command.type(), payload);
          AcceptedMessage accepted =
              accept(
                  caller,
                  sender,
                  recipient,
                  prepared,
                  command.replyTo(),
                  command.callbackData(),
                  started);
          return new SentMessage(accepted, prepared.type(), prepared.warnings());
        });
  }

  /**
   * Runs a send within the account's rate limit. The checks that need the store or the network (the
   * sending number, a reply's target, a template, a media fetch) come after the limit, so that a
   * throttled client cannot make the server do that work; a send they refuse gives its allowance
   * back, so only accepted messages count.
   */
  private <T> T limited(AuthenticatedAccount caller, Supplier<T> send) {
    rateLimiter.acquire(caller.accountId(), caller.messagesPerSecond());
    try {
      return send.get();
    } catch (RuntimeException e) {
      rateLimiter.release(caller.accountId(), caller.messagesPerSecond());
      throw e;
    }
  }

  private PhoneNumber sendingNumber(AuthenticatedAccount caller, @Nullable PhoneNumberId from) {
    return from == null
        ? directory.defaultPhoneNumber(caller.accountId())
        : directory.sendingNumber(caller.accountId(), from);
  }

  private static void requireNotSelf(PhoneNumber sender, String recipient, String field) {
    if (sender.displayPhoneNumber().equals(recipient)) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_PARAMETER,
          "Recipient cannot be sender",
          field + " " + recipient + " is this account's own sending number");
    }
  }

  /** Stores the prepared message with its hand-over, in the next group commit. */
  private AcceptedMessage accept(
      AuthenticatedAccount caller,
      PhoneNumber sender,
      String recipient,
      Prepared prepared,
      @Nullable String replyTo,
      @Nullable String callbackData,
      long started) {
    List<TextSpan> spans = TextFormatting.parse(prepared.body());
    String content =
        prepared.content() == null ? null : json.writeValueAsString(prepared.content());
    String media = prepared.media() == null ? null : json.writeValueAsString(prepared.media());
    Instant now = clock.instant();
    MessageId id = new MessageId("wamid." + ids.opaqueId());
    StoredMessage message =
        new StoredMessage(
            id,
            caller.accountId(),
            sender.id(),
            sender.displayPhoneNumber(),
            recipient,
            prepared.type(),
            prepared.body(),
            json.writeValueAsString(spans),
            prepared.previewUrl(),
            replyTo,
            MessageStatus.ACCEPTED,
            now,
            now,
            null,
            media,
            content,
            callbackData);
    OutboundMessage outbound =
        new OutboundMessage(
            id.value(),
            caller.accountId(),
            sender.id(),
            sender.displayPhoneNumber(),
            recipient,
            prepared.type(),
            prepared.body(),
            spans,
            prepared.previewUrl(),
            replyTo,
            now,
            prepared.media(),
            content);
    committer.submit(new AcceptanceWriter.Accepted(message, sender.network(), outbound));
    metrics.accepted(1);
    metrics.sendTook(Duration.ofNanos(System.nanoTime() - started));
    return new AcceptedMessage(id, now, recipient);
  }
}
