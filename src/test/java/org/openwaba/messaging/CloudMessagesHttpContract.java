package org.openwaba.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openwaba.testing.ApiClient.TOKEN;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /{version}/{phone_number_id}/messages} as Meta's SDKs call it: Meta's request and
 * answer shapes and Meta's error envelope and codes, through the same pipeline as the seed door.
 * Run on both databases.
 */
abstract class CloudMessagesHttpContract {

  static final String PHONE_NUMBER_ID = "100000000000002";
  static final String PATH = "/v24.0/" + PHONE_NUMBER_ID + "/messages";
  static final String RECIPIENT = "+14155552671";

  @LocalServerPort int port;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  Response send(String token, String path, Map<String, Object> body) {
    return api.postJson(path, token, ApiClient.json(body));
  }

  static Map<String, Object> text(String to, String body) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("messaging_product", "whatsapp");
    request.put("to", to);
    request.put("type", "text");
    request.put("text", Map.of("body", body));
    return request;
  }

  static JsonNode assertGraphError(Response response, int httpStatus, int code, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(httpStatus);
    JsonNode body = response.json();
    assertThat(body.propertyNames()).containsExactly("error");
    JsonNode error = body.get("error");
    assertThat(error.get("code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(error.get("message").asString()).startsWith("(#" + code + ") ");
    assertThat(error.get("type").asString()).isEqualTo("OAuthException");
    assertThat(error.get("error_data").get("messaging_product").asString()).isEqualTo("whatsapp");
    assertThat(error.get("error_data").get("details").asString()).contains(details);
    assertThat(error.get("fbtrace_id").asString()).isNotBlank();
    return error;
  }

  JsonNode deviceMessages(String number, String token) {
    Response response = api.get("/v2/sandbox/devices/" + number + "/messages", token);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("data");
  }

  @Test
  void acceptsBareDigitsAndEchoesThemAsInput() {
    Response response = send(TOKEN, PATH, text("14155552671", "Hello from the Cloud door"));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("messaging_product").asString()).isEqualTo("whatsapp");
    assertThat(body.get("contacts")).hasSize(1);
    assertThat(body.get("contacts").get(0).get("input").asString()).isEqualTo("14155552671");
    assertThat(body.get("contacts").get(0).get("wa_id").asString()).isEqualTo("14155552671");
    assertThat(body.get("messages")).hasSize(1);
    String id = body.get("messages").get(0).get("id").asString();
    assertThat(id).matches("wamid\\.[A-Za-z0-9_-]+");
    assertThat(body.get("messages").get(0).get("message_status").asString()).isEqualTo("accepted");

    assertThat(
            api.get("/v2/message-status?message_id=" + id, TOKEN)
                .json()
                .get("recipient")
                .asString())
        .as("the same pipeline and store as the seed door")
        .isEqualTo(RECIPIENT);
  }

  @Test
  void echoesAFormattedNumberExactlyAndNormalisesTheWaId() {
    Response response = send(TOKEN, PATH, text("+1 (415) 555-2671", "formatted"));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode contact = response.json().get("contacts").get(0);
    assertThat(contact.get("input").asString()).isEqualTo("+1 (415) 555-2671");
    assertThat(contact.get("wa_id").asString()).isEqualTo("14155552671");
  }

  @Test
  void deliversPreviewUrlAndRepliesToTheDevice() {
    String token = newAccountWithNumbers(50, "+14155550151");
    String numberId = phoneNumberIds(token).get(0).get("id").asString();
    String path = "/v24.0/" + numberId + "/messages";
    Response first = send(token, path, text("14155552672", "first"));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    String firstId = first.json().get("messages").get(0).get("id").asString();

    Map<String, Object> reply = text("14155552672", "see https://example.com *now*");
    reply.put("text", Map.of("body", "see https://example.com *now*", "preview_url", true));
    reply.put("context", Map.of("message_id", firstId));
    reply.put("recipient_type", "individual");
    reply.put("biz_opaque_callback_data", "tracking-123");
    Response replied = send(token, path, reply);
    assertThat(replied.status()).as(replied.body()).isEqualTo(200);
    String replyId = replied.json().get("messages").get(0).get("id").asString();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(deviceMessages("+14155552672", token)).hasSize(2));
    JsonNode received = null;
    for (JsonNode message : deviceMessages("+14155552672", token)) {
      if (message.get("message_id").asString().equals(replyId)) {
        received = message;
      }
    }
    assertThat(received).isNotNull();
    assertThat(received.get("from").asString()).isEqualTo("+14155550151");
    assertThat(received.get("body").asString()).isEqualTo("see https://example.com *now*");
    assertThat(received.get("preview_url").asBoolean()).isTrue();
    assertThat(received.get("reply_to").asString()).isEqualTo(firstId);
  }

  @Test
  void sendsFromTheNamedPhoneNumberOfTheAccount() {
    String token = newAccountWithNumbers(50, "+14155550152", "+14155550153");
    JsonNode numbers = phoneNumberIds(token);
    String second = null;
    for (JsonNode number : numbers) {
      if (number.get("display_phone_number").asString().equals("+1 415-555-0153")) {
        second = number.get("id").asString();
      }
    }
    assertThat(second).isNotNull();
    Map<String, Object> request = text("14155552673", "from the second number");
    request.remove("type");

    Response response = send(token, "/v24.0/" + second + "/messages", request);

    assertThat(response.status()).as("type defaults to text: " + response.body()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(deviceMessages("+14155552673", token)).hasSize(1));
    assertThat(deviceMessages("+14155552673", token).get(0).get("from").asString())
        .isEqualTo("+14155550153");
  }

  @Test
  void refusesAnotherAccountsOrAnUnknownPhoneNumberIdAs100Subcode33() {
    String other = newAccountWithNumbers(50, "+14155550154");
    JsonNode foreign =
        assertGraphError(send(other, PATH, text(RECIPIENT, "hi")), 400, 100, PHONE_NUMBER_ID);
    assertThat(foreign.get("error_subcode").asInt()).isEqualTo(33);
    assertThat(
            assertGraphError(
                    send(TOKEN, "/v24.0/999999999999999/messages", text(RECIPIENT, "hi")),
                    400,
                    100,
                    "999999999999999")
                .get("error_subcode")
                .asInt())
        .isEqualTo(33);
    assertThat(
            assertGraphError(
                    send(TOKEN, "/v24.0/abc/messages", text(RECIPIENT, "hi")), 400, 100, "abc")
                .get("error_subcode")
                .asInt())
        .isEqualTo(33);
  }

  @Test
  void refusesMissingFieldsWith131008() {
    Map<String, Object> noProduct = text(RECIPIENT, "hi");
    noProduct.remove("messaging_product");
    assertGraphError(send(TOKEN, PATH, noProduct), 400, 131008, "messaging_product is required");

    Map<String, Object> noTo = text(RECIPIENT, "hi");
    noTo.remove("to");
    assertGraphError(send(TOKEN, PATH, noTo), 400, 131008, "to is required");

    Map<String, Object> noText = text(RECIPIENT, "hi");
    noText.remove("text");
    assertGraphError(send(TOKEN, PATH, noText), 400, 131008, "text is required");

    Map<String, Object> noBody = text(RECIPIENT, "hi");
    noBody.put("text", Map.of("preview_url", true));
    assertGraphError(send(TOKEN, PATH, noBody), 400, 131008, "text.body is required");

    Map<String, Object> emptyContext = text(RECIPIENT, "hi");
    emptyContext.put("context", Map.of());
    assertGraphError(
        send(TOKEN, PATH, emptyContext), 400, 131008, "context.message_id is required");
  }

  @Test
  void refusesInvalidValuesWith131009() {
    Map<String, Object> sms = text(RECIPIENT, "hi");
    sms.put("messaging_product", "sms");
    assertGraphError(send(TOKEN, PATH, sms), 400, 131009, "messaging_product must be \"whatsapp\"");

    assertGraphError(send(TOKEN, PATH, text("abc", "hi")), 400, 131009, "to may contain only");
    assertGraphError(send(TOKEN, PATH, text("1", "hi")), 400, 131009, "to ");
    assertGraphError(
        send(TOKEN, PATH, text("12025550100", "hi")),
        400,
        131009,
        "to +12025550100 is this account's own sending number");

    Map<String, Object> badReply = text(RECIPIENT, "hi");
    badReply.put("context", Map.of("message_id", "not-a-wamid"));
    assertGraphError(send(TOKEN, PATH, badReply), 400, 131009, "context.message_id must be");
    Map<String, Object> unknownReply = text(RECIPIENT, "hi");
    unknownReply.put("context", Map.of("message_id", "wamid.doesNotExist123"));
    assertGraphError(
        send(TOKEN, PATH, unknownReply), 400, 131009, "context.message_id must name a message");

    Map<String, Object> fax = text(RECIPIENT, "hi");
    fax.put("type", "fax");
    assertGraphError(send(TOKEN, PATH, fax), 400, 131009, "was 'fax'");

    Map<String, Object> group = text(RECIPIENT, "hi");
    group.put("recipient_type", "group");
    assertGraphError(send(TOKEN, PATH, group), 400, 131009, "recipient_type");

    assertGraphError(
        send(
            TOKEN,
            PATH,
            Map.of(
                "messaging_product", "whatsapp", "status", "delivered", "message_id", "wamid.x")),
        400,
        131009,
        "status must be 'read'");
  }

  @Test
  void marksAReceivedMessageAsReadOnceAndRefusesOthers() {
    var sent =
        api.postJson("/v2/sandbox/devices/%2B14155552671/send", TOKEN, "{\"text\":\"read me\"}");
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    String inbound = sent.json().get("message_id").asString();
    Map<String, Object> read =
        Map.of("messaging_product", "whatsapp", "status", "read", "message_id", inbound);
    JsonNode unread = api.get("/v2/inbound-messages", TOKEN).json().get("messages").get(0);
    assertThat(unread.get("read_at").isNull()).as("not read yet").isTrue();

    Response marked = send(TOKEN, PATH, read);
    assertThat(marked.status()).as(marked.body()).isEqualTo(200);
    assertThat(marked.body()).isEqualTo("{\"success\":true}");
    assertThat(send(TOKEN, PATH, read).status()).as("marking again").isEqualTo(200);
    JsonNode listed = api.get("/v2/inbound-messages", TOKEN).json().get("messages").get(0);
    assertThat(listed.get("message_id").asString()).isEqualTo(inbound);
    assertThat(listed.get("read_at").asString()).endsWith("Z");

    Response unknown =
        send(
            TOKEN,
            PATH,
            Map.of("messaging_product", "whatsapp", "status", "read", "message_id", "wamid.nope"));
    assertGraphError(unknown, 400, 100, "was received on this phone number");
    assertThat(unknown.json().get("error").get("error_subcode").asInt()).isEqualTo(33);
    Response noId = send(TOKEN, PATH, Map.of("messaging_product", "whatsapp", "status", "read"));
    assertGraphError(noId, 400, 131008, "message_id");
  }

  @Test
  void refusesTypesMetaDoesNotHaveWith131009() {
    Map<String, Object> poll = text(RECIPIENT, "hi");
    poll.remove("text");
    poll.put("type", "poll");
    poll.put("poll", Map.of("question", "?"));
    assertGraphError(send(TOKEN, PATH, poll), 400, 131009, "type must be one of text, image");
  }

  @Test
  void acceptsTexts4096CodePointsLongAndRefusesLongerOnesWith100() {
    String longest = "😀".repeat(4096);
    assertThat(send(TOKEN, PATH, text(RECIPIENT, longest)).status()).isEqualTo(200);

    assertGraphError(
        send(TOKEN, PATH, text(RECIPIENT, longest + "x")),
        400,
        100,
        "text.body has 4097 characters; the limit is 4096");
    assertGraphError(send(TOKEN, PATH, text(RECIPIENT, "")), 400, 100, "text.body must have");
  }

  @Test
  void answersMalformedAndWronglyTypedBodiesInMetasEnvelope() {
    assertGraphError(api.postJson(PATH, TOKEN, "{\"to\": "), 400, 100, "not valid JSON");
    assertGraphError(
        api.postJson(PATH, TOKEN, "{\"messaging_product\":\"whatsapp\",\"to\":14155552671}"),
        400,
        131009,
        "to must be a string");
    assertGraphError(
        api.send("POST", PATH, TOKEN, "text/plain", "hi".getBytes(StandardCharsets.UTF_8)),
        415,
        100,
        "application/json");
    assertGraphError(api.get(PATH, TOKEN), 405, 100, "GET is not supported here");
    assertGraphError(
        api.postJson(PATH + "?debug=1", TOKEN, ApiClient.json(text(RECIPIENT, "hi"))),
        400,
        100,
        "debug");
  }

  @Test
  void answersOversizedAndNonUtf8BodiesInMetasEnvelope() {
    byte[] huge = new byte[262_145];
    java.util.Arrays.fill(huge, (byte) 'a');
    assertGraphError(
        api.send("POST", PATH, TOKEN, "application/json", huge), 413, 100, "262144 bytes");
    byte[] latin1 =
        "{\"messaging_product\":\"whatsapp\",\"to\":\"14155552671\",\"text\":{\"body\":\"caf\u00e9\"}}"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertGraphError(api.send("POST", PATH, TOKEN, "application/json", latin1), 400, 100, "UTF-8");
  }

  @Test
  void refusesBadTokensWith190() {
    assertGraphError(send("owa_" + "B".repeat(43), PATH, text(RECIPIENT, "hi")), 401, 190, "");
  }

  @Test
  void limitsAnAccountToItsMessagesPerSecondWith130429() {
    String token = newAccountWithNumbers(1, "+14155550155");
    String path = "/v24.0/" + phoneNumberIds(token).get(0).get("id").asString() + "/messages";
    assertThat(send(token, path, text(RECIPIENT, "x")).status()).isEqualTo(200);

    Response limited = send(token, path, text(RECIPIENT, "x"));
    assertGraphError(limited, 429, 130429, "1 messages per second");
    assertThat(limited.header("Retry-After")).isNotBlank();
  }

  String newAccountWithNumbers(int messagesPerSecond, String... numbers) {
    String accountId = AdminFixtures.createAccount(api, "cloud", messagesPerSecond);
    for (String number : numbers) {
      Response added = AdminFixtures.addNumber(api, accountId, number);
      assertThat(added.status()).as(added.body()).isEqualTo(201);
    }
    return AdminFixtures.issueToken(api, accountId);
  }

  JsonNode phoneNumberIds(String token) {
    String accountId = api.get("/v2/me", token).json().get("account_id").asString();
    Response numbers = api.get("/v24.0/" + accountId + "/phone_numbers", token);
    assertThat(numbers.status()).as(numbers.body()).isEqualTo(200);
    return numbers.json().get("data");
  }
}
