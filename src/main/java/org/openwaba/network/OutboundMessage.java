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
 * @param type the message type, {@code text} for now
 * @param body the text as the business wrote it, markers included
 * @param spans the parsed formatting, for devices to render
 * @param replyTo the id of the message this one quotes, if any
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
    Instant acceptedAt) {

  public OutboundMessage {
    spans = List.copyOf(spans);
  }
}
