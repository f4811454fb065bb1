package org.openwaba.network;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;

/**
 * A message accepted for delivery, as a network receives it.
 *
 * @param messageId the {@code wamid.…} id; networks use it as the idempotency key
 * @param from the business number in E.164
 * @param to the recipient in E.164
 * @param type the message type: {@code text}, or a media kind ({@code image}, {@code video}, {@code
 *     document}, {@code audio}, {@code sticker})
 * @param body the text as the business wrote it, markers included; for media, the caption (empty
 *     when there is none)
 * @param spans the parsed formatting, for devices to render
 * @param replyTo the id of the message this one quotes, if any
 * @param media the media of a media message, null for text
 * @param content for the structured types ({@code location}, {@code contacts}, {@code interactive},
 *     {@code template}, {@code reaction}), the type's object as JSON in Meta's send shape, already
 *     checked; a connector to Meta forwards it as it is. Null for text and media.
 */
public record OutboundMessage(
    String messageId,
    AccountId accountId,
    PhoneNumberId phoneNumberId,
    String from,
    String to,
    String type,
    String body,
    List<TextSpan> spans,
    boolean previewUrl,
    @Nullable String replyTo,
    Instant acceptedAt,
    @Nullable OutboundMedia media,
    @Nullable String content) {

  public OutboundMessage {
    spans = List.copyOf(spans);
  }

  /** A message without media. */
  public OutboundMessage(
      String messageId,
      AccountId accountId,
      PhoneNumberId phoneNumberId,
      String from,
      String to,
      String type,
      String body,
      List<TextSpan> spans,
      boolean previewUrl,
      @Nullable String replyTo,
      Instant acceptedAt) {
    this(
        messageId,
        accountId,
        phoneNumberId,
        from,
        to,
        type,
        body,
        spans,
        previewUrl,
        replyTo,
        acceptedAt,
        null,
        null);
  }
}
