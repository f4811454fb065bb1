package org.openwaba.webhooks.payload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openwaba.messaging.InboundMessage;
import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageStatusChanged;
import org.openwaba.network.DeviceMedia;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code changes[].value} objects of Meta's webhooks, as JSON text in {@code JSON.stringify}
 * form. Phone numbers appear as Meta shows them: digits with the country code and no {@code +}.
 */
public final class Values {

  private static final Duration CONVERSATION = Duration.ofHours(24);

  /** Reads a structured message's stored object into maps and lists for {@link JsonText}. */
  private static final JsonMapper STRUCTURED = JsonMapper.builder().build();

  private Values() {}

  /**
   * A status change of an outbound message, with Meta's conversation and pricing objects. Written
   * directly rather than through maps: status values are built inside the sends' group commit,
   * under the store's write lock, three per message. The output is byte-identical to {@link
   * JsonText}'s form of the same objects (tested against it).
   */
  public static String status(MessageStatusChanged change, String displayPhoneNumber) {
    StringBuilder out = new StringBuilder(480);
    out.append("{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":");
    JsonText.appendString(out, waId(displayPhoneNumber));
    out.append(",\"phone_number_id\":\"")
        .append(change.phoneNumberId().value())
        .append("\"},\"statuses\":[{\"id\":");
    JsonText.appendString(out, change.messageId().value());
    out.append(",\"status\":\"")
        .append(change.status().name().toLowerCase(java.util.Locale.ROOT))
        .append("\",\"timestamp\":\"")
        .append(change.at().getEpochSecond())
        .append("\",\"recipient_id\":");
    JsonText.appendString(out, waId(change.recipient()));
    if (change.callbackData() != null) {
      out.append(",\"biz_opaque_callback_data\":");
      JsonText.appendString(out, change.callbackData());
    }
    MessageError error = change.error();
    if (error == null) {
      long day = change.acceptedAt().getEpochSecond() / CONVERSATION.toSeconds();
      out.append(",\"conversation\":{\"id\":\"")
          .append(
              conversationId(change.phoneNumberId().value() + ":" + change.recipient() + ":" + day))
          .append('"');
      // The expiry is sent with sent only, as Meta does.
      if (change.status() == org.openwaba.messaging.MessageStatus.SENT) {
        out.append(",\"expiration_timestamp\":\"")
            .append((day + 1) * CONVERSATION.toSeconds())
            .append('"');
      }
      // Free-form messages are service messages, free inside the customer service window.
      out.append(
          ",\"origin\":{\"type\":\"service\"}},\"pricing\":{\"billable\":false,"
              + "\"pricing_model\":\"PMP\",\"category\":\"service\","
              + "\"type\":\"free_customer_service\"}");
    } else {
      out.append(",\"errors\":[{\"code\":").append(error.code()).append(",\"title\":");
      JsonText.appendString(out, error.title());
      out.append(",\"message\":");
      JsonText.appendString(out, error.title());
      out.append(",\"error_data\":{\"details\":");
      JsonText.appendString(out, error.details());
      out.append("}}]");
    }
    return out.append("}]}").toString();
  }

  /**
   * A message from a user: text, media with its id (which the business downloads through the media
   * API), type, hash and, where Meta sends them, caption, filename, voice or animated flag, or a
   * structured type's object (location, contacts, interactive, button, reaction) as stored.
   */
  public static String inbound(InboundMessage m, String displayPhoneNumber) {
    Map<String, Object> message = new LinkedHashMap<>();
    if (m.contextId() != null) {
      // Meta's order, from then id; Map.of would iterate in an order that changes between runs.
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("from", waId(displayPhoneNumber));
      context.put("id", m.contextId());
      message.put("context", context);
    }
    message.put("from", waId(m.from()));
    message.put("id", m.id().value());
    message.put("timestamp", unixSeconds(m.receivedAt()));
    DeviceMedia media = m.media();
    if (m.content() != null) {
      message.put(m.type(), STRUCTURED.readValue(m.content(), Object.class));
    } else if (media == null) {
      message.put("text", Map.of("body", m.body()));
    } else {
      message.put(media.kind(), media(media, m.body()));
    }
    message.put("type", m.type());
    Map<String, Object> value = header(m.phoneNumberId().value(), displayPhoneNumber);
    value.put("contacts", List.of(contact(m.from(), m.profileName())));
    value.put("messages", List.of(message));
    return JsonText.stringify(value);
  }

  private static Map<String, Object> media(DeviceMedia media, String caption) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (media.kind()) {
      case "document" -> {
        out.put("filename", media.filename());
        putCaption(out, caption);
      }
      case "image", "video" -> putCaption(out, caption);
      case "audio" -> out.put("voice", false);
      case "sticker" -> out.put("animated", media.animated());
      default -> {
        // no kind-specific fields
      }
    }
    out.put("mime_type", media.mimeType());
    out.put("sha256", media.sha256());
    out.put("id", media.id());
    return out;
  }

