package org.openwaba.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openwaba.testing.ApiClient.ADMIN_KEY;
import static org.openwaba.testing.ApiClient.TOKEN;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The seed's text API as clients see it; run on both databases. */
abstract class SendMessageHttpContract {

  static final String RECIPIENT = "+14155552671";

  @LocalServerPort int port;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  Response send(String token, String json) {
    return api.postJson("/v2/send-message", token, json);
  }

  Response sendText(String to, String text) {
    return send(TOKEN, ApiClient.json(Map.of("phone_number", to, "message", text)));
  }

  String acceptedId(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("message_id").asString();
  }

  Response status(String token, String messageId) {
    return api.get("/v2/message-status?message_id=" + messageId, token);
  }

  static void assertError(Response response, int httpStatus, int errorCode, String detailsPart) {
    assertThat(response.status()).as(response.body()).isEqualTo(httpStatus);
    JsonNode body = response.json();
    assertThat(body.get("status").asString()).isEqualTo("error");
    assertThat(body.get("code").asInt()).isEqualTo(httpStatus);
    assertThat(body.get("error_code").asInt()).isEqualTo(errorCode);
    assertThat(body.get("message").asString()).isNotBlank();
    assertThat(body.get("details").asString()).containsIgnoringCase(detailsPart);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void acceptsTextAndAnswersInTheSeedsShape() {
    Response response = sendText(RECIPIENT, "Hello! This is an *important message*.");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("status").asString()).isEqualTo("success");
    assertThat(body.get("message_id").asString()).matches("wamid\\.[A-Za-z0-9_-]+");
    assertThat(body.get("recipient").asString()).isEqualTo(RECIPIENT);
    assertThat(body.get("timestamp").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(Instant.parse(body.get("timestamp").asString()))
        .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
    assertThat(response.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void reportsReadOnceTheSandboxDeviceReadsIt() {
    String id = acceptedId(sendText(RECIPIENT, "status please"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Response status = status(TOKEN, id);
              assertThat(status.status()).isEqualTo(200);
              assertThat(status.json().get("status").asString()).isEqualTo("read");
            });
    JsonNode body = status(TOKEN, id).json();
    assertThat(body.get("message_id").asString()).isEqualTo(id);
    assertThat(body.get("recipient").asString()).isEqualTo(RECIPIENT);
    assertThat(body.has("error")).isFalse();
  }

  @Test
  void handsTheMessageToTheSandboxDeviceBeforeAnswering() {
    String number = "+14155550177";
    String id = acceptedId(sendText(number, "already there"));

    JsonNode inbox = api.get("/v2/sandbox/devices/" + number + "/messages", TOKEN).json();
    assertThat(inbox.get("data").valueStream().map(m -> m.get("message_id").asString()))
        .contains(id);
  }

  @Test
  void queuesTheMessageForTheDispatcherWhenTheHandOverFailsAndStillDeliversIt() {
    FailingHandOver.ARMED.set(1);
    try {
      String id = acceptedId(sendText(RECIPIENT, "second try"));

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(status(TOKEN, id).json().get("status").asString()).isEqualTo("read"));
      assertThat(FailingHandOver.ARMED.get()).isZero();
      assertThat(FailingHandOver.SENT)
          .as("the failed hand-over left the message accepted, so the dispatcher recorded sent")
          .contains(id);
    } finally {
      FailingHandOver.ARMED.set(0);
    }
  }

  @Test
  void normalisesRecipientToE164() {
    Response response = sendText("+1 (415) 555-2671", "hi");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("recipient").asString()).isEqualTo(RECIPIENT);
  }

  @Test
  void refusesNumberWithoutCountryCode() {
    assertError(sendText("4155552671", "hi"), 400, 132000, "country code");
  }

  @Test
  void refusesNumberThatIsNotValidForItsCountry() {
    assertError(sendText("+10000000000", "hi"), 400, 132000, "not a valid number");
  }

  @Test
  void refusesUnknownCountryCode() {
    assertError(sendText("+999123456", "hi"), 400, 132000, "country code");
  }

  @Test
  void accepts4096CodePointsCountingEmojiAsOne() {
    String emoji = "\uD83D\uDE00";
    assertThat(sendText(RECIPIENT, emoji.repeat(4096)).status()).isEqualTo(200);
    assertThat(sendText(RECIPIENT, "a".repeat(4096)).status()).isEqualTo(200);
  }

  @Test
  void rejectsTextLongerThan4096CodePoints() {
    assertError(sendText(RECIPIENT, "\uD83D\uDE00".repeat(4097)), 400, 132000, "4097 characters");
    assertError(sendText(RECIPIENT, "a".repeat(4097)), 400, 132000, "limit is 4096");
  }

  @Test
  void rejectsEmptyAndMissingMessage() {
    assertError(sendText(RECIPIENT, ""), 400, 132000, "1 to 4096");
    assertError(
        send(TOKEN, "{\"phone_number\":\"" + RECIPIENT + "\"}"),
        400,
        132000,
        "message: is required");
    assertError(send(TOKEN, "{\"message\":\"x\"}"), 400, 132000, "phone_number: is required");
  }

  @Test
  void rejectsLoneSurrogate() {
    assertError(
        send(TOKEN, "{\"phone_number\":\"" + RECIPIENT + "\",\"message\":\"a\\ud800b\"}"),
        400,
        132000,
        "surrogate");
  }

  @Test
  void rejectsWrongJsonTypesNamingTheField() {
    assertError(
        send(
            TOKEN,
            "{\"phone_number\":\"" + RECIPIENT + "\",\"message\":\"x\",\"preview_url\":\"yes\"}"),
        400,
        132000,
        "'preview_url' must be a boolean");
    assertError(
        send(TOKEN, "{\"phone_number\":\"" + RECIPIENT + "\",\"message\":42}"),
        400,
        132000,
        "'message' must be a string");
    assertError(send(TOKEN, "[1,2]"), 400, 132000, "JSON object");
  }

  @Test
  void rejectsMalformedJson() {
    assertError(send(TOKEN, "{\"phone_number\": "), 400, 132000, "not valid JSON");
    assertError(send(TOKEN, ""), 400, 132000, "JSON");
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] body =
        ("{\"phone_number\":\"" + RECIPIENT + "\",\"message\":\"x\"}")
            .getBytes(StandardCharsets.UTF_8);
    body[body.length - 3] = (byte) 0xC3;
    assertError(
        api.send("POST", "/v2/send-message", TOKEN, "application/json", body),
        400,
        132000,
        "UTF-8");
  }

