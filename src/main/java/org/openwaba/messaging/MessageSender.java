package org.openwaba.messaging;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.accounts.PhoneNumber;
import org.openwaba.compliance.SendRateLimiter;
import org.openwaba.media.Media;
import org.openwaba.media.MediaId;
import org.openwaba.media.MediaKind;
import org.openwaba.media.MediaLibrary;
import org.openwaba.media.MediaTypes;
import org.openwaba.messaging.dispatch.AcceptanceWriter;
import org.openwaba.messaging.format.TextFormatting;
import org.openwaba.messaging.status.MessageMetrics;
import org.openwaba.messaging.store.StoredMessage;
import org.openwaba.network.OutboundMedia;
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

  private final MediaLibrary media;
  private final AccountDirectory directory;
  private final SendRateLimiter rateLimiter;
  private final ReplyValidator replies;
  private final MessageMetrics metrics;
  private final Ids ids;
  private final Clock clock;
  private final JsonMapper json;
  private final GroupCommitter<AcceptanceWriter.Accepted> committer;

  MessageSender(
      MediaLibrary media,
      AccountDirectory directory,
      SendRateLimiter rateLimiter,
      AcceptanceWriter writer,
      ReplyValidator replies,
      MessageMetrics metrics,
      GroupCommits groupCommits,
      Ids ids,
      Clock clock,
      JsonMapper json) {
    this.media = media;
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

  /**
   * Validates a media message, checks the account's rate limit, gets the media and durably accepts
   * the message.
   *
   * <p>A {@code media_url} is fetched here, before the answer, through the media library (guarded,
   * streaming, checked against the type's rules): every problem with the file is the call's 400,
   * never a later {@code failed} status, and the message that is accepted refers to a stored,
   * checked file. A {@code media_id} must name live media of this account and kind.
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
    boolean hasUrl = command.mediaUrl() != null && !command.mediaUrl().isBlank();
    boolean hasId = command.mediaId() != null && !command.mediaId().isBlank();
    if (hasUrl == hasId) {
      throw new InvalidRequestException(
          "Invalid media reference",
          hasUrl
              ? "give either media_url or media_id, not both"
              : "media_url (an https URL) or media_id (of uploaded media) is required");
    }
    URI url = hasUrl ? mediaUrl(command.mediaUrl()) : null;
    String caption = MediaCaptions.require(kind, command.caption());
    rateLimiter.acquire(caller.accountId(), caller.messagesPerSecond());
    PhoneNumber sender = directory.defaultPhoneNumber(caller.accountId());
    if (sender.displayPhoneNumber().equals(recipient)) {
      throw new InvalidRequestException(
          "Recipient cannot be sender",
          "phone_number " + recipient + " is this account's own sending number");
    }
    Media file =
        url != null
            ? media.fetch(caller.accountId(), kind, url)
            : media.requireForSending(caller.accountId(), MediaId.parse(command.mediaId()), kind);
    String filename =
        kind == MediaKind.DOCUMENT
            ? MediaTypes.filename(command.filename(), file.mimeType(), file.filename())
            : null;
    OutboundMedia attached =
        new OutboundMedia(
            file.id().toString(), file.mimeType(), file.sha256(), file.fileSize(), filename);
    List<TextSpan> spans = TextFormatting.parse(caption);
    Instant now = clock.instant();
    MessageId id = new MessageId("wamid." + ids.opaqueId());
    StoredMessage message =
        new StoredMessage(
            id,
            caller.accountId(),
            sender.id(),
            sender.displayPhoneNumber(),
            recipient,
            kind.apiName(),
            caption,
            json.writeValueAsString(spans),
            false,
            null,
            MessageStatus.ACCEPTED,
            now,
            now,
            null,
            json.writeValueAsString(attached));
    OutboundMessage outbound =
        new OutboundMessage(
            id.value(),
            caller.accountId(),
            sender.id(),
            sender.displayPhoneNumber(),
            recipient,
            kind.apiName(),
            caption,
            spans,
            false,
            null,
            now,
            attached);
    committer.submit(new AcceptanceWriter.Accepted(message, sender.network(), outbound));
    metrics.accepted(1);
    metrics.sendTook(Duration.ofNanos(System.nanoTime() - started));
    return new SentMedia(new AcceptedMessage(id, now, recipient), file.id(), file.warnings());
  }

  private static URI mediaUrl(String text) {
    try {
      URI url = new URI(text.trim());
      if (url.isAbsolute() && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // Answered below like any other malformed URL.
    }
    throw new InvalidRequestException(
        "Invalid media URL",
        // The URL itself is not echoed: signed URLs carry credentials in their query.
        "media_url must be an absolute https URL such as https://example.com/photo.jpg");
  }
}
