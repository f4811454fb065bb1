package org.openwaba.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.ADMIN_KEY;

import java.util.Map;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.WebhookReceiver;
import tools.jackson.databind.JsonNode;

/** A fresh account with a sandbox number and a token, and the calls webhook tests make. */
final class WebhookFixtures {

  final ApiClient api;
  final String accountId;
  final String appSecret;
  final String businessNumber;
  final String phoneNumberId;
  final String token;

  WebhookFixtures(ApiClient api) {
    this.api = api;
    var created =
        api.postJson(
            "/admin/v1/accounts", ADMIN_KEY, "{\"name\":\"Hooked\",\"messages_per_second\":1000}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    accountId = created.json().get("id").asString();
    appSecret = created.json().get("app_secret").asString();
    var number = AdminFixtures.addUniqueNumber(api, accountId, "+1415555");
    businessNumber = number.number();
    phoneNumberId = number.id();
    var issued = api.postJson("/admin/v1/accounts/" + accountId + "/tokens", ADMIN_KEY, "{}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    token = issued.json().get("token").asString();
  }

  ApiClient.Response register(Map<String, Object> body) {
    return api.postJson("/v2/webhooks", token, ApiClient.json(body));
  }

  /** Registers the receiver for every message event; returns the registration id. */
  String register(WebhookReceiver receiver, String verifyToken, Map<String, Object> extra) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("url", receiver.url());
    body.put("verify_token", verifyToken);
    body.put("events", java.util.List.of("message", "message_status", "contact_update"));
    body.putAll(extra);
    var registered = register(body);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    return registered.json().get("webhook").get("id").asString();
  }

  String send(String to, String text) {
    var sent =
        api.postJson(
            "/v2/send-message", token, ApiClient.json(Map.of("phone_number", to, "message", text)));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    return sent.json().get("message_id").asString();
  }

  JsonNode get(String path) {
    var answer = api.get(path, token);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }
}