  @Test
  void rejectsWrongContentTypeWith415() {
    assertError(
        api.send(
            "POST",
            "/v2/send-message",
            TOKEN,
            "text/plain",
            "phone_number=x".getBytes(StandardCharsets.UTF_8)),
        415,
        190415,
        "application/json");
  }

  @Test
  void rejectsBodyOverTheLimitWith413AndAcceptsOneAtTheLimit() {
    int limit = 262144;
    String prefix = "{\"phone_number\":\"" + RECIPIENT + "\",\"message\":\"x\",\"pad\":\"";
    String suffix = "\"}";
    String atLimit = prefix + "p".repeat(limit - prefix.length() - suffix.length()) + suffix;
    assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(limit);
    assertThat(send(TOKEN, atLimit).status()).isEqualTo(200);

    String overLimit = prefix + "p".repeat(limit + 1 - prefix.length() - suffix.length()) + suffix;
    assertError(send(TOKEN, overLimit), 413, 190413, "262144 bytes");
  }

  @Test
  void ignoresUnknownJsonFields() {
    Response response =
        send(
            TOKEN,
            "{\"phone_number\":\""
                + RECIPIENT
                + "\",\"message\":\"x\",\"colour\":\"blue\",\"n\":{\"a\":1}}");
    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void rejectsUnknownQueryParameters() {
    assertError(
        api.postJson(
            "/v2/send-message?debug=1",
            TOKEN,
            "{\"phone_number\":\"" + RECIPIENT + "\",\"message\":\"x\"}"),
        400,
        132000,
        "'debug'");
    String id = acceptedId(sendText(RECIPIENT, "q"));
    assertError(
        api.get("/v2/message-status?message_id=" + id + "&verbose=true", TOKEN),
        400,
        132000,
        "'verbose'");
  }

  @Test
  void refusesMissingMalformedAndUnknownTokensWith131030() {
    String body = "{\"phone_number\":\"" + RECIPIENT + "\",\"message\":\"x\"}";
    assertError(api.postJson("/v2/send-message", null, body), 401, 131030, "Authorization");
    assertError(
        api.send(
            "POST",
            "/v2/send-message",
            Map.of("Authorization", "Basic abc", "Content-Type", "application/json"),
            body.getBytes(StandardCharsets.UTF_8)),
        401,
        131030,
        "Bearer");
    assertError(api.postJson("/v2/send-message", "not a token!", body), 401, 131030, "malformed");
    assertError(
        api.postJson("/v2/send-message", "owa_" + "A".repeat(43), body), 401, 131030, "not known");
    assertError(
        api.get("/v2/message-status?message_id=wamid.x", null), 401, 131030, "Authorization");
  }

  @Test
  void refusesExpiredToken() throws Exception {
    String token =
        api.postJson(
                "/admin/v1/accounts/" + ApiClient.ACCOUNT_ID + "/tokens",
                ADMIN_KEY,
                "{\"expires_in_seconds\":1}")
            .json()
            .get("token")
            .asString();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertError(sendText2(token), 401, 131030, "expired"));
  }

