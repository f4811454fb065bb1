package org.openwaba.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openwaba.testing.ApiClient.TOKEN;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.openwaba.testing.WebhookReceiver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Reactions both ways (reference/cloud-api.md §2.9, §4.4): the business reacts through both message
 * doors, a sandbox device reacts through the sandbox API, and each reaction shows on the reacted
 * message and reaches the other side. Receipts are immediate here (the test profile's zero delays),
 * so a reaction still {@code sent} right after it was handed over really was left without them. Run
 * on both databases.
 */
@TestPropertySource(
    properties = {
      "openwaba.platform.outbound.allowed-hosts=127.0.0.1",
      "openwaba.platform.outbound.allow-http=true",
      "openwaba.webhooks.poll-interval=50ms",
      "openwaba.sandbox.poll-interval=50ms"
    })
abstract class ReactionsHttpContract {

  static final String CLOUD = "/v24.0/100000000000002/messages";
  static final String SEED = "/v2/messages";
  static final Duration WAIT = Duration.ofSeconds(15);

  @LocalServerPort int port;
  ApiClient api;

  @BeforeEach
  void start() {
    api = new ApiClient(port);
  }

  static Map<String, Object> reaction(
      String to, @Nullable String messageId, @Nullable String emoji) {
    Map<String, Object> reaction = new LinkedHashMap<>();
    if (messageId != null) {
      reaction.put("message_id", messageId);
    }
    if (emoji != null) {
      reaction.put("emoji", emoji);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messaging_product", "whatsapp");
    body.put("to", to);
    body.put("type", "reaction");
    body.put("reaction", reaction);
    return body;
  }

  Response post(String path, Map<String, Object> body) {
    return api.postJson(path, TOKEN, ApiClient.json(body));
  }

  String sent(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode body = response.json();
    return body.has("messages")
        ? body.get("messages").get(0).get("id").asString()
        : body.get("message_id").asString();
  }

  /** The business sends a text to the device; returns its id. */
  String textTo(String device) {
    return sent(
        post(
            CLOUD,
            Map.of(
                "messaging_product",
                "whatsapp",
                "to",
                device.substring(1),
                "type",
                "text",
                "text",
                Map.of("body", "Your order shipped"))));
  }

  /** The device sends a text to the business; returns its id. */
  String textFrom(String device) {
    Response sent =
        api.postJson(
            "/v2/sandbox/devices/" + device + "/send", TOKEN, ApiClient.json(Map.of("text", "hi")));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    return sent.json().get("message_id").asString();
  }

  Response react(String token, String device, String messageId, Object body) {
    return api.postJson(
        "/v2/sandbox/devices/" + device + "/messages/" + messageId + "/react",
        token,
        ApiClient.json(body));
  }

  JsonNode status(String messageId) {
    Response status = api.get("/v2/message-status?message_id=" + messageId, TOKEN);
    assertThat(status.status()).as(status.body()).isEqualTo(200);
    return status.json();
  }

  JsonNode inboundFrom(String device) {
    Response listed = api.get("/v2/inbound-messages?from=%2B" + device.substring(1), TOKEN);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    return listed.json().get("messages");
  }

  JsonNode onDevice(String device, String messageId) {
    Response listed = api.get("/v2/sandbox/devices/" + device + "/messages", TOKEN);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    for (JsonNode message : listed.json().get("data")) {
      if (message.get("message_id").asString().equals(messageId)) {
        return message;
      }
    }
    throw new AssertionError(messageId + " is not on " + device + ": " + listed.body());
  }

  static void assertMeta(Response response, int code, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    JsonNode error = response.json().get("error");
    assertThat(error.get("code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(error.get("error_data").get("details").asString()).contains(details);
  }

  static void assertSeed(Response response, int code, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    JsonNode body = response.json();
    assertThat(body.get("error_code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(body.get("details").asString()).contains(details);
  }

  @Test
  void businessReactsToAUsersMessageWhichShowsItsCurrentReaction() {
    String device = "+14155550401";
    String inbound = textFrom(device);

    String reaction = sent(post(CLOUD, reaction(device.substring(1), inbound, "👍")));

    assertThat(reaction).startsWith("wamid.").isNotEqualTo(inbound);
    JsonNode reacted = inboundFrom(device).get(0);
    assertThat(reacted.get("message_id").asString()).isEqualTo(inbound);
    assertThat(reacted.get("reaction").get("emoji").asString()).isEqualTo("👍");
    JsonNode onDevice = onDevice(device, reaction);
    assertThat(onDevice.get("type").asString()).isEqualTo("reaction");
    assertThat(onDevice.get("content").get("message_id").asString()).isEqualTo(inbound);
    assertThat(onDevice.get("content").get("emoji").asString()).isEqualTo("👍");

    String changed = sent(post(SEED, reaction(device.substring(1), inbound, "🎉")));
    assertThat(inboundFrom(device).get(0).get("reaction").get("emoji").asString()).isEqualTo("🎉");

    String removal = sent(post(CLOUD, reaction(device.substring(1), inbound, "")));
    assertThat(inboundFrom(device).get(0).get("reaction").isNull()).isTrue();
    assertThat(onDevice(device, removal).get("content").get("emoji").asString()).isEmpty();
    assertThat(changed).isNotEqualTo(removal);
  }

  @Test
  void aReactionIsOnlyEverSentNeverDeliveredOrRead() {
    String device = "+14155550402";
    String text = textTo(device);
    String reaction = sent(post(SEED, reaction(device.substring(1), text, "❤️")));

    assertThat(status(text).get("status").asString()).isEqualTo("read");
    assertThat(status(reaction).get("status").asString()).isEqualTo("sent");
    assertThat(status(reaction).get("reaction").isNull()).isTrue();
    api.postJson("/v2/sandbox/devices/" + device + "/messages/" + reaction + "/read", TOKEN, "{}");
    assertThat(status(reaction).get("status").asString()).isEqualTo("sent");
    assertThat(onDevice(device, reaction).get("delivered_at").isNull()).isTrue();
  }

  @Test
  void aReactionWaitingOnAnOfflineDeviceIsNotDeliveredWhenItComesOnline() {
    String device = "+14155550403";
    String text = textTo(device);
    switchOnline(device, false);
    String reaction = sent(post(CLOUD, reaction(device.substring(1), text, "👀")));
    String later = textTo(device);

    switchOnline(device, true);

    await().atMost(WAIT).until(() -> "read".equals(status(later).get("status").asString()));
    assertThat(status(reaction).get("status").asString()).isEqualTo("sent");
    JsonNode state = api.get("/v2/sandbox/devices/" + device, TOKEN).json();
    assertThat(state.toString()).contains("\"undelivered\":0");
  }

  void switchOnline(String device, boolean online) {
    Response switched =
        api.send(
            "PATCH",
            "/v2/sandbox/devices/" + device,
            TOKEN,
            "application/json",
            ApiClient.json(Map.of("online", online)).getBytes());
    assertThat(switched.status()).as(switched.body()).isEqualTo(200);
  }

  @Test
  void acceptsOneEmojiOfEveryShape() {
    String device = "+14155550404";
    String text = textTo(device);
    for (String emoji : List.of("👩‍👩‍👧", "👍🏽", "🇩🇪", "1️⃣", "❤️", "❤")) {
      String reaction = sent(post(CLOUD, reaction(device.substring(1), text, emoji)));
      assertThat(onDevice(device, reaction).get("content").get("emoji").asString())
          .isEqualTo(emoji);
    }
  }

  @Test
  void refusesAReactionWithoutATargetOrWithOneOutsideTheConversation() {
    String device = "+14155550405";
    String text = textTo(device);
    String to = device.substring(1);

    assertMeta(post(CLOUD, reaction(to, null, "👍")), 131008, "reaction.message_id is required");
    assertSeed(post(SEED, reaction(to, null, "👍")), 132000, "reaction.message_id is required");
    assertMeta(post(CLOUD, reaction(to, text, null)), 131008, "reaction.emoji is required");
    assertMeta(
        post(CLOUD, reaction(to, "wamid.unknown0000000000000000", "👍")),
        131009,
        "reaction.message_id must name a message this account exchanged with");
    assertMeta(
        post(CLOUD, reaction("14155550406", text, "👍")),
        131009,
        "reaction.message_id must name a message this account exchanged with");

    String other = otherAccountToken("+14155550490");
    Response theirs =
        api.postJson(
            "/v2/messages",
            other,
            ApiClient.json(Map.of("to", to, "type", "text", "text", Map.of("body", "hello"))));
    String theirMessage = theirs.json().get("message_id").asString();
    assertMeta(
        post(CLOUD, reaction(to, theirMessage, "👍")),
        131009,
        "reaction.message_id must name a message this account exchanged with");
  }

  @Test
  void refusesAnythingButExactlyOneEmojiOnBothDoors() {
    String device = "+14155550407";
    String text = textTo(device);
    String to = device.substring(1);
    for (String wrong : List.of("👍👍", "thanks", " ", "a", "1", "👍 ")) {
      assertMeta(
          post(CLOUD, reaction(to, text, wrong)), 131009, "reaction.emoji must be exactly one");
      assertSeed(
          post(SEED, reaction(to, text, wrong)), 132000, "reaction.emoji must be exactly one");
    }
  }

  @Test
  void deviceReactsToABusinessMessageWhichShowsOnBothSides() {
    String device = "+14155550408";
    String text = textTo(device);

    Response reacted = react(TOKEN, device, text, Map.of("emoji", "👍🏽"));

    assertThat(reacted.status()).as(reacted.body()).isEqualTo(201);
    assertThat(reacted.json().get("type").asString()).isEqualTo("reaction");
    JsonNode state = status(text);
    assertThat(state.get("status").asString()).isEqualTo("read");
    assertThat(state.get("reaction").get("emoji").asString()).isEqualTo("👍🏽");
    assertThat(state.get("reaction").get("at").asString()).isNotEmpty();
    assertThat(onDevice(device, text).get("reaction").get("emoji").asString()).isEqualTo("👍🏽");
    JsonNode inbound = inboundFrom(device).get(0);
    assertThat(inbound.get("type").asString()).isEqualTo("reaction");
    assertThat(inbound.get("message_id").asString())
        .isEqualTo(reacted.json().get("message_id").asString());
    assertThat(inbound.get("content").get("message_id").asString()).isEqualTo(text);
    assertThat(inbound.get("content").get("emoji").asString()).isEqualTo("👍🏽");

    Response removed = react(TOKEN, device, text, Map.of("emoji", ""));

    assertThat(removed.status()).as(removed.body()).isEqualTo(201);
    assertThat(status(text).get("reaction").isNull()).isTrue();
    assertThat(onDevice(device, text).get("reaction").isNull()).isTrue();
    assertThat(inboundFrom(device).get(0).get("content").get("emoji").asString()).isEmpty();
  }

  @Test
  void aDeviceReactsOnlyWithOneEmojiToAMessageItReceivedWhileOnline() {
    String device = "+14155550409";
    String text = textTo(device);

    Response unknown = react(TOKEN, device, "wamid.unknown0000000000000000", Map.of("emoji", "👍"));
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
    Response elsewhere = react(TOKEN, "+14155550410", text, Map.of("emoji", "👍"));
    assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(404);
    assertThat(react(TOKEN, device, text, Map.of("emoji", "👍👍")).body())
        .contains("emoji must be exactly one emoji");
    assertThat(react(TOKEN, device, text, Map.of()).body()).contains("emoji is required");
    switchOnline(device, false);
    Response offline = react(TOKEN, device, text, Map.of("emoji", "👍"));
    assertThat(offline.status()).as(offline.body()).isEqualTo(400);
    assertThat(offline.body()).contains("offline");
    assertThat(status(text).get("reaction").isNull()).isTrue();

    String other = otherAccountToken("+14155550491");
    Response theirs = react(other, device, text, Map.of("emoji", "👍"));
    assertThat(theirs.status()).as(theirs.body()).isEqualTo(404);
  }

  @Test
  void aDeviceReactionReachesTheWebhookAsMetasReactionObject() {
    String account = AdminFixtures.createAccount(api, "Reactions", 1000);
    assertThat(AdminFixtures.addNumber(api, account, "+14155550492").status()).isEqualTo(201);
    String token = AdminFixtures.issueToken(api, account);
    String device = "+14155550411";
    try (WebhookReceiver receiver = new WebhookReceiver("verify-me")) {
      Response registered =
          api.postJson(
              "/v2/webhooks",
              token,
              ApiClient.json(
                  Map.of(
                      "url",
                      receiver.url(),
                      "verify_token",
                      "verify-me",
                      "events",
                      List.of("message"))));
      assertThat(registered.status()).as(registered.body()).isEqualTo(201);
      Response text =
          api.postJson(
              "/v2/messages",
              token,
              ApiClient.json(
                  Map.of("to", device.substring(1), "type", "text", "text", Map.of("body", "hi"))));
      String textId = text.json().get("message_id").asString();

      assertThat(react(token, device, textId, Map.of("emoji", "🇩🇪")).status()).isEqualTo(201);
      assertThat(react(token, device, textId, Map.of("emoji", "")).status()).isEqualTo(201);

      await().atMost(WAIT).until(() -> reactionsIn(receiver).size() == 2);
      // Two inbound messages: webhooks order events per message only, so either may come first.
      List<JsonNode> reactions = reactionsIn(receiver);
      for (JsonNode reaction : reactions) {
        assertThat(reaction.get("type").asString()).isEqualTo("reaction");
        assertThat(reaction.get("from").asString()).isEqualTo(device.substring(1));
        assertThat(reaction.get("reaction").get("message_id").asString()).isEqualTo(textId);
      }
      assertThat(reactions)
          .extracting(reaction -> reaction.get("reaction").get("emoji").asString())
          .containsExactlyInAnyOrder("🇩🇪", "");
    }
  }

  static List<JsonNode> reactionsIn(WebhookReceiver receiver) {
    return receiver.changes().stream()
        .map(change -> change.get("value").get("messages"))
        .filter(messages -> messages != null && messages.get(0).has("reaction"))
        .map(messages -> messages.get(0))
        .toList();
  }

  /** A second account with its own sandbox number; returns its token. */
  String otherAccountToken(String number) {
    String account = AdminFixtures.createAccount(api, "Other " + number, 1000);
    assertThat(AdminFixtures.addNumber(api, account, number).status()).isEqualTo(201);
    return AdminFixtures.issueToken(api, account);
  }
}
