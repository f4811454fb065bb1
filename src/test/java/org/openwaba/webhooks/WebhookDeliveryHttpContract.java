package org.openwaba.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openwaba.media.SampleFiles;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.Multipart;
import org.openwaba.testing.WebhookReceiver;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Webhook registration and delivery as a business's receiver sees it, against a real endpoint on
 * loopback (allowed here by the operator's settings). Run on both databases.
 */
@TestPropertySource(
    properties = {
      "openwaba.platform.outbound.allowed-hosts=127.0.0.1",
      "openwaba.platform.outbound.allow-http=true",
      "openwaba.webhooks.retry-base-delay=100ms",
      "openwaba.webhooks.retry-max-delay=300ms",
      "openwaba.webhooks.max-retry-age=3s",
      "openwaba.webhooks.poll-interval=50ms",
      "openwaba.webhooks.request-timeout=2s",
      "openwaba.webhooks.housekeeping-interval=100ms"
    })
@ExtendWith(OutputCaptureExtension.class)
abstract class WebhookDeliveryHttpContract {

  static final String RECIPIENT = "+14155552671";
  static final String VERIFY = "my-verify-token";
  static final Duration WAIT = Duration.ofSeconds(15);

  @LocalServerPort int port;
  WebhookFixtures fx;
  WebhookReceiver receiver;

  @BeforeEach
  void setUp() {
    fx = new WebhookFixtures(new ApiClient(port));
    receiver = new WebhookReceiver(VERIFY);
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  static String hmac(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  /** The statuses received for the message, in order of arrival. */
  List<String> statusesOf(String messageId) {
    List<String> statuses = new ArrayList<>();
    for (JsonNode change : receiver.changes()) {
      JsonNode list = change.get("value").get("statuses");
      if (list != null && list.get(0).get("id").asString().equals(messageId)) {
        statuses.add(list.get(0).get("status").asString());
      }
    }
    return statuses;
  }

  @Test
  void registersAfterTheHandshakeAndShowsTheRegistration() {
    String id = fx.register(receiver, VERIFY, Map.of());

    assertThat(receiver.handshakes()).hasSize(1);
    String query = receiver.handshakes().get(0).query();
    assertThat(query).contains("hub.mode=subscribe").contains("hub.verify_token=" + VERIFY);
    assertThat(query).containsPattern("hub\\.challenge=[A-Za-z0-9_-]{16,}");
    JsonNode webhook = fx.get("/v2/webhooks/" + id).get("webhook");
    assertThat(webhook.get("url").asString()).isEqualTo(receiver.url());
    assertThat(webhook.get("body_form").asString()).isEqualTo("meta");
    assertThat(webhook.get("max_events_per_post").asInt()).isEqualTo(1);
    assertThat(webhook.toString()).doesNotContain(VERIFY);
    assertThat(fx.get("/v2/webhooks").get("webhooks")).hasSize(1);
  }

  @Test
  void echoesTheBusinesssCallbackDataOfUpTo512CharactersInEveryStatus() {
    fx.register(receiver, VERIFY, Map.of());
    String longest = "c".repeat(511) + "é";
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("messaging_product", "whatsapp");
    body.put("to", RECIPIENT.substring(1));
    body.put("type", "text");
    body.put("text", Map.of("body", "tracked"));
    body.put("biz_opaque_callback_data", longest);
    String path = "/v24.0/" + fx.phoneNumberId + "/messages";
    var sent = fx.api.postJson(path, fx.token, ApiClient.json(body));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    String messageId = sent.json().get("messages").get(0).get("id").asString();

    await().atMost(WAIT).until(() -> statusesOf(messageId).size() == 3);
    List<String> echoed = new ArrayList<>();
    for (JsonNode change : receiver.changes()) {
      JsonNode list = change.get("value").get("statuses");
      if (list != null && list.get(0).get("id").asString().equals(messageId)) {
        echoed.add(list.get(0).get("biz_opaque_callback_data").asString());
      }
    }
    assertThat(echoed).containsExactly(longest, longest, longest);

    body.put("biz_opaque_callback_data", longest + "x");
    var refused = fx.api.postJson(path, fx.token, ApiClient.json(body));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("error").get("code").asInt()).isEqualTo(131009);
    assertThat(refused.body())
        .contains("biz_opaque_callback_data has 513 characters; the limit is 512");
  }

  @Test
  void deliversEveryStatusSignedInMetasShapeAndInCausalOrder() throws Exception {
    fx.register(receiver, VERIFY, Map.of());
    String messageId = fx.send(RECIPIENT, "Hello");

    await().atMost(WAIT).until(() -> statusesOf(messageId).size() == 3);
    assertThat(statusesOf(messageId)).containsExactly("sent", "delivered", "read");
    for (WebhookReceiver.Received post : receiver.posts()) {
      assertThat(post.header("X-Hub-Signature-256")).isEqualTo(hmac(fx.appSecret, post.body()));
      assertThat(post.header("Content-Type")).isEqualTo("application/json");
      assertThat(post.header("Content-Length")).isEqualTo(Integer.toString(post.body().length));
      assertThat(post.chunked()).isFalse();
      assertThat(post.header("X-OpenWABA-Delivery-Id")).matches("[0-9]+");
    }
    assertThat(receiver.posts())
        .extracting(p -> p.header("X-OpenWABA-Delivery-Id"))
        .doesNotHaveDuplicates();

    JsonNode body = receiver.posts().get(0).json();
    assertThat(body.get("object").asString()).isEqualTo("whatsapp_business_account");
    JsonNode entry = body.get("entry").get(0);
    assertThat(entry.get("id").asString()).isEqualTo(fx.accountId);
    JsonNode change = entry.get("changes").get(0);
    assertThat(change.get("field").asString()).isEqualTo("messages");
    JsonNode value = change.get("value");
    assertThat(value.get("messaging_product").asString()).isEqualTo("whatsapp");
    assertThat(value.get("metadata").get("display_phone_number").asString())
        .isEqualTo(fx.businessNumber.substring(1));
    assertThat(value.get("metadata").get("phone_number_id").asString()).isEqualTo(fx.phoneNumberId);
    JsonNode status = value.get("statuses").get(0);
    assertThat(status.get("id").asString()).isEqualTo(messageId);
    assertThat(status.get("status").asString()).isEqualTo("sent");
    assertThat(status.get("timestamp").isString()).isTrue();
    assertThat(status.get("timestamp").asString()).matches("[0-9]{10}");
    assertThat(status.get("recipient_id").asString()).isEqualTo("14155552671");
    assertThat(status.get("conversation").get("id").asString()).matches("[0-9a-f]{32}");
    assertThat(status.get("conversation").get("origin").get("type").asString())
        .isEqualTo("service");
    assertThat(status.get("conversation").get("expiration_timestamp").asString())
        .matches("[0-9]{10}");
    assertThat(status.get("pricing").get("pricing_model").asString()).isEqualTo("PMP");
    assertThat(status.get("pricing").get("category").asString()).isEqualTo("service");

    String metrics = fx.api.get("/actuator/prometheus", null).body();
    assertThat(metrics)
        .containsPattern("openwaba_webhooks_deliveries_total\\{outcome=\"succeeded\"\\} [1-9]");
    assertThat(metrics).contains("openwaba_webhooks_delivery_latency_seconds_count");
  }

  @Test
  void reportsARegistrationsBacklogUntilItsEventsAreDelivered() {
    String id = fx.register(receiver, VERIFY, Map.of());
    Pattern gauge =
        Pattern.compile("openwaba_webhooks_backlog\\{registration=\"" + id + "\"\\} ([0-9.E]+)");
    await().atMost(WAIT).until(() -> backlog(gauge) == 0);
    receiver.delaying(Duration.ofMillis(1500));
    String message = fx.send(RECIPIENT, "Slowly");

    await().atMost(WAIT).until(() -> backlog(gauge) >= 1);
    receiver.delaying(Duration.ZERO);
    await().atMost(WAIT).until(() -> statusesOf(message).size() == 3);
    await().atMost(WAIT).until(() -> backlog(gauge) == 0);
  }

  private double backlog(Pattern gauge) {
    Matcher matcher = gauge.matcher(fx.api.get("/actuator/prometheus", null).body());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
  }

  @Test
  void listsDeliveredEventsWithTheirAttemptAndFinishTime() {
    String id = fx.register(receiver, VERIFY, Map.of());
    String messageId = fx.send(RECIPIENT, "Listed");
    await().atMost(WAIT).until(() -> statusesOf(messageId).size() == 3);

    await()
        .atMost(WAIT)
        .until(
            () ->
                fx.get("/v2/webhooks/" + id + "/events?state=delivered").get("events").size() == 3);
    JsonNode delivered = fx.get("/v2/webhooks/" + id + "/events?state=delivered").get("events");
    for (JsonNode event : delivered) {
      assertThat(event.get("message_id").asString()).isEqualTo(messageId);
      assertThat(event.get("state").asString()).isEqualTo("delivered");
      assertThat(event.get("attempts").asInt()).isEqualTo(1);
      assertThat(Instant.parse(event.get("finished_at").asString()))
          .isAfterOrEqualTo(Instant.parse(event.get("created_at").asString()));
    }
    assertThat(fx.get("/v2/webhooks/" + id + "/events?state=pending").get("events")).isEmpty();
    assertThat(fx.get("/v2/webhooks/" + id + "/events").get("events")).hasSize(3);
  }

  @Test
  void reportsAFailedMessageWithItsError() {
    fx.register(receiver, VERIFY, Map.of());
    var sent =
        fx.api.postJson(
            "/v2/send-message",
            fx.token,
            ApiClient.json(Map.of("phone_number", "+12025550101", "message", "Hi")));
    String messageId = sent.json().get("message_id").asString();

    await().atMost(WAIT).until(() -> statusesOf(messageId).contains("failed"));
    JsonNode failed =
        receiver.changes().stream()
            .map(c -> c.get("value").get("statuses").get(0))
            .filter(s -> s.get("status").asString().equals("failed"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.get("errors").get(0).get("code").asInt()).isEqualTo(131026);
    assertThat(failed.get("errors").get(0).get("title").asString()).isNotBlank();
    assertThat(failed.get("errors").get(0).get("error_data").get("details").asString())
        .contains("not on WhatsApp");
    assertThat(failed.has("pricing")).isFalse();
  }

  @Test
  void retriesRefusedPostsUntilTheEndpointAcceptsAndLogsEveryAttempt(CapturedOutput output) {
    AtomicInteger refusals = new AtomicInteger(2);
    receiver.answering(post -> refusals.getAndDecrement() > 0 ? 500 : 200);
    String id = fx.register(receiver, VERIFY, Map.of());
    String messageId = fx.send(RECIPIENT, "Retried");

    await().atMost(WAIT).until(() -> statusesOf(messageId).size() == 3);
    assertThat(statusesOf(messageId)).containsExactly("sent", "delivered", "read");
    // The first sent was refused twice; delivered and read waited for it through the retries.
    assertThat(receiver.posts())
        .extracting(p -> p.json().at("/entry/0/changes/0/value/statuses/0/status").asString())
        .containsExactly("sent", "sent", "sent", "delivered", "read");
    // The receiver holds the last POST before the server has recorded its answer.
    await()
        .atMost(WAIT)
        .until(() -> fx.get("/v2/webhooks/" + id + "/deliveries").get("deliveries").size() >= 5);
    JsonNode log = fx.get("/v2/webhooks/" + id + "/deliveries").get("deliveries");
    assertThat(log).hasSize(5);
    JsonNode oldest = log.get(4);
    assertThat(oldest.get("succeeded").asBoolean()).isFalse();
    assertThat(oldest.get("http_status").asInt()).isEqualTo(500);
    assertThat(oldest.get("error").asString()).isEqualTo("HTTP 500");
    assertThat(oldest.get("latency_ms").asLong()).isNotNegative();
    assertThat(oldest.get("event_ids")).hasSize(1);
    assertThat(log.get(0).get("succeeded").asBoolean()).isTrue();
    assertThat(log.get(0).get("http_status").asInt()).isEqualTo(200);
    assertThat(oldest.get("event_ids").get(0).asString())
        .isEqualTo(log.get(2).get("event_ids").get(0).asString());
    assertThat(output.getAll())
        .contains("webhook_delivery_failed registration=" + id)
        .contains("status=500")
        .doesNotContain(fx.appSecret);
  }

  @Test
  void anEventTheEndpointKeepsRefusingHoldsBackOnlyItsOwnMessageUntilGivenUp() {
    String refusedNumber = "+14155550123";
    receiver.answering(post -> post.text().contains("\"14155550123\"") ? 500 : 200);
    String id = fx.register(receiver, VERIFY, Map.of());
    String refused = fx.send(refusedNumber, "Refused");
    String accepted = fx.send(RECIPIENT, "Accepted");

    await().atMost(WAIT).until(() -> statusesOf(accepted).size() == 3);
    assertThat(statusesOf(accepted)).containsExactly("sent", "delivered", "read");
    assertThat(statusesOf(refused)).isEmpty();

    // Past the maximum retry age the refused events are failed, and kept.
    await()
        .atMost(WAIT)
        .until(
            () -> fx.get("/v2/webhooks/" + id + "/events?state=failed").get("events").size() == 3);
    JsonNode failed = fx.get("/v2/webhooks/" + id + "/events?state=failed").get("events");
    for (JsonNode event : failed) {
      assertThat(event.get("message_id").asString()).isEqualTo(refused);
      assertThat(event.get("last_error").asString()).isEqualTo("HTTP 500");
      assertThat(event.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
    }
    assertThat(fx.get("/v2/webhooks/" + id + "/events?state=pending").get("events")).isEmpty();

    receiver.answering(post -> 200);
    var redelivered = fx.api.postJson("/v2/webhooks/" + id + "/redeliver-failed", fx.token, "");
    assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(200);
    assertThat(redelivered.json().get("queued").asInt()).isEqualTo(3);
    await().atMost(WAIT).until(() -> statusesOf(refused).size() == 3);
    assertThat(statusesOf(refused)).containsExactly("sent", "delivered", "read");
  }

  @Test
  void redeliversOneLoggedDeliveryOnRequest() {
    String id = fx.register(receiver, VERIFY, Map.of());
    String messageId = fx.send(RECIPIENT, "Again");
    await().atMost(WAIT).until(() -> statusesOf(messageId).size() == 3);
    JsonNode log = fx.get("/v2/webhooks/" + id + "/deliveries").get("deliveries");
    String oldest = log.get(log.size() - 1).get("id").asString();

    var again =
        fx.api.postJson(
            "/v2/webhooks/" + id + "/deliveries/" + oldest + "/redeliver", fx.token, "");
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("queued").asInt()).isEqualTo(1);
    await().atMost(WAIT).until(() -> statusesOf(messageId).size() == 4);
    assertThat(statusesOf(messageId)).containsExactly("sent", "delivered", "read", "sent");
    List<String> ids =
        receiver.accepted().stream().map(p -> p.header("X-OpenWABA-Delivery-Id")).toList();
    assertThat(ids.get(3)).as("a redelivery carries the same event id").isEqualTo(ids.get(0));
  }

  @Test
  void batchesSeveralEventsIntoOnePostOnlyWhenTheRegistrationAsks() {
    fx.register(receiver, VERIFY, Map.of("max_events_per_post", 100));
    receiver.delaying(Duration.ofMillis(200));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(fx.send(RECIPIENT, "Batched " + i));
    }
    await().atMost(WAIT).until(() -> receiver.changes().size() == 60);
    assertThat(receiver.accepted().size()).isLessThan(60);
    assertThat(receiver.accepted())
        .anySatisfy(post -> assertThat(post.header("X-OpenWABA-Delivery-Id")).contains(","));
    for (String id : ids) {
      assertThat(statusesOf(id)).containsExactly("sent", "delivered", "read");
    }
  }

  /**
   * Many POSTs in flight while new events keep arriving: each event is posted once, and each
   * message's events in order (on SQLite the worker's claims live only in memory).
   */
  @Test
  void postsEachEventOnceWhileSendsAndPostsOverlap() throws Exception {
    fx.register(receiver, VERIFY, Map.of("max_events_per_post", 3));
    receiver.delaying(Duration.ofMillis(5));
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    List<Thread> senders = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int thread = t;
      Thread sender =
          new Thread(
              () -> {
                for (int i = 0; i < 20; i++) {
                  ids.add(fx.send(RECIPIENT, "Overlap " + thread + "-" + i));
                }
              });
      sender.start();
      senders.add(sender);
    }
    for (Thread sender : senders) {
      sender.join();
    }
    assertThat(ids).hasSize(120);
    await().atMost(WAIT).until(() -> receiver.changes().size() >= 360);
    await("no event arriving a second time")
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(() -> receiver.changes().size() == 360);
    List<String> eventIds = new ArrayList<>();
    for (WebhookReceiver.Received post : receiver.accepted()) {
      eventIds.addAll(List.of(post.header("X-OpenWABA-Delivery-Id").split(",")));
    }
    assertThat(eventIds).hasSize(360).doesNotHaveDuplicates();
    for (String id : ids) {
      assertThat(statusesOf(id)).containsExactly("sent", "delivered", "read");
    }
  }

  @Test
  void stopsDeliveringToADeletedRegistration() {
    String id = fx.register(receiver, VERIFY, Map.of());
    var deleted = fx.api.delete("/v2/webhooks/" + id, fx.token);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(fx.api.get("/v2/webhooks/" + id, fx.token).status()).isEqualTo(404);
    String messageId = fx.send(RECIPIENT, "Nobody listens");
    await().pollDelay(Duration.ofMillis(500)).atMost(WAIT).until(() -> true);
    assertThat(statusesOf(messageId)).isEmpty();
  }

  @Test
  void answersAFailedHandshakeWithWhatCameBack() {
    var wrongToken = fx.register(registration(receiver.url(), "not-the-token"));
    assertThat(wrongToken.status()).as(wrongToken.body()).isEqualTo(422);
    assertThat(wrongToken.json().get("error_code").asInt()).isEqualTo(190422);
    assertThat(wrongToken.json().get("details").asString()).contains("HTTP 403");

    receiver.answeringChallenge(challenge -> "ok");
    var wrongBody = fx.register(registration(receiver.url(), VERIFY));
    assertThat(wrongBody.status()).as(wrongBody.body()).isEqualTo(422);
    assertThat(wrongBody.json().get("details").asString())
        .contains("not exactly the hub.challenge");

    receiver.answeringChallenge(challenge -> challenge + "\n");
    assertThat(fx.register(registration(receiver.url(), VERIFY)).status()).isEqualTo(422);

    var unreachable = fx.register(registration("http://127.0.0.1:9/hook", VERIFY));
    assertThat(unreachable.status()).as(unreachable.body()).isEqualTo(422);
    assertThat(unreachable.json().get("details").asString()).contains("could not be reached");

    assertThat(fx.get("/v2/webhooks").get("webhooks")).isEmpty();
  }

  @Test
  void acceptsTheLastAllowedValues() {
    Map<String, Object> body = registration(receiver.url(), "t".repeat(256));
    receiver.expectingToken("t".repeat(256));
    body.put("max_events_per_post", 100);
    body.put("body_form", "json_stringify");
    var registered = fx.register(body);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    assertThat(registered.json().get("webhook").get("max_events_per_post").asInt()).isEqualTo(100);
    assertThat(registered.json().get("webhook").get("body_form").asString())
        .isEqualTo("json_stringify");
  }

  @Test
  void verifiesAgainOnlyWhenTheUrlOrTokenChanges() {
    String id = fx.register(receiver, VERIFY, Map.of());
    var events =
        fx.api.send(
            "PATCH",
            "/v2/webhooks/" + id,
            fx.token,
            "application/json",
            "{\"events\":[\"message\"]}".getBytes(StandardCharsets.UTF_8));
    assertThat(events.status()).as(events.body()).isEqualTo(200);
    assertThat(receiver.handshakes()).hasSize(1);
    assertThat(events.json().get("webhook").get("events").toString()).isEqualTo("[\"message\"]");

    var badToken =
        fx.api.send(
            "PATCH",
            "/v2/webhooks/" + id,
            fx.token,
            "application/json",
            "{\"verify_token\":\"changed\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(badToken.status()).as(badToken.body()).isEqualTo(422);
    assertThat(receiver.handshakes()).hasSize(2);

    receiver.expectingToken("changed");
    var goodToken =
        fx.api.send(
            "PATCH",
            "/v2/webhooks/" + id,
            fx.token,
            "application/json",
            "{\"verify_token\":\"changed\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(goodToken.status()).as(goodToken.body()).isEqualTo(200);
    assertThat(receiver.handshakes()).hasSize(3);
  }

  @Test
  void anotherAccountCannotSeeOrTouchARegistration() {
    String id = fx.register(receiver, VERIFY, Map.of());
    WebhookFixtures other = new WebhookFixtures(fx.api);
    assertThat(other.api.get("/v2/webhooks/" + id, other.token).status()).isEqualTo(404);
    assertThat(other.api.get("/v2/webhooks/" + id + "/deliveries", other.token).status())
        .isEqualTo(404);
    assertThat(other.api.get("/v2/webhooks/" + id + "/events", other.token).status())
        .isEqualTo(404);
    assertThat(
            other
                .api
                .postJson("/v2/webhooks/" + id + "/redeliver-failed", other.token, "")
                .status())
        .isEqualTo(404);
    assertThat(other.api.delete("/v2/webhooks/" + id, other.token).status()).isEqualTo(404);
    assertThat(other.get("/v2/webhooks").get("webhooks")).isEmpty();
    // The other account's messages never reach this registration.
    String messageId = other.send(RECIPIENT, "Not yours");
    String mine = fx.send(RECIPIENT, "Yours");
    await().atMost(WAIT).until(() -> statusesOf(mine).size() == 3);
    assertThat(statusesOf(messageId)).isEmpty();
  }

  JsonNode deviceSends(String number, Map<String, Object> body) {
    var sent =
        fx.api.postJson(
            "/v2/sandbox/devices/" + number.replace("+", "%2B") + "/send",
            fx.token,
            ApiClient.json(body));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    return sent.json();
  }

  /** The inbound messages received, in order of arrival. */
  List<JsonNode> inboundChanges() {
    return receiver.changes().stream().filter(c -> c.get("value").has("messages")).toList();
  }

  @Test
  void deliversADevicesMessageWithItsContactAndListsIt() {
    fx.register(receiver, VERIFY, Map.of());
    String business = fx.send(RECIPIENT, "Can I help?");
    JsonNode sent =
        deviceSends(RECIPIENT, Map.of("text", "Yes, my order 42", "reply_to", business));
    String inboundId = sent.get("message_id").asString();
    assertThat(inboundId).startsWith("wamid.");
    assertThat(sent.get("to").asString()).isEqualTo(fx.businessNumber);

    await().atMost(WAIT).until(() -> inboundChanges().size() == 1);
    JsonNode change = inboundChanges().get(0);
    assertThat(change.get("field").asString()).isEqualTo("messages");
    JsonNode value = change.get("value");
    assertThat(value.get("metadata").get("phone_number_id").asString()).isEqualTo(fx.phoneNumberId);
    JsonNode contact = value.get("contacts").get(0);
    assertThat(contact.get("wa_id").asString()).isEqualTo("14155552671");
    assertThat(contact.get("profile").get("name").asString()).isEqualTo("Sandbox user 2671");
    JsonNode message = value.get("messages").get(0);
    assertThat(message.get("from").asString()).isEqualTo("14155552671");
    assertThat(message.get("id").asString()).isEqualTo(inboundId);
    assertThat(message.get("timestamp").asString()).matches("[0-9]{10}");
    assertThat(message.get("type").asString()).isEqualTo("text");
    assertThat(message.get("text").get("body").asString()).isEqualTo("Yes, my order 42");
    assertThat(message.get("context").get("id").asString()).isEqualTo(business);
    assertThat(message.get("context").get("from").asString())
        .isEqualTo(fx.businessNumber.substring(1));

    JsonNode listed = fx.get("/v2/inbound-messages").get("messages");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("message_id").asString()).isEqualTo(inboundId);
    assertThat(listed.get(0).get("from").asString()).isEqualTo(RECIPIENT);
    assertThat(listed.get(0).get("text").asString()).isEqualTo("Yes, my order 42");
    assertThat(listed.get(0).get("reply_to").asString()).isEqualTo(business);
    assertThat(listed.get(0).get("timestamp").asString()).endsWith("Z");

    // The business replies to it, and the device sees what it quotes.
    String reply =
        fx.api
            .postJson(
                "/v2/send-message",
                fx.token,
                ApiClient.json(
                    Map.of("phone_number", RECIPIENT, "message", "Thanks", "reply_to", inboundId)))
            .json()
            .get("message_id")
            .asString();
    JsonNode inbox = fx.get("/v2/sandbox/devices/%2B14155552671/messages").get("data");
    JsonNode last = inbox.get(inbox.size() - 1);
    assertThat(last.get("message_id").asString()).isEqualTo(reply);
    assertThat(last.get("reply_to").asString()).isEqualTo(inboundId);
  }

  @Test
  void deliversAProfileChangeAsAContactUpdate() {
    fx.register(receiver, VERIFY, Map.of());
    var changed =
        fx.api.send(
            "PATCH",
            "/v2/sandbox/devices/%2B14155552671",
            fx.token,
            "application/json",
            "{\"profile_name\":\"Ana Lúcia\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);

    await().atMost(WAIT).until(() -> receiver.changes().size() == 1);
    JsonNode change = receiver.changes().get(0);
    assertThat(change.get("field").asString()).isEqualTo("contacts");
    JsonNode contact = change.get("value").get("contacts").get(0);
    assertThat(contact.get("wa_id").asString()).isEqualTo("14155552671");
    assertThat(contact.get("profile").get("name").asString()).isEqualTo("Ana Lúcia");
    assertThat(change.get("value").get("metadata").get("phone_number_id").asString())
        .isEqualTo(fx.phoneNumberId);

    deviceSends(RECIPIENT, Map.of("text", "It's me"));
    await().atMost(WAIT).until(() -> inboundChanges().size() == 1);
    assertThat(
            inboundChanges()
                .get(0)
                .get("value")
                .get("contacts")
                .get(0)
                .get("profile")
                .get("name")
                .asString())
        .isEqualTo("Ana Lúcia");
  }

  @Test
  void sendsMetasEscapedFormUnlessTheRegistrationAsksForJsonStringify() throws Exception {
    String text = "Olá 👋 Привет \"quoted\" \\ <tag> & \u2028 \u007f";
    fx.register(receiver, VERIFY, Map.of("events", List.of("message")));
    deviceSends(RECIPIENT, Map.of("text", text));
    await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
    WebhookReceiver.Received meta = receiver.accepted().get(0);
    String raw = new String(meta.body(), StandardCharsets.US_ASCII);
    for (byte b : meta.body()) {
      assertThat(b).as("Meta's form is pure ASCII").isNotNegative();
    }
    assertThat(raw).contains("Ol\\u00e1 \\ud83d\\udc4b \\u041f\\u0440\\u0438");
    assertThat(raw).contains("\\u2028");
    assertThat(meta.json().at("/entry/0/changes/0/value/messages/0/text/body").asString())
        .isEqualTo(text);
    assertThat(meta.header("X-Hub-Signature-256")).isEqualTo(hmac(fx.appSecret, meta.body()));

    WebhookReceiver second = new WebhookReceiver(VERIFY);
    try {
      fx.register(
          second, VERIFY, Map.of("events", List.of("message"), "body_form", "json_stringify"));
      deviceSends(RECIPIENT, Map.of("text", text));
      await().atMost(WAIT).until(() -> second.accepted().size() == 1);
      WebhookReceiver.Received stringify = second.accepted().get(0);
      assertThat(stringify.text()).contains("Olá 👋 Привет");
      assertThat(stringify.json().at("/entry/0/changes/0/value/messages/0/text/body").asString())
          .isEqualTo(text);
      assertThat(stringify.header("X-Hub-Signature-256"))
          .isEqualTo(hmac(fx.appSecret, stringify.body()));
      NodeVerifier.Result node = NodeVerifier.verify(fx.appSecret, stringify.body());
      assertThat(node.rawMatches()).isEqualTo(stringify.header("X-Hub-Signature-256"));
      assertThat(node.restringified())
          .as("JSON.stringify(JSON.parse(body)) gives back the exact bytes")
          .isEqualTo(stringify.header("X-Hub-Signature-256"));

      NodeVerifier.Result nodeMeta = NodeVerifier.verify(fx.appSecret, meta.body());
      assertThat(nodeMeta.rawMatches()).isEqualTo(meta.header("X-Hub-Signature-256"));
      assertThat(nodeMeta.restringified())
          .as("re-serialising Meta's form changes non-ASCII text, as with Meta's own webhooks")
          .isNotEqualTo(meta.header("X-Hub-Signature-256"));
    } finally {
      second.close();
    }
  }

  @Test
  void metasFormVerifiesTheSpecificationsNodeExampleForAsciiText() throws Exception {
    fx.register(receiver, VERIFY, Map.of("events", List.of("message")));
    deviceSends(RECIPIENT, Map.of("text", "Plain ASCII \"text\" with / and \\ and\ttab"));
    await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
    WebhookReceiver.Received post = receiver.accepted().get(0);
    NodeVerifier.Result node = NodeVerifier.verify(fx.appSecret, post.body());
    assertThat(node.rawMatches()).isEqualTo(post.header("X-Hub-Signature-256"));
    assertThat(node.restringified()).isEqualTo(post.header("X-Hub-Signature-256"));
  }

  @Test
  void writesNoEventForAChangeThatRolledBack() {
    fx.register(receiver, VERIFY, Map.of("events", List.of("message")));
    var failed =
        fx.api.postJson(
            "/v2/sandbox/devices/%2B14155552671/send",
            fx.token, ApiClient.json(Map.of("text", FailingInboundListener.POISON)));
    assertThat(failed.status()).as(failed.body()).isEqualTo(500);
    assertThat(failed.json().get("error_code").asInt()).isEqualTo(190500);
    deviceSends(RECIPIENT, Map.of("text", "kept"));

    await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
    await().pollDelay(Duration.ofMillis(300)).atMost(WAIT).until(() -> true);
    assertThat(receiver.posts()).hasSize(1);
    assertThat(inboundChanges().get(0).at("/value/messages/0/text/body").asString())
        .isEqualTo("kept");
    assertThat(fx.get("/v2/inbound-messages").get("messages")).hasSize(1);
  }

  @Test
  void reportsATemplatesReviewAsMetasTemplateStatusUpdate() {
    fx.register(receiver, VERIFY, Map.of("events", List.of("message_template_status_update")));
    var created =
        fx.api.postJson(
            "/v2/templates",
            fx.token,
            "{\"name\":\"order_ready\",\"language\":\"en_US\",\"category\":\"UTILITY\","
                + "\"components\":[{\"type\":\"BODY\",\"text\":\"Your order is ready\"}]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String templateId = created.json().get("template").get("id").asString();
    var rejected =
        fx.api.postJson(
            "/admin/v1/accounts/" + fx.accountId + "/templates/" + templateId + "/review",
            ApiClient.ADMIN_KEY,
            "{\"decision\":\"reject\",\"reason\":\"INVALID_FORMAT: the body starts with a variable\"}");
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

    await().atMost(WAIT).until(() -> !receiver.changes().isEmpty());
    JsonNode change = receiver.changes().get(receiver.changes().size() - 1);
    assertThat(change.get("field").asString()).isEqualTo("message_template_status_update");
    JsonNode value = change.get("value");
    assertThat(value.get("event").asString()).isEqualTo("REJECTED");
    assertThat(value.get("message_template_id").isNumber()).isTrue();
    assertThat(value.get("message_template_id").asLong()).isEqualTo(Long.parseLong(templateId));
    assertThat(value.get("message_template_name").asString()).isEqualTo("order_ready");
    assertThat(value.get("message_template_language").asString()).isEqualTo("en_US");
    assertThat(value.get("reason").asString()).isEqualTo("INVALID_FORMAT");
    assertThat(value.get("rejection_info").get("recommendation").asString())
        .isEqualTo("the body starts with a variable");
  }

  ApiClient.Response deviceSendsMedia(Multipart body) {
    return fx.api.send(
        "POST",
        "/v2/sandbox/devices/%2B14155552671/send-media",
        fx.token,
        Multipart.CONTENT_TYPE,
        body.build());
  }

  @Test
  void deliversADevicesMediaWhichTheBusinessDownloadsThroughTheMediaApi() {
    fx.register(receiver, VERIFY, Map.of("events", List.of("message")));
    byte[] png = SampleFiles.png(40, 30);
    var sent =
        deviceSendsMedia(
            new Multipart().field("caption", "My receipt").file("receipt.png", "image/png", png));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    assertThat(sent.json().get("type").asString()).isEqualTo("image");
    String mediaId = sent.json().get("media").get("id").asString();

    await().atMost(WAIT).until(() -> inboundChanges().size() == 1);
    JsonNode message = inboundChanges().get(0).get("value").get("messages").get(0);
    assertThat(message.get("type").asString()).isEqualTo("image");
    JsonNode image = message.get("image");
    assertThat(image.get("id").asString()).isEqualTo(mediaId);
    assertThat(image.get("mime_type").asString()).isEqualTo("image/png");
    assertThat(image.get("caption").asString()).isEqualTo("My receipt");
    assertThat(image.get("sha256").asString())
        .isEqualTo(java.util.HexFormat.of().formatHex(sha256(png)));
    assertThat(message.has("text")).isFalse();

    var download = fx.api.send("GET", "/v2/media/" + mediaId + "/download", fx.token, null, null);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Type")).isEqualTo("image/png");
    assertThat(download.header("Content-Length")).isEqualTo(Integer.toString(png.length));
    JsonNode listed = fx.get("/v2/inbound-messages").get("messages").get(0);
    assertThat(listed.get("type").asString()).isEqualTo("image");
    assertThat(listed.get("text").asString()).isEqualTo("My receipt");
    assertThat(listed.get("media").get("id").asString()).isEqualTo(mediaId);
  }

  @Test
  void deliversADocumentWithItsFilenameAndRefusesWhatIsNotMedia() {
    fx.register(receiver, VERIFY, Map.of("events", List.of("message")));
    var sent =
        deviceSendsMedia(
            new Multipart().file("contract.pdf", "application/pdf", SampleFiles.pdf()));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    await().atMost(WAIT).until(() -> inboundChanges().size() == 1);
    JsonNode document = inboundChanges().get(0).get("value").get("messages").get(0).get("document");
    assertThat(document.get("filename").asString()).isEqualTo("contract.pdf");
    assertThat(document.get("mime_type").asString()).isEqualTo("application/pdf");
    assertThat(document.has("caption")).isFalse();

    var notMedia =
        deviceSendsMedia(
            new Multipart().file("run.pdf", "application/pdf", SampleFiles.executable()));
    assertThat(notMedia.status()).as(notMedia.body()).isEqualTo(400);
    assertThat(notMedia.json().get("error_code").asInt()).isEqualTo(131053);
    var captionedSticker =
        deviceSendsMedia(
            new Multipart()
                .field("caption", "no captions on stickers")
                .file("s.webp", "image/webp", SampleFiles.webpStatic(512, 512, 2000)));
    assertThat(captionedSticker.status()).as(captionedSticker.body()).isEqualTo(400);
    assertThat(captionedSticker.json().get("details").asString()).contains("not on sticker");
    var sticker =
        deviceSendsMedia(
            new Multipart().file("s.webp", "image/webp", SampleFiles.webpStatic(512, 512, 2000)));
    assertThat(sticker.status()).as(sticker.body()).isEqualTo(201);
    await().atMost(WAIT).until(() -> inboundChanges().size() == 2);
    JsonNode stickerMessage = inboundChanges().get(1).get("value").get("messages").get(0);
    assertThat(stickerMessage.get("type").asString()).isEqualTo("sticker");
    assertThat(stickerMessage.get("sticker").get("animated").asBoolean()).isFalse();
    var missing = deviceSendsMedia(new Multipart().field("caption", "no file"));
    assertThat(missing.status()).as(missing.body()).isEqualTo(400);
    assertThat(missing.json().get("details").asString()).contains("'file'");
    await().pollDelay(Duration.ofMillis(300)).atMost(WAIT).until(() -> true);
    assertThat(inboundChanges()).hasSize(2);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> registration(String url, String verifyToken) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("url", url);
    body.put("verify_token", verifyToken);
    body.put("events", List.of("message_status"));
    return body;
  }
}