  private Response sendText2(String token) {
    return send(token, "{\"phone_number\":\"" + RECIPIENT + "\",\"message\":\"x\"}");
  }

  @Test
  void anotherAccountsMessageIsNotFoundLikeAMissingOne() {
    String id = acceptedId(sendText(RECIPIENT, "private"));
    String otherToken = newAccountWithNumber("+14155550142", 50);

    Response foreign = status(otherToken, id);
    Response missing = status(otherToken, "wamid.doesNotExist123");
    assertError(foreign, 404, 190404, "No message");
    assertError(missing, 404, 190404, "No message");
    assertThat(foreign.json().get("details").asString().replace(id, "ID"))
        .isEqualTo(missing.json().get("details").asString().replace("wamid.doesNotExist123", "ID"));
  }

  @Test
  void refusesMalformedOrMissingMessageId() {
    assertError(api.get("/v2/message-status?message_id=abc", TOKEN), 400, 132000, "wamid.");
    assertError(api.get("/v2/message-status", TOKEN), 400, 132000, "message_id");
  }

  @Test
  void acceptsReplyToAMessageOfTheSameAccountAndRecipient() {
    String original = acceptedId(sendText(RECIPIENT, "first"));
    Response reply =
        send(
            TOKEN,
            ApiClient.json(
                Map.of("phone_number", RECIPIENT, "message", "second", "reply_to", original)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void refusesReplyToAnotherRecipientsOrAnotherAccountsOrMalformedId() {
    String original = acceptedId(sendText(RECIPIENT, "first"));
    assertError(
        send(
            TOKEN,
            ApiClient.json(
                Map.of("phone_number", "+14155550123", "message", "x", "reply_to", original))),
        400,
        132000,
        "reply_to");
    String otherToken = newAccountWithNumber("+14155550143", 50);
    assertError(
        send(
            otherToken,
            ApiClient.json(
                Map.of("phone_number", RECIPIENT, "message", "x", "reply_to", original))),
        400,
        132000,
        "reply_to");
    assertError(
        send(
            TOKEN,
            ApiClient.json(Map.of("phone_number", RECIPIENT, "message", "x", "reply_to", "nope"))),
        400,
        132000,
        "wamid.");
  }

  @Test
  void refusesSendingToTheAccountsOwnNumber() {
    assertError(sendText(ApiClient.BUSINESS_NUMBER, "me"), 400, 132000, "own sending number");
  }

  @Test
  void reportsFailedWithReasonForANumberNotOnWhatsApp() {
    String id = acceptedId(sendText("+12025550101", "anyone there?"));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(status(TOKEN, id).json().get("status").asString()).isEqualTo("failed"));
    JsonNode error = status(TOKEN, id).json().get("error");
    assertThat(error.get("code").asInt()).isEqualTo(131026);
    assertThat(error.get("details").asString()).contains("not on WhatsApp");
  }

  @Test
  void staysSentWhileTheDeviceIsOffline() {
    String id = acceptedId(sendText("+12025550102", "wake up"));
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(status(TOKEN, id).json().get("status").asString()).isEqualTo("sent"));
  }

  @Test
  void limitsAnAccountToItsMessagesPerSecond() {
    String token = newAccountWithNumber("+14155550144", 1);
    String body = "{\"phone_number\":\"" + RECIPIENT + "\",\"message\":\"x\"}";
    assertThat(send(token, body).status()).isEqualTo(200);
    Response limited = send(token, body);
    assertError(limited, 429, 133000, "1 messages per second");
    assertThat(limited.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void countsOnlyAcceptedMessagesAgainstTheLimit() {
    String token = newAccountWithNumber("+14155550145", 1);
    // Refused after the limit was checked: the reply names no message of this conversation.
    String refused =
        "{\"phone_number\":\"" + RECIPIENT + "\",\"message\":\"x\",\"reply_to\":\"wamid.none\"}";
    for (int i = 0; i < 3; i++) {
      assertThat(send(token, refused).status()).isEqualTo(400);
    }
    String body = "{\"phone_number\":\"" + RECIPIENT + "\",\"message\":\"x\"}";
    assertThat(send(token, body).status()).isEqualTo(200);
    assertThat(send(token, body).status()).isEqualTo(429);
  }

  @Test
  void answersUnknownPathAndWrongMethodInTheEnvelope() {
    assertError(api.get("/v2/no-such-endpoint", TOKEN), 404, 190404, "/v2/no-such-endpoint");
    Response wrongMethod = api.get("/v2/send-message", TOKEN);
    assertError(wrongMethod, 405, 190405, "POST");
  }

  @Test
  void returnsTheRequestIdInHeaderAndEnvelope() {
    Response response =
        api.send(
            "GET",
            "/v2/message-status?message_id=abc",
            Map.of("Authorization", "Bearer " + TOKEN, "X-Request-Id", "trace-123"),
            null);
    assertThat(response.header("X-Request-Id")).isEqualTo("trace-123");
    assertThat(response.json().get("request_id").asString()).isEqualTo("trace-123");
  }

  @Test
  void countsMessagesAndSendLatencyForPrometheus() {
    acceptedId(sendText(RECIPIENT, "metrics"));
    Response metrics = api.get("/actuator/prometheus", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("openwaba_messages_total{status=\"accepted\"}")
        .contains("openwaba_messages_total{status=\"delivered\"}")
        .contains("openwaba_send_seconds_bucket");
  }

  @Test
  void reportsHealthWithLivenessReadinessAndDatabase() {
    Response health = api.get("/actuator/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
    assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    Response readiness = api.get("/actuator/health/readiness", null);
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
  }

  String newAccountWithNumber(String number, int messagesPerSecond) {
    String accountId = AdminFixtures.createAccount(api, "other", messagesPerSecond);
    Response added = AdminFixtures.addNumber(api, accountId, number);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return AdminFixtures.issueToken(api, accountId);
  }
}
