package org.openwaba.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.network.DeviceMedia;

/**
 * A message a user sent to one of the business's numbers.
 *
 * @param from the sender's number in E.164
 * @param phoneNumberId the business number it was sent to
 * @param contextId the business message it replies to, if any
 * @param type {@code text}, or the media's kind
 * @param body the text, or a media message's caption (empty if none)
 * @param media set when, and only when, the message carries media
 * @param readAt when the business marked it read, if it did
 * @param content for structured types, the type's object as JSON in the shape of Meta's inbound
 *     webhook
 * @param reaction the business's current reaction on it, if any
 */
public record InboundMessage(
    MessageId id,
    AccountId accountId,
    PhoneNumberId phoneNumberId,
    String from,
    String profileName,
    String type,
    String body,
    @Nullable String contextId,
    Instant receivedAt,
    @Nullable DeviceMedia media,
    @Nullable Instant readAt,
    @Nullable String content,
    @Nullable Reaction reaction) {

  /** A message the business has not reacted to. */
  public InboundMessage(
      MessageId id,
      AccountId accountId,
      PhoneNumberId phoneNumberId,
      String from,
      String profileName,
      String type,
      String body,
      @Nullable String contextId,
      Instant receivedAt,
      @Nullable DeviceMedia media,
      @Nullable Instant readAt,
      @Nullable String content) {
    this(
        id,
        accountId,
        phoneNumberId,
        from,
        profileName,
        type,
        body,
        contextId,
        receivedAt,
        media,
        readAt,
        content,
        null);
  }
}