  private static void putCaption(Map<String, Object> out, String caption) {
    if (!caption.isEmpty()) {
      out.put("caption", caption);
    }
  }

  /** A device's new profile, as a {@code contacts} change. */
  public static String contactUpdate(
      long phoneNumberId, String displayPhoneNumber, String number, @Nullable String profileName) {
    Map<String, Object> value = header(phoneNumberId, displayPhoneNumber);
    value.put("contacts", List.of(contact(number, profileName)));
    return JsonText.stringify(value);
  }

  /**
   * A template's new review status, as Meta's {@code message_template_status_update}. A reason that
   * starts with Meta's code ({@code INVALID_FORMAT: …}) sends the code as {@code reason} and, for a
   * rejection, the rest as {@code rejection_info.recommendation}; any other reason is sent as
   * given.
   */
  public static String templateStatus(
      long templateId, String name, String language, String event, @Nullable String reason) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("event", event);
    value.put("message_template_id", templateId);
    value.put("message_template_name", name);
    value.put("message_template_language", language);
    Matcher coded = reason == null ? null : REASON_CODE.matcher(reason);
    if (coded != null && coded.matches()) {
      value.put("reason", coded.group(1));
      if (coded.group(2) != null && event.equals("REJECTED")) {
        value.put(
            "rejection_info", Map.of("reason", coded.group(1), "recommendation", coded.group(2)));
      }
    } else {
      value.put("reason", reason == null ? "NONE" : reason);
    }
    return JsonText.stringify(value);
  }

  /** A reason that starts with Meta's code, as the review engine writes it: {@code CODE: text}. */
  private static final Pattern REASON_CODE =
      Pattern.compile("([A-Z][A-Z_]+)(?:: (.+))?", Pattern.DOTALL);

  /** A number as Meta's {@code wa_id}: its digits, without {@code +}. */
  public static String waId(String e164) {
    return e164.startsWith("+") ? e164.substring(1) : e164;
  }

  private static Map<String, Object> header(long phoneNumberId, String displayPhoneNumber) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("messaging_product", "whatsapp");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("display_phone_number", waId(displayPhoneNumber));
    metadata.put("phone_number_id", Long.toString(phoneNumberId));
    value.put("metadata", metadata);
    return value;
  }

  private static Map<String, Object> contact(String number, @Nullable String profileName) {
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("profile", profileName == null ? Map.of() : Map.of("name", profileName));
    contact.put("wa_id", waId(number));
    return contact;
  }

  /**
   * The sandbox opens one service conversation per business number, recipient and UTC day; its id
   * is derived from those, so every status of a message names the same conversation.
   */
  static String conversationId(String key) {
    MessageDigest sha256 = SHA_256.get();
    byte[] hash = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, 16);
  }

  /** Looking a digest up costs more than hashing a key this short, so each thread keeps one. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  private static String unixSeconds(Instant at) {
    return Long.toString(at.getEpochSecond());
  }
}
