package org.openwaba.webhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageId;
import org.openwaba.messaging.MessageStatus;
import org.openwaba.messaging.MessageStatusChanged;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status value is written directly, for speed; it must stay byte-identical to the same objects
 * written by {@link JsonText}, which is how Meta's shape was first built and checked.
 */
class StatusValuesTests {

  private static final Instant ACCEPTED = Instant.parse("2026-03-01T23:59:59Z");
  private static final Instant AT = Instant.parse("2026-03-02T00:00:03.900Z");

  private static MessageStatusChanged change(
      MessageStatus status, @Nullable MessageError error, @Nullable String callbackData) {
    return new MessageStatusChanged(
        new MessageId("wamid.AbC-_="),
        new AccountId(7),
        new PhoneNumberId(1234567890123L),
        "+14155550100",
        ACCEPTED,
        status,
        AT,
        error,
        callbackData);
  }

  @Test
  void everyStatusIsTheSameTextAsTheObjectsWrittenByJsonText() {
    List<MessageStatusChanged> changes =
        List.of(
            change(MessageStatus.SENT, null, null),
            change(MessageStatus.DELIVERED, null, null),
            change(MessageStatus.READ, null, "order-42"),
            change(MessageStatus.SENT, null, "Grüße \"quoted\" \\ \n 😀 \uD800 end"),
            change(
                MessageStatus.FAILED,
                new MessageError(131026, "Message undeliverable", "Ünreachable \"device\""),
                "cb"));
    for (MessageStatusChanged change : changes) {
      assertThat(Values.status(change, "+12025550100"))
          .as(change.status() + " " + change.callbackData())
          .isEqualTo(JsonText.stringify(reference(change, "+12025550100")));
    }
  }

  @Test
  void hasMetasFieldsWithStringTimestampsAndTheExpiryOnlyWhenSent() {
    JsonMapper json = JsonMapper.builder().build();
    JsonNode sent = json.readTree(Values.status(change(MessageStatus.SENT, null, null), "+1202"));
    JsonNode status = sent.get("statuses").get(0);
    assertThat(sent.at("/metadata/display_phone_number").asString()).isEqualTo("1202");
    assertThat(sent.at("/metadata/phone_number_id").asString()).isEqualTo("1234567890123");
    assertThat(status.get("timestamp").isString()).isTrue();
    assertThat(status.get("timestamp").asString()).isEqualTo("1772409603");
    assertThat(status.at("/conversation/expiration_timestamp").asString())
        .isEqualTo(Long.toString(Instant.parse("2026-03-02T00:00:00Z").getEpochSecond()));
    JsonNode read =
        json.readTree(Values.status(change(MessageStatus.READ, null, null), "+1202"))
            .get("statuses")
            .get(0);
    assertThat(read.get("conversation").has("expiration_timestamp")).isFalse();
    assertThat(read.at("/conversation/id").asString())
        .hasSize(32)
        .isEqualTo(status.at("/conversation/id").asString());
  }

  /** The status as maps and lists, in Meta's order. */
  private static Map<String, Object> reference(MessageStatusChanged change, String display) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", change.messageId().value());
    status.put("status", change.status().name().toLowerCase(java.util.Locale.ROOT));
    status.put("timestamp", Long.toString(change.at().getEpochSecond()));
    status.put("recipient_id", change.recipient().substring(1));
    if (change.callbackData() != null) {
      status.put("biz_opaque_callback_data", change.callbackData());
    }
    MessageError error = change.error();
    if (error == null) {
      long daySeconds = Duration.ofHours(24).toSeconds();
      long day = change.acceptedAt().getEpochSecond() / daySeconds;
      Map<String, Object> conversation = new LinkedHashMap<>();
      conversation.put(
          "id",
          Values.conversationId(
              change.phoneNumberId().value() + ":" + change.recipient() + ":" + day));
      if (change.status() == MessageStatus.SENT) {
        conversation.put("expiration_timestamp", Long.toString((day + 1) * daySeconds));
      }
      conversation.put("origin", Map.of("type", "service"));
      status.put("conversation", conversation);
      Map<String, Object> pricing = new LinkedHashMap<>();
      pricing.put("billable", false);
      pricing.put("pricing_model", "PMP");
      pricing.put("category", "service");
      pricing.put("type", "free_customer_service");
      status.put("pricing", pricing);
    } else {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("code", error.code());
      out.put("title", error.title());
      out.put("message", error.title());
      out.put("error_data", Map.of("details", error.details()));
      status.put("errors", List.of(out));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("display_phone_number", display.substring(1));
    metadata.put("phone_number_id", Long.toString(change.phoneNumberId().value()));
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("messaging_product", "whatsapp");
    value.put("metadata", metadata);
    value.put("statuses", List.of(status));
    return value;
  }
}
