package org.openwaba.messaging.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.MessageStatus;

/**
 * A row of {@code messaging_message}.
 *
 * @param formatting the parsed formatting as JSON, for devices to render
 * @param media for media messages, the {@link org.openwaba.network.OutboundMedia} as JSON
 * @param callbackData the Cloud API's {@code biz_opaque_callback_data}, echoed in status webhooks
 * @param content for structured types (location, contacts, interactive, template, reaction), the
 *     type's object as JSON in Meta's shape
 */
public record StoredMessage(
    MessageId id,
    AccountId accountId,
    PhoneNumberId phoneNumberId,
    String sender,
    String recipient,
    String type,
    String body,
    String formatting,
    boolean previewUrl,
    @Nullable String replyTo,
    MessageStatus status,
    Instant statusAt,
    Instant createdAt,
    @Nullable MessageError error,
    @Nullable String media,
    @Nullable String content,
    @Nullable String callbackData) {

  /** A message without callback data. */
  public StoredMessage(
      MessageId id,
      AccountId accountId,
      PhoneNumberId phoneNumberId,
      String sender,
      String recipient,
      String type,
      String body,
      String formatting,
      boolean previewUrl,
      @Nullable String replyTo,
      MessageStatus status,
      Instant statusAt,
      Instant createdAt,
      @Nullable MessageError error,
      @Nullable String media,
      @Nullable String content) {
    this(
        id,
        accountId,
        phoneNumberId,
        sender,
        recipient,
        type,
        body,
        formatting,
        previewUrl,
        replyTo,
        status,
        statusAt,
        createdAt,
        error,
        media,
        content,
        null);
  }

  /** A message without media. */
  public StoredMessage(
      MessageId id,
      AccountId accountId,
      PhoneNumberId phoneNumberId,
      String sender,
      String recipient,
      String type,
      String body,
      String formatting,
      boolean previewUrl,
      @Nullable String replyTo,
      MessageStatus status,
      Instant statusAt,
      Instant createdAt,
      @Nullable MessageError error) {
    this(
        id,
        accountId,
        phoneNumberId,
        sender,
        recipient,
        type,
        body,
        formatting,
        previewUrl,
        replyTo,
        status,
        statusAt,
        createdAt,
        error,
        null,
        null);
  }
}
