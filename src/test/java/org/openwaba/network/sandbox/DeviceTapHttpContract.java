package org.openwaba.network.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.network.sandbox.DeviceBehaviour.OFFLINE_NUMBER;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.network.OutboundMessage;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A device's taps on the buttons of messages the sandbox was handed directly, as the dispatcher
 * would: template messages in the shape the template engine stores (Meta's {@code template} object
 * plus {@code rendered}), and interactive ones, for whom may tap what. Run on both databases.
 */
abstract class DeviceTapHttpContract {

  static final String DEVICE = "+14155550611";

  /** A rendered template with every kind of button a tap must tell apart. */
  static final String TEMPLATE =
      """
      {"name": "order_update", "language": {"code": "en_US"}, "components": [],
       "rendered": {"header": null, "body": "Your order ships today", "footer": null,
        "buttons": [
          {"type": "quick_reply", "text": "Yes", "payload": "confirm_123"},
          {"type": "quick_reply", "text": "No"},
          {"type": "url", "text": "Track", "url": "https://example.com/track/123"},
          {"type": "phone_number", "text": "Call us", "phone_number": "+14155550100"}]}}
      """;

  static final String BUTTONS =
      """
      {"type": "button", "body": {"text": "Pick one"}, "action": {"buttons": [
        {"type": "reply", "reply": {"id": "yes", "title": "Yes"}}]}}
      """;

  @LocalServerPort int port;
  @Autowired SandboxNetwork network;
  @Autowired TransactionTemplate transactions;

  ApiClient api;
  SandboxTenant tenant;

  @BeforeEach
  void tenant() {
    api = new ApiClient(port);
    tenant = SandboxTenant.create(api);
  }

  OutboundMessage handOver(String to, String type, String body, String content) {
    OutboundMessage message =
        new OutboundMessage(
            "wamid.test" + UUID.randomUUID().toString().replace("-", ""),
            tenant.accountId(),
            tenant.phoneNumberId(),
            tenant.businessNumber(),
            to,
            type,
            body,
            List.of(),
            false,
            null,
            Instant.now(),
            null,
            content);
    transactions.executeWithoutResult(status -> network.deliver(List.of(message)));
    return message;
  }

  Response tap(String device, String messageId, String body, String token) {
    return api.postJson(
        "/v2/sandbox/devices/" + device.replace("+", "%2B") + "/messages/" + messageId + "/tap",
        token,
        body);
  }

  JsonNode inbound(String device) {
    Response listed =
        api.get("/v2/inbound-messages?from=%2B" + device.substring(1), tenant.token());
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    return listed.json().get("messages");
  }

  static void assertRefused(Response response, int status, int code, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().get("error_code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(response.json().get("details").asString()).contains(details);
  }

  @Test
  void tapsATemplatesQuickReplyButtonsWhichReachTheBusinessAsButtonMessages() {
    String id = handOver(DEVICE, "template", "Your order ships today", TEMPLATE).messageId();

    Response yes = tap(DEVICE, id, "{\"index\": 0}", tenant.token());
    assertThat(yes.status()).as(yes.body()).isEqualTo(201);
    assertThat(yes.json().get("type").asString()).isEqualTo("button");
    Response no = tap(DEVICE, id, "{\"index\": 1}", tenant.token());
    assertThat(no.status()).as(no.body()).isEqualTo(201);

    JsonNode inbound = inbound(DEVICE);
    assertThat(inbound).hasSize(2);
    assertThat(inbound.get(1).get("type").asString()).isEqualTo("button");
    assertThat(inbound.get(1).get("reply_to").asString()).isEqualTo(id);
    assertThat(inbound.get(1).get("text").asString()).isEqualTo("Yes");
    assertThat(inbound.get(1).get("content").toString())
        .isEqualTo("{\"text\":\"Yes\",\"payload\":\"confirm_123\"}");
    assertThat(inbound.get(0).get("content").toString())
        .isEqualTo("{\"text\":\"No\",\"payload\":\"No\"}");

    assertRefused(
        tap(DEVICE, id, "{\"index\": 2}", tenant.token()), 400, 132000, "is a url button");
    assertRefused(
        tap(DEVICE, id, "{\"index\": 3}", tenant.token()), 400, 132000, "is a phone_number button");
    assertRefused(
        tap(DEVICE, id, "{\"index\": 4}", tenant.token()),
        400,
        132000,
        "index must be between 0 and 3");
    assertRefused(
        tap(DEVICE, id, "{\"id\": \"Yes\"}", tenant.token()),
        400,
        132000,
        "id is for interactive messages");
  }

  @Test
  void refusesTapsOnOtherAccountsMessagesAndOnMessagesWithoutButtons() {
    String buttons = handOver(DEVICE, "interactive", "Pick one", BUTTONS).messageId();
    SandboxTenant other = SandboxTenant.create(api);

    assertRefused(
        tap(DEVICE, buttons, "{\"id\": \"yes\"}", other.token()),
        404,
        190404,
        "received no message " + buttons);
    assertRefused(
        tap(DEVICE, "wamid.unknown", "{\"id\": \"yes\"}", tenant.token()), 404, 190404, "");
    assertRefused(
        tap(DEVICE, buttons, "{\"id\": \"yes\"}", SandboxTenant.tokenWithoutPhoneNumber(api)),
        403,
        190403,
        "");
    assertRefused(
        tap(DEVICE, buttons, "{\"id\": \"yes\", \"index\": 0}", tenant.token()),
        400,
        132000,
        "give either id");
    assertRefused(
        tap(DEVICE, buttons, "{\"index\": 0}", tenant.token()),
        400,
        132000,
        "index is for template buttons");
    String text = handOver(DEVICE, "text", "hello", null).messageId();
    assertRefused(
        tap(DEVICE, text, "{\"id\": \"yes\"}", tenant.token()),
        400,
        132000,
        "is a text message without reply buttons or a list");
    assertThat(inbound(DEVICE)).isEmpty();

    String waiting = handOver(OFFLINE_NUMBER, "interactive", "Pick one", BUTTONS).messageId();
    assertRefused(
        tap(OFFLINE_NUMBER, waiting, "{\"id\": \"yes\"}", tenant.token()),
        400,
        132000,
        "is offline");
  }
}
