package org.openwaba.webhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.InboundMessage;
import org.openwaba.messaging.MessageId;

/**
 * The {@code messages[]} entries of taps on buttons and list rows, as Meta sends them
 * (reference/cloud-api.md §4.3, §4.4): the type's object under the type's name and the tapped
 * message in {@code context}.
 */
class InboundTapValuesTests {

  static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  static InboundMessage tap(String type, String body, String content) {
    return new InboundMessage(
        new MessageId("wamid.tap"),
        new AccountId(1),
        new PhoneNumberId(2),
        "+14155550100",
        "Ada",
        type,
        body,
        "wamid.tapped",
        AT,
        null,
        null,
        content);
  }

  static String message(String value) {
    return value.substring(value.indexOf("\"messages\":[") + 12, value.length() - 2);
  }

  @Test
  void aReplyButtonTapCarriesInteractiveButtonReplyAndTheTappedMessageAsContext() {
    String value =
        Values.inbound(
            tap(
                "interactive",
                "Yes",
                "{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"yes\",\"title\":\"Yes\"}}"),
            "+12025550100");

    assertThat(message(value))
        .isEqualTo(
            "{\"context\":{\"from\":\"12025550100\",\"id\":\"wamid.tapped\"},"
                + "\"from\":\"14155550100\",\"id\":\"wamid.tap\",\"timestamp\":\"1767323045\","
                + "\"interactive\":{\"type\":\"button_reply\","
                + "\"button_reply\":{\"id\":\"yes\",\"title\":\"Yes\"}},"
                + "\"type\":\"interactive\"}");
  }

  @Test
  void aListRowTapCarriesInteractiveListReplyWithItsDescription() {
    String value =
        Values.inbound(
            tap(
                "interactive",
                "Large",
                "{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"l\",\"title\":\"Large\","
                    + "\"description\":\"Extra cheese\"}}"),
            "+12025550100");

    assertThat(message(value))
        .contains(
            "\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"l\","
                + "\"title\":\"Large\",\"description\":\"Extra cheese\"}},\"type\":\"interactive\"")
        .startsWith("{\"context\":{\"from\":\"12025550100\",\"id\":\"wamid.tapped\"}");
  }

  @Test
  void aTemplateButtonTapCarriesButtonTextAndPayload() {
    String value =
        Values.inbound(
            tap("button", "Yes", "{\"text\":\"Yes\",\"payload\":\"confirm_123\"}"), "+12025550100");

    assertThat(message(value))
        .contains("\"button\":{\"text\":\"Yes\",\"payload\":\"confirm_123\"},\"type\":\"button\"")
        .startsWith("{\"context\":{\"from\":\"12025550100\",\"id\":\"wamid.tapped\"}");
  }
}
