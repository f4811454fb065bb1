package org.openwaba.network.sandbox.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.network.OutboundMedia;
import org.openwaba.network.TextSpan;
import org.openwaba.network.sandbox.DeviceReaction;

/**
 * A message as a device received it: one row of {@code network_sandbox_message}.
 *
 * @param deviceNumber the receiving device, in E.164
 * @param seq the message's position among the messages its device was handed, from 1
 * @param from the business number, in E.164
 * @param receivedAt when the network was handed the message
 * @param media the media of a media message (its caption is the body), null for text
 * @param content for structured types, the type's object as JSON in Meta's send shape
 * @param reaction the device's current reaction on it, if any
 */
public record StoredMessage(
    String messageId,
    AccountId accountId,
    String deviceNumber,
    long seq,
    PhoneNumberId phoneNumberId,
    String from,
    String type,
    String body,
    List<TextSpan> spans,
    boolean previewUrl,
    @Nullable String replyTo,
    Instant acceptedAt,
    Instant receivedAt,
    @Nullable Instant deliveredAt,
    @Nullable Instant readAt,
    @Nullable OutboundMedia media,
    @Nullable String content,
    @Nullable DeviceReaction reaction) {

  public StoredMessage {
    spans = List.copyOf(spans);
  }

  /** A message the device has not reacted to. */
  public StoredMessage(
      String messageId,
      AccountId accountId,
      String deviceNumber,
      long seq,
      PhoneNumberId phoneNumberId,
      String from,
      String type,
      String body,
      List<TextSpan> spans,
      boolean previewUrl,
      @Nullable String replyTo,
      Instant acceptedAt,
      Instant receivedAt,
      @Nullable Instant deliveredAt,
      @Nullable Instant readAt,
      @Nullable OutboundMedia media,
      @Nullable String content) {
    this(
        messageId,
        accountId,
        deviceNumber,
        seq,
        phoneNumberId,
        from,
        type,
        body,
        spans,
        previewUrl,
        replyTo,
        acceptedAt,
        receivedAt,
        deliveredAt,
        readAt,
        media,
        content,
        null);
  }

  /** The reaction message type. */
  public static final String REACTION = "reaction";

  /** Whether it is a reaction, for which Meta reports no delivery or read (§2.9). */
  public boolean isReaction() {
    return REACTION.equals(type);
  }

  /** A message without media. */
  public StoredMessage(
      String messageId,
      AccountId accountId,
      String deviceNumber,
      long seq,
      PhoneNumberId phoneNumberId,
      String from,
      String type,
      String body,
      List<TextSpan> spans,
      boolean previewUrl,
      @Nullable String replyTo,
      Instant acceptedAt,
      Instant receivedAt,
      @Nullable Instant deliveredAt,
      @Nullable Instant readAt) {
    this(
        messageId,
        accountId,
        deviceNumber,
        seq,
        phoneNumberId,
        from,
        type,
        body,
        spans,
        previewUrl,
        replyTo,
        acceptedAt,
        receivedAt,
        deliveredAt,
        readAt,
        null,
        null);
  }
}
