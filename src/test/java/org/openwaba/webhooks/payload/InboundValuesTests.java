package org.openwaba.webhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.InboundMessage;
import org.openwaba.messaging.MessageId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code messages[]} object of inbound structured messages, in Meta's shape (§4.4). */
class InboundValuesTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static InboundMessage inbound(String type, String content, String contextId) {
    return new InboundMessage(
        new MessageId("wamid.in1"),
        new AccountId(1),
        new PhoneNumberId(2),
        "+14155550100",
        "Ada",
        type,
        "",
        contextId,
        Instant.ofEpochSecond(1_700_000_000),
        null,
        null,
        content);
  }

  private static JsonNode message(InboundMessage m) {
    JsonNode value = JSON.readTree(Values.inbound(m, "+12025550100"));
    assertThat(value.get("contacts").get(0).get("wa_id").asString()).isEqualTo("14155550100");
    return value.get("messages").get(0);
  }

  @Test
  void aSharedLocationIsTheLocationObjectUnderItsType() {
    String content = "{\"latitude\":52.52,\"longitude\":-13.405,\"name\":\"Café\"}";
    String raw = Values.inbound(inbound("location", content, null), "+12025550100");

    assertThat(raw)
        .contains("\"location\":{\"latitude\":52.52,\"longitude\":-13.405,\"name\":\"Café\"}");
    JsonNode message = message(inbound("location", content, null));
    assertThat(message.get("type").asString()).isEqualTo("location");
    assertThat(message.has("text")).isFalse();
    assertThat(message.has("context")).isFalse();
  }

  @Test
  void contactCardsAreTheArrayUnderContacts() {
    String content =
        "[{\"name\":{\"formatted_name\":\"Grace\"},\"phones\":[{\"phone\":\"+1 415\"}]}]";
    JsonNode message = message(inbound("contacts", content, null));

    assertThat(message.get("type").asString()).isEqualTo("contacts");
    assertThat(message.get("contacts").get(0).get("name").get("formatted_name").asString())
        .isEqualTo("Grace");
  }
}
