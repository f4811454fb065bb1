package org.openwaba.network.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.openwaba.network.DeliveryStatus.DELIVERED;
import static org.openwaba.network.DeliveryStatus.FAILED;
import static org.openwaba.network.DeliveryStatus.READ;
import static org.openwaba.network.sandbox.DeviceBehaviour.NEVER_READS_NUMBER;
import static org.openwaba.network.sandbox.DeviceBehaviour.NOT_ON_WHATSAPP_NUMBER;
import static org.openwaba.network.sandbox.DeviceBehaviour.OFFLINE_NUMBER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.network.DeliveryError;
import org.openwaba.network.DeliveryReport;
import org.openwaba.network.OutboundMessage;
import org.openwaba.network.sandbox.store.ReceivedMessageStore;
import org.openwaba.network.sandbox.store.StoredMessage;
import org.openwaba.testing.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox network and its API as clients see them, with zero delays (application-test.yml); run
 * on both databases. Deliveries are driven through the {@link SandboxNetwork} bean, as the
 * dispatcher would, and reports are observed through {@link RecordedReports}.
 */
abstract class SandboxApiHttpContract {

  static final String RECIPIENT = "+14155552671";

  @LocalServerPort int port;
  @Autowired SandboxNetwork network;
  @Autowired TransactionTemplate transactions;
  @Autowired RecordedReports reports;
  @Autowired ReceivedMessageStore stored;

  ApiClient api;
  SandboxTenant tenant;

  @BeforeEach
  void tenant() {
    api = new ApiClient(port);
    tenant = SandboxTenant.create(api);
  }

  @Test
  void deliversAndReadsAtOnceWhenDelaysAreZero() {
    OutboundMessage message = tenant.message(RECIPIENT);

    deliver(message);

    assertThat(reports.statusesOf(message.messageId())).containsExactly(DELIVERED, READ);
    JsonNode received = onlyMessage(messages(RECIPIENT, tenant.token()));
    assertThat(received.get("message_id").asString()).isEqualTo(message.messageId());
    assertThat(received.get("from").asString()).isEqualTo(tenant.businessNumber());
    assertThat(received.get("type").asString()).isEqualTo("text");
    assertThat(received.get("body").asString()).isEqualTo(SandboxTenant.BODY);
    assertThat(received.get("formatting").toString())
        .isEqualTo(
            "[{\"text\":\"Hello \",\"styles\":[]},{\"text\":\"there\",\"styles\":[\"bold\"]}]");
    assertThat(received.get("preview_url").asBoolean()).isFalse();
    assertThat(received.has("reply_to")).isTrue();
    assertThat(received.get("reply_to").isNull()).isTrue();
    Instant receivedAt = Instant.parse(received.get("received_at").asString());
    Instant deliveredAt = Instant.parse(received.get("delivered_at").asString());
    Instant readAt = Instant.parse(received.get("read_at").asString());
    assertThat(received.get("received_at").asString()).endsWith("Z");
    assertThat(deliveredAt).isEqualTo(receivedAt).isEqualTo(readAt);
    assertThat(reports.of(message.messageId()).get(0).at()).isEqualTo(deliveredAt);

    JsonNode device = device(RECIPIENT, tenant.token());
    assertThat(device.get("number").asString()).isEqualTo(RECIPIENT);
    assertThat(device.get("online").asBoolean()).isTrue();
    assertThat(device.get("behaviour").asString()).isEqualTo("default");
    assertThat(device.get("counts").toString())
        .isEqualTo("{\"received\":1,\"undelivered\":0,\"delivered\":1,\"read\":1}");
  }

  @Test
  void receivesAMessageHandedOverTwiceOnce() {
    OutboundMessage message = tenant.message(RECIPIENT);

    deliver(message);
    deliver(message);
    transactions.executeWithoutResult(
        status -> {
          network.deliver(List.of(message));
          network.deliver(List.of(message));
        });

    assertThat(reports.statusesOf(message.messageId())).containsExactly(DELIVERED, READ);
    assertThat(messages(RECIPIENT, tenant.token()).get("data")).hasSize(1);
    assertThat(device(RECIPIENT, tenant.token()).get("counts").get("received").asInt())
        .isEqualTo(1);
  }

