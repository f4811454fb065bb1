package org.openwaba.messaging;

import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.PhoneNumberId;

/**
 * A request to send a text message, as either API door received it.
 *
 * @param to the recipient in international format ({@code +} and country code)
 * @param body 1 to 4,096 characters, counted as Unicode code points; may use WhatsApp formatting
 * @param previewUrl whether devices should render a preview of the first link
 * @param replyTo the id of a message of the same account and recipient to quote, if any
 * @param from the account's phone number to send from; null sends from its default (oldest) number
 * @param fields the JSON names of the fields as the calling door spells them, for error details
 */
public record SendTextCommand(
    String to,
    String body,
    boolean previewUrl,
    @Nullable String replyTo,
    @Nullable PhoneNumberId from,
    Fields fields) {

  /** A command from the seed's door: from the default number, with the seed's field names. */
  public SendTextCommand(String to, String body, boolean previewUrl, @Nullable String replyTo) {
    this(to, body, previewUrl, replyTo, null, Fields.SEED);
  }

  /**
   * The JSON names of the recipient, text and reply fields in a door's request, so that an error's
   * details name the field the caller actually sent.
   */
  public record Fields(String to, String body, String replyTo) {

    /**
     * The seed's {@code /v2/send-message}: {@code phone_number}, {@code message}, {@code reply_to}.
     */
    public static final Fields SEED = new Fields("phone_number", "message", "reply_to");

    /**
     * The Cloud API's {@code /messages}: {@code to}, {@code text.body}, {@code context.message_id}.
     */
    public static final Fields CLOUD = new Fields("to", "text.body", "context.message_id");
  }
}
