package org.openwaba.network.sandbox.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openwaba.network.OutboundMedia;
import org.openwaba.network.TextSpan;
import org.openwaba.network.sandbox.DeviceReaction;
import org.openwaba.network.sandbox.ReceivedMessage;

/**
 * A received message as the sandbox API shows it. Absent values are written as {@code null}, not
 * left out, so that clients see every field; times are ISO-8601 in UTC. A structured message
 * (location, contacts, interactive, template, reaction) carries its type's object in {@code
 * content}, in Meta's shape, as the business sent it. {@code reaction} is the device's own current
 * reaction on the message.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record MessageView(
    String messageId,
    String from,
    String type,
    String body,
    List<SpanView> formatting,
    boolean previewUrl,
    @Nullable String replyTo,
    Instant receivedAt,
    @Nullable Instant deliveredAt,
    @Nullable Instant readAt,
    @Nullable MediaView media,
    @JsonRawValue @Nullable String content,
    @Nullable ReactionView reaction) {

  /** The device's current reaction on the message. */
  record ReactionView(String emoji, Instant at) {
    static @Nullable ReactionView of(@Nullable DeviceReaction reaction) {
      return reaction == null ? null : new ReactionView(reaction.emoji(), reaction.at());
    }
  }

  /** The media of a media message as the device received it; the caption is the message's body. */
  record MediaView(
      String id, String mimeType, String sha256, long fileSize, @Nullable String filename) {
    static @Nullable MediaView of(@Nullable OutboundMedia media) {
      return media == null
          ? null
          : new MediaView(
              media.id(), media.mimeType(), media.sha256(), media.fileSize(), media.filename());
    }
  }

  /** A run of text and its styles, such as {@code {"text": "hi", "styles": ["bold"]}}. */
  record SpanView(String text, List<String> styles) {
    static SpanView of(TextSpan span) {
      return new SpanView(
          span.text(),
          span.styles().stream()
              .sorted()
              .map(style -> style.name().toLowerCase(Locale.ROOT))
              .toList());
    }
  }

  static MessageView of(ReceivedMessage message) {
    return new MessageView(
        message.messageId(),
        message.from(),
        message.type(),
        message.body(),
        message.spans().stream().map(SpanView::of).toList(),
        message.previewUrl(),
        message.replyTo(),
        message.receivedAt(),
        message.deliveredAt(),
        message.readAt(),
        MediaView.of(message.media()),
        message.content(),
        ReactionView.of(message.reaction()));
  }
}