  @Test
  void numbersABatchsMessagesToOneDeviceConsecutivelyInTheirOrder() {
    deliver(tenant.message(RECIPIENT));
    OutboundMessage first = tenant.message(RECIPIENT);
    OutboundMessage second = tenant.message(RECIPIENT);
    OutboundMessage third = tenant.message(RECIPIENT);

    deliver(
        List.of(
            first,
            tenant.message(NEVER_READS_NUMBER),
            second,
            tenant.message(NOT_ON_WHATSAPP_NUMBER),
            tenant.message(OFFLINE_NUMBER),
            third));

    assertThat(stored.latest(tenant.accountId(), RECIPIENT, 3))
        .extracting(StoredMessage::messageId, StoredMessage::seq)
        .containsExactly(
            tuple(first.messageId(), 2L),
            tuple(second.messageId(), 3L),
            tuple(third.messageId(), 4L));
    assertThat(stored.latest(tenant.accountId(), OFFLINE_NUMBER, 3))
        .extracting(StoredMessage::seq)
        .containsExactly(1L);
    assertThat(messages(RECIPIENT, tenant.token()).get("data"))
        .extracting(message -> message.get("message_id").asString())
        .endsWith(first.messageId(), second.messageId(), third.messageId());
  }

  @Test
  void reportsNothingForAMessageDeliveredEarlierAndDeliversTheRestOfItsBatchOnce() {
    OutboundMessage earlier = tenant.message(RECIPIENT);
    deliver(earlier);
    OutboundMessage fresh = tenant.message(RECIPIENT);
    OutboundMessage failing = tenant.message(NOT_ON_WHATSAPP_NUMBER);
    OutboundMessage unread = tenant.message(NEVER_READS_NUMBER);

    deliver(List.of(fresh, earlier, failing, unread, fresh, failing));

    assertThat(reports.statusesOf(earlier.messageId())).containsExactly(DELIVERED, READ);
    assertThat(reports.eventsAbout(List.of(fresh.messageId(), unread.messageId())))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.reports())
                    .extracting(DeliveryReport::messageId, DeliveryReport::status)
                    .containsExactly(
                        tuple(fresh.messageId(), DELIVERED),
                        tuple(fresh.messageId(), READ),
                        tuple(failing.messageId(), FAILED),
                        tuple(unread.messageId(), DELIVERED)));
    assertThat(stored.latest(tenant.accountId(), RECIPIENT, 10))
        .extracting(StoredMessage::messageId, StoredMessage::seq)
        .containsExactly(tuple(earlier.messageId(), 1L), tuple(fresh.messageId(), 2L));
    assertThat(device(NEVER_READS_NUMBER, tenant.token()).get("counts").get("received").asInt())
        .isEqualTo(1);
  }

  @Test
  void reportsWhatABatchMixingMagicAndDefaultDevicesDidInOneEventInTheBatchsOrder() {
    OutboundMessage first = tenant.message(RECIPIENT);
    OutboundMessage failing = tenant.message(NOT_ON_WHATSAPP_NUMBER);
    OutboundMessage waiting = tenant.message(OFFLINE_NUMBER);
    OutboundMessage unread = tenant.message(NEVER_READS_NUMBER);
    OutboundMessage last = tenant.message("+447700900123");
    List<OutboundMessage> batch = List.of(first, failing, waiting, unread, last);

    deliver(batch);

    List<String> ids = batch.stream().map(OutboundMessage::messageId).toList();
    assertThat(reports.eventsAbout(ids))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.reports())
                    .extracting(DeliveryReport::messageId, DeliveryReport::status)
                    .containsExactly(
                        tuple(first.messageId(), DELIVERED),
                        tuple(first.messageId(), READ),
                        tuple(failing.messageId(), FAILED),
                        tuple(unread.messageId(), DELIVERED),
                        tuple(last.messageId(), DELIVERED),
                        tuple(last.messageId(), READ)));
    assertThat(reports.of(failing.messageId()).get(0).error().code()).isEqualTo(131026);
    assertThat(device(OFFLINE_NUMBER, tenant.token()).get("counts").get("undelivered").asInt())
        .isEqualTo(1);
  }

  @Test
  void appliesTheBacklogOfManyMessagesAsOneBatchReportingDeliveredBeforeReadInOneEvent() {
    List<OutboundMessage> sent =
        IntStream.range(0, 12).mapToObj(i -> tenant.message(OFFLINE_NUMBER)).toList();
    List<String> ids = sent.stream().map(OutboundMessage::messageId).toList();
    deliver(sent);
    assertThat(reports.eventsAbout(ids)).isEmpty();

    assertThat(patchOnline(OFFLINE_NUMBER, tenant.token(), "{\"online\":true}").status())
        .isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(reports.eventsAbout(ids)).isNotEmpty());
    assertThat(reports.eventsAbout(ids))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.reports())
                    .extracting(DeliveryReport::messageId, DeliveryReport::status)
                    .containsExactlyElementsOf(
                        ids.stream()
                            .flatMap(id -> Stream.of(tuple(id, DELIVERED), tuple(id, READ)))
                            .toList()));
    assertThat(device(OFFLINE_NUMBER, tenant.token()).get("counts").get("read").asInt())
        .isEqualTo(12);
  }

  @Test
  void failsMessagesToTheNotOnWhatsAppNumberWith131026AndStoresNothing() {
    OutboundMessage message = tenant.message(NOT_ON_WHATSAPP_NUMBER);

    deliver(message);

    List<DeliveryReport> reported = reports.of(message.messageId());
    assertThat(reported).extracting(DeliveryReport::status).containsExactly(FAILED);
    assertThat(reported.get(0).error())
        .isEqualTo(
            new DeliveryError(
                131026,
                "Message undeliverable",
                "+12025550101 is not on WhatsApp (sandbox magic number)"));
    assertThat(messages(NOT_ON_WHATSAPP_NUMBER, tenant.token()).get("data")).isEmpty();
    JsonNode device = device(NOT_ON_WHATSAPP_NUMBER, tenant.token());
    assertThat(device.get("behaviour").asString()).isEqualTo("not_on_whatsapp");
    assertThat(device.get("online").asBoolean()).isFalse();
    assertThat(device.get("counts").get("received").asInt()).isZero();
  }

  @Test
  void refusesToSwitchTheNotOnWhatsAppNumber() {
    var response = patchOnline(NOT_ON_WHATSAPP_NUMBER, tenant.token(), "{\"online\":true}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error_code").asInt()).isEqualTo(132000);
    assertThat(response.json().get("details").asString()).contains("not-on-WhatsApp");
  }

  @Test
  void holdsMessagesForAnOfflineDeviceUntilItIsSwitchedOnlineThenDeliversThemInOrder() {
    List<OutboundMessage> sent =
        Stream.of(1, 2, 3).map(i -> tenant.message(OFFLINE_NUMBER)).toList();
    List<String> ids = sent.stream().map(OutboundMessage::messageId).toList();

    sent.forEach(this::deliver);

    ids.forEach(id -> assertThat(reports.of(id)).isEmpty());
    JsonNode offline = device(OFFLINE_NUMBER, tenant.token());
    assertThat(offline.get("online").asBoolean()).isFalse();
    assertThat(offline.get("behaviour").asString()).isEqualTo("offline");
    assertThat(offline.get("counts").get("undelivered").asInt()).isEqualTo(3);

    var switched = patchOnline(OFFLINE_NUMBER, tenant.token(), "{\"online\":true}");

    assertThat(switched.status()).as(switched.body()).isEqualTo(200);
    assertThat(switched.json().get("online").asBoolean()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                ids.forEach(
                    id -> assertThat(reports.statusesOf(id)).containsExactly(DELIVERED, READ)));
    assertThat(reports.reportedWith(DELIVERED, ids)).containsExactlyElementsOf(ids);
    assertThat(device(OFFLINE_NUMBER, tenant.token()).get("counts").get("read").asInt())
        .isEqualTo(3);
  }

  @Test
  void keepsMessagesWaitingOnADeviceSwitchedOffline() {
    assertThat(patchOnline(RECIPIENT, tenant.token(), "{\"online\":false}").status())
        .isEqualTo(200);
    OutboundMessage message = tenant.message(RECIPIENT);

    deliver(message);

    assertThat(reports.of(message.messageId())).isEmpty();
    JsonNode waiting = onlyMessage(messages(RECIPIENT, tenant.token()));
    assertThat(waiting.get("delivered_at").isNull()).isTrue();
    assertThat(device(RECIPIENT, tenant.token()).get("online").asBoolean()).isFalse();
  }

  @Test
  void neverReadsDeviceReadsOnlyThroughTheApi() {
    OutboundMessage message = tenant.message(NEVER_READS_NUMBER);

    deliver(message);

    assertThat(reports.statusesOf(message.messageId())).containsExactly(DELIVERED);
    assertThat(onlyMessage(messages(NEVER_READS_NUMBER, tenant.token())).get("read_at").isNull())
        .isTrue();

    var read = read(NEVER_READS_NUMBER, message.messageId(), tenant.token());

    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().get("read_at").isNull()).isFalse();
    assertThat(reports.statusesOf(message.messageId())).containsExactly(DELIVERED, READ);
  }

  @Test
  void readingAnUndeliveredMessageReportsDeliveredThenRead() {
    OutboundMessage message = tenant.message(OFFLINE_NUMBER);
    deliver(message);
    assertThat(reports.of(message.messageId())).isEmpty();

    var read = read(OFFLINE_NUMBER, message.messageId(), tenant.token());

    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(reports.statusesOf(message.messageId())).containsExactly(DELIVERED, READ);
    JsonNode view = read.json();
    assertThat(view.get("message_id").asString()).isEqualTo(message.messageId());
    assertThat(Instant.parse(view.get("delivered_at").asString()))
        .isBeforeOrEqualTo(Instant.parse(view.get("read_at").asString()));
  }

  @Test
  void readingTwiceIsHarmless() {
    OutboundMessage message = tenant.message(NEVER_READS_NUMBER);
    deliver(message);

    var first = read(NEVER_READS_NUMBER, message.messageId(), tenant.token());
    var second = read(NEVER_READS_NUMBER, message.messageId(), tenant.token());

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("read_at").asString())
        .isEqualTo(first.json().get("read_at").asString());
    assertThat(reports.statusesOf(message.messageId())).containsExactly(DELIVERED, READ);
  }

  @Test
  void readingAnUnknownMessageIs404() {
    var response = read(RECIPIENT, "wamid.unknown", tenant.token());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("error_code").asInt()).isEqualTo(190404);
  }

  @Test
  void keepsEachAccountsDevicesApart() {
    OutboundMessage message = tenant.message(RECIPIENT);
    deliver(message);
    SandboxTenant other = SandboxTenant.create(api);

    assertThat(messages(RECIPIENT, other.token()).get("data")).isEmpty();
    assertThat(device(RECIPIENT, other.token()).get("counts").get("received").asInt()).isZero();
    var foreignRead = read(RECIPIENT, message.messageId(), other.token());
    assertThat(foreignRead.status()).isEqualTo(404);
    assertThat(foreignRead.json().get("error_code").asInt()).isEqualTo(190404);
    assertThat(patchOnline(RECIPIENT, other.token(), "{\"online\":false}").status()).isEqualTo(200);

    assertThat(device(RECIPIENT, tenant.token()).get("online").asBoolean()).isTrue();
    assertThat(messages(RECIPIENT, tenant.token()).get("data")).hasSize(1);
  }

  @Test
  void refusesAnAccountWithoutASandboxNumber() {
    String token = SandboxTenant.tokenWithoutPhoneNumber(api);

    List<ApiClient.Response> responses =
        List.of(
            api.get("/v2/sandbox/devices/" + RECIPIENT, token),
            api.get("/v2/sandbox/devices/" + RECIPIENT + "/messages", token),
            patchOnline(RECIPIENT, token, "{\"online\":false}"),
            read(RECIPIENT, "wamid.any", token));

    assertThat(responses)
        .allSatisfy(
            response -> {
              assertThat(response.status()).as(response.body()).isEqualTo(403);
              assertThat(response.json().get("error_code").asInt()).isEqualTo(190403);
            });
  }

  @Test
  void acceptsLimitsFrom1To1000AndKeepsTheNewest() {
    OutboundMessage older = tenant.message(RECIPIENT);
    OutboundMessage newer = tenant.message(RECIPIENT);
    deliver(older);
    deliver(newer);

    JsonNode one = messagesWithLimit("1", 200);
    JsonNode all = messagesWithLimit("1000", 200);

    assertThat(one.get("data")).hasSize(1);
    assertThat(one.get("data").get(0).get("message_id").asString()).isEqualTo(newer.messageId());
    assertThat(all.get("data")).hasSize(2);
    assertThat(all.get("data").get(0).get("message_id").asString()).isEqualTo(older.messageId());
    assertThat(all.get("data").get(1).get("message_id").asString()).isEqualTo(newer.messageId());
  }

  @Test
  void refusesLimitsOutside1To1000() {
    for (String limit : List.of("0", "1001", "-1", "ten")) {
      JsonNode error = messagesWithLimit(limit, 400);
      assertThat(error.get("error_code").asInt()).isEqualTo(132000);
      assertThat(error.get("details").asString()).contains("limit");
    }
    assertThat(messagesWithLimit("1001", 400).get("details").asString())
        .contains("between 1 and 1000");
  }

  @Test
  void refusesMalformedNumbersWith132000() {
    for (String number : List.of("14155552671", "+1415abc2671", "%2B999", "%2B1")) {
      var response = api.get("/v2/sandbox/devices/" + number, tenant.token());
      assertThat(response.status()).as(number + ": " + response.body()).isEqualTo(400);
      assertThat(response.json().get("error_code").asInt()).isEqualTo(132000);
    }
  }

  @Test
  void acceptsTheNumberWithAnEncodedOrLiteralPlus() {
    for (String number : List.of("%2B14155552671", "+14155552671", "%2B1%20415%20555%202671")) {
      var response = api.get("/v2/sandbox/devices/" + number, tenant.token());
      assertThat(response.status()).as(number + ": " + response.body()).isEqualTo(200);
      assertThat(response.json().get("number").asString()).isEqualTo(RECIPIENT);
    }
  }

  @Test
  void refusesASwitchWithoutOnline() {
    var response = patchOnline(RECIPIENT, tenant.token(), "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error_code").asInt()).isEqualTo(132000);
  }

  @Test
  void showsAnUnusedMagicDeviceWithItsDefaults() {
    JsonNode device = device(OFFLINE_NUMBER, tenant.token());

    assertThat(device.get("online").asBoolean()).isFalse();
    assertThat(device.get("counts").get("received").asInt()).isZero();
  }

  @Test
  void refusesRequestsWithoutAToken() {
    var response = api.get("/v2/sandbox/devices/" + RECIPIENT, null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("error_code").asInt()).isEqualTo(131030);
  }

  @Test
  void servesTheBootstrapAccount() {
    var response = api.get("/v2/sandbox/devices/" + RECIPIENT, ApiClient.TOKEN);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  void deliver(OutboundMessage message) {
    deliver(List.of(message));
  }

  /** Hands a batch over as the dispatcher does: in one call, inside its transaction. */
  void deliver(List<OutboundMessage> batch) {
    transactions.executeWithoutResult(status -> network.deliver(batch));
  }

  ApiClient.Response deviceSends(String number, String token, Map<String, Object> body) {
    return api.postJson(
        "/v2/sandbox/devices/" + number.replace("+", "%2B") + "/send", token, ApiClient.json(body));
  }

  static void assertRefused(ApiClient.Response response, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("error_code").asInt()).isEqualTo(132000);
    assertThat(response.json().get("details").asString()).contains(details);
  }

  @Test
  void aDeviceSendsTextUpToTheLimitToTheBusiness() {
    String longest = "é".repeat(4096);
    var sent = deviceSends(RECIPIENT, tenant.token(), Map.of("text", longest));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    assertThat(sent.json().get("message_id").asString()).startsWith("wamid.");
    assertThat(sent.json().get("from").asString()).isEqualTo(RECIPIENT);
    assertThat(sent.json().get("to").asString()).isEqualTo(tenant.businessNumber());
    assertThat(sent.json().get("body").asString()).isEqualTo(longest);
    assertThat(sent.json().get("reply_to").isNull()).isTrue();

    var explicit =
        deviceSends(RECIPIENT, tenant.token(), Map.of("text", "hi", "to", tenant.businessNumber()));
    assertThat(explicit.status()).as(explicit.body()).isEqualTo(201);
  }

  @Test
  void refusesWhatADeviceCannotSend() {
    assertRefused(deviceSends(RECIPIENT, tenant.token(), Map.of()), "text is required");
    assertRefused(deviceSends(RECIPIENT, tenant.token(), Map.of("text", "")), "text is required");
    assertRefused(
        deviceSends(RECIPIENT, tenant.token(), Map.of("text", "x".repeat(4097))), "at most 4096");
    assertRefused(deviceSends("+12025550102", tenant.token(), Map.of("text", "hi")), "is offline");
    assertRefused(
        deviceSends("+12025550101", tenant.token(), Map.of("text", "hi")), "not-on-WhatsApp");
    assertRefused(
        deviceSends(RECIPIENT, tenant.token(), Map.of("text", "hi", "to", "+12025550199")),
        "sandbox numbers");
    assertRefused(
        deviceSends(RECIPIENT, tenant.token(), Map.of("text", "hi", "reply_to", "wamid.nope")),
        "reply_to");
    assertThat(deviceSends(RECIPIENT, "owa_wrong", Map.of("text", "hi")).status()).isEqualTo(401);
  }

  @Test
  void changesAProfileNameWithinItsLimits() {
    assertThat(
            patchOnline(RECIPIENT, tenant.token(), "{\"profile_name\":\"" + "n".repeat(256) + "\"}")
                .status())
        .isEqualTo(200);
    assertRefused(
        patchOnline(RECIPIENT, tenant.token(), "{\"profile_name\":\"" + "n".repeat(257) + "\"}"),
        "1 to 256");
    assertRefused(patchOnline(RECIPIENT, tenant.token(), "{\"profile_name\":\"  \"}"), "1 to 256");
    var sent = deviceSends(RECIPIENT, tenant.token(), Map.of("text", "hi"));
    assertThat(sent.json().get("profile_name").asString()).isEqualTo("n".repeat(256));
  }

  JsonNode device(String number, String token) {
    var response = api.get("/v2/sandbox/devices/" + number, token);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  JsonNode messages(String number, String token) {
    var response = api.get("/v2/sandbox/devices/" + number + "/messages", token);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private JsonNode messagesWithLimit(String limit, int expectedStatus) {
    var response =
        api.get("/v2/sandbox/devices/" + RECIPIENT + "/messages?limit=" + limit, tenant.token());
    assertThat(response.status()).as(limit + ": " + response.body()).isEqualTo(expectedStatus);
    return response.json();
  }

  ApiClient.Response patchOnline(String number, String token, String body) {
    return api.send(
        "PATCH",
        "/v2/sandbox/devices/" + number,
        token,
        "application/json",
        body.getBytes(StandardCharsets.UTF_8));
  }

  ApiClient.Response read(String number, String messageId, String token) {
    return api.postJson(
        "/v2/sandbox/devices/" + number + "/messages/" + messageId + "/read", token, "");
  }

  static JsonNode onlyMessage(JsonNode list) {
    assertThat(list.get("data")).hasSize(1);
    return list.get("data").get(0);
  }
}
