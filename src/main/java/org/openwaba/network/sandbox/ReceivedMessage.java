package org.openwaba.network.sandbox;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.network.OutboundMedia;
import org.openwaba.network.TextSpan;

/**
 * A message a sandbox device was handed, with what became of it.
 *
 * @param messageId the {@code wamid.…} id
 * @param from the business number it came from, in E.164
 * @param body the text as the business wrote it, markers included
 * @param spans the parsed formatting, as the device renders it
 * @param replyTo the id of the message this one quotes, if any
 * @param receivedAt when the sandbox network was handed the message
 * @param deliveredAt when the device reported it delivered, if it did
 * @param readAt when the device reported it read, if it did; never before {@code deliveredAt}
 * @param media the media of a media message (its caption is the body), null for text
 * @param content for structured types (location, contacts, interactive, template, reaction), the
 *     type's object as JSON in Meta's send shape
 * @param reaction the device's current reaction on it, if any
 */
public record ReceivedMessage(
    String messageId,
    String from,
    String type,
    String body,
    List<TextSpan> spans,
    boolean previewUrl,
    @Nullable String replyTo,
    Instant receivedAt,
    @Nullable Instant deliveredAt,
    @Nullable Instant readAt,
    @Nullable OutboundMedia media,
    @Nullable String content,
    @Nullable DeviceReaction reaction) {

  public ReceivedMessage {
    spans = List.copyOf(spans);
  }

  /** A message the device has not reacted to. */
  public ReceivedMessage(
      String messageId,
      String from,
      String type,
      String body,
      List<TextSpan> spans,
      boolean previewUrl,
      @Nullable String replyTo,
      Instant receivedAt,
      @Nullable Instant deliveredAt,
      @Nullable Instant readAt,
      @Nullable OutboundMedia media,
      @Nullable String content) {
    this(
        messageId,
        from,
        type,
        body,
        spans,
        previewUrl,
        replyTo,
        receivedAt,
        deliveredAt,
        readAt,
        media,
        content,
        null);
  }

  /** A message without media. */
  public ReceivedMessage(
      String messageId,
      String from,
      String type,
      String body,
      List<TextSpan> spans,
      boolean previewUrl,
      @Nullable String replyTo,
      Instant receivedAt,
      @Nullable Instant deliveredAt,
      @Nullable Instant readAt) {
    this(
        messageId,
        from,
        type,
        body,
        spans,
        previewUrl,
        replyTo,
        receivedAt,
        deliveredAt,
        readAt,
        null,
        null);
  }
}
