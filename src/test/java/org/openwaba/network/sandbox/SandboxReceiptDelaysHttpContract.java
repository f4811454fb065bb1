package org.openwaba.network.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openwaba.network.DeliveryStatus.DELIVERED;
import static org.openwaba.network.DeliveryStatus.READ;
import static org.openwaba.network.sandbox.DeviceBehaviour.NEVER_READS_NUMBER;
import static org.openwaba.network.sandbox.DeviceBehaviour.OFFLINE_NUMBER;
import static org.openwaba.network.sandbox.DeviceBehaviour.SLOW_NUMBER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.network.OutboundMessage;
import org.openwaba.network.sandbox.store.ReceiptKind;
import org.openwaba.network.sandbox.store.ReceiptStore;
import org.openwaba.testing.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Receipts with real delays, applied by the background worker; run on both databases. A batch size
 * of 2 makes the worker go through several batches in one poll.
 */
@TestPropertySource(
    properties = {
      "openwaba.sandbox.delivered-delay=500ms",
      "openwaba.sandbox.read-delay=300ms",
      "openwaba.sandbox.slow-delivery-delay=1500ms",
      "openwaba.sandbox.batch-size=2"
    })
abstract class SandboxReceiptDelaysHttpContract {

  static final String RECIPIENT = "+14155552671";
  static final Duration DELIVERED_DELAY = Duration.ofMillis(500);
  static final Duration READ_DELAY = Duration.ofMillis(300);
  static final Duration SLOW_DELAY = Duration.ofMillis(1500);
  static final Duration PATIENCE = Duration.ofSeconds(15);

  @LocalServerPort int port;
  @Autowired SandboxNetwork network;
  @Autowired TransactionTemplate transactions;
  @Autowired RecordedReports reports;
  @Autowired ReceiptStore receipts;

  ApiClient api;
  SandboxTenant tenant;

  @BeforeEach
  void tenant() {
    api = new ApiClient(port);
    tenant = SandboxTenant.create(api);
  }

  @Test
  void deliversAfterTheDeliveredDelayThenReadsAfterTheReadDelay() {
    OutboundMessage message = tenant.message(RECIPIENT);

    deliver(message);

    assertThat(reports.of(message.messageId())).isEmpty();
    JsonNode waiting = only(RECIPIENT);
    Instant receivedAt = Instant.parse(waiting.get("received_at").asString());
    assertThat(receipts.ofMessage(message.messageId()))
        .hasValueSatisfying(
            receipt -> {
              assertThat(receipt.kind()).isEqualTo(ReceiptKind.DELIVERED);
              assertThat(receipt.dueAt()).isEqualTo(receivedAt.plus(DELIVERED_DELAY));
            });

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(reports.statusesOf(message.messageId()))
                    .containsExactly(DELIVERED, READ));
    JsonNode done = only(RECIPIENT);
    Instant deliveredAt = Instant.parse(done.get("delivered_at").asString());
    Instant readAt = Instant.parse(done.get("read_at").asString());
    assertThat(deliveredAt).isAfterOrEqualTo(receivedAt.plus(DELIVERED_DELAY));
    assertThat(readAt).isAfterOrEqualTo(deliveredAt.plus(READ_DELAY));
    assertThat(reports.of(message.messageId()).get(0).at()).isEqualTo(deliveredAt);
    assertThat(reports.of(message.messageId()).get(1).at()).isEqualTo(readAt);
    assertThat(receipts.ofMessage(message.messageId())).isEmpty();
  }

  @Test
  void deliversToTheSlowNumberAfterTheSlowDelay() {
    OutboundMessage message = tenant.message(SLOW_NUMBER);

    deliver(message);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(reports.statusesOf(message.messageId()))
                    .containsExactly(DELIVERED, READ));
    JsonNode done = only(SLOW_NUMBER);
    assertThat(Instant.parse(done.get("delivered_at").asString()))
        .isAfterOrEqualTo(Instant.parse(done.get("received_at").asString()).plus(SLOW_DELAY));
  }

  @Test
  void appliesManyReceiptsAcrossBatchesInTheOrderMessagesWereSent() {
    List<OutboundMessage> sent =
        IntStream.range(0, 7).mapToObj(i -> tenant.message(RECIPIENT)).toList();
    List<String> ids = sent.stream().map(OutboundMessage::messageId).toList();

    sent.forEach(this::deliver);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                ids.forEach(
                    id -> assertThat(reports.statusesOf(id)).containsExactly(DELIVERED, READ)));
    assertThat(reports.reportedWith(DELIVERED, ids)).containsExactlyElementsOf(ids);
  }

  @Test
  void deliversTheOfflineBacklogTheDeliveredDelayAfterSwitchingOnline() {
    OutboundMessage first = tenant.message(OFFLINE_NUMBER);
    OutboundMessage second = tenant.message(OFFLINE_NUMBER);
    deliver(first);
    deliver(second);
    assertThat(receipts.ofMessage(first.messageId())).isEmpty();
    Instant beforeSwitch = Instant.now();

    assertThat(patchOnline(OFFLINE_NUMBER, true).status()).isEqualTo(200);

    List<String> ids = List.of(first.messageId(), second.messageId());
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                ids.forEach(
                    id -> assertThat(reports.statusesOf(id)).containsExactly(DELIVERED, READ)));
    assertThat(reports.reportedWith(DELIVERED, ids)).containsExactlyElementsOf(ids);
    assertThat(reports.of(first.messageId()).get(0).at())
        .isAfterOrEqualTo(beforeSwitch.plus(DELIVERED_DELAY));
  }

  @Test
  void queuesNoReadForADeviceThatNeverReads() {
    OutboundMessage message = tenant.message(NEVER_READS_NUMBER);

    deliver(message);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(reports.statusesOf(message.messageId())).containsExactly(DELIVERED));
    assertThat(receipts.ofMessage(message.messageId())).isEmpty();
  }

  @Test
  void readingBeforeTheDelaysEndReportsAtOnceAndDropsTheQueuedReceipts() {
    OutboundMessage message = tenant.message(SLOW_NUMBER);
    deliver(message);

    var read =
        api.postJson(
            "/v2/sandbox/devices/" + SLOW_NUMBER + "/messages/" + message.messageId() + "/read",
            tenant.token(),
            "");

    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(reports.statusesOf(message.messageId())).containsExactly(DELIVERED, READ);
    assertThat(receipts.ofMessage(message.messageId())).isEmpty();
  }

  @Test
  void dropsADeliveryThatComesDueWhileTheDeviceIsOfflineAndRedeliversOnceOnline() {
    OutboundMessage message = tenant.message(SLOW_NUMBER);
    deliver(message);
    assertThat(patchOnline(SLOW_NUMBER, false).status()).isEqualTo(200);

    await().atMost(PATIENCE).until(() -> receipts.ofMessage(message.messageId()).isEmpty());
    assertThat(reports.of(message.messageId())).isEmpty();
    assertThat(only(SLOW_NUMBER).get("delivered_at").isNull()).isTrue();

    assertThat(patchOnline(SLOW_NUMBER, true).status()).isEqualTo(200);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(reports.statusesOf(message.messageId()))
                    .containsExactly(DELIVERED, READ));
  }

  @Test
  void oneFailingReceiptDoesNotHoldBackTheOthersAndIsRetriedLater() {
    OutboundMessage healthy = tenant.message(RECIPIENT);
    OutboundMessage poisoned =
        withId(tenant.message(RECIPIENT), PoisonedReports.PREFIX + healthy.messageId());
    deliver(poisoned);
    deliver(healthy);
    Instant firstDue = receipts.ofMessage(poisoned.messageId()).orElseThrow().dueAt();

    try {
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () ->
                  assertThat(reports.statusesOf(healthy.messageId()))
                      .containsExactly(DELIVERED, READ));
      assertThat(reports.of(poisoned.messageId())).isEmpty();
      assertThat(receipts.ofMessage(poisoned.messageId()))
          .hasValueSatisfying(
              receipt -> assertThat(receipt.dueAt()).isAfterOrEqualTo(firstDue.plusSeconds(5)));
      assertThat(only(RECIPIENT, 2).get(0).get("delivered_at").isNull()).isTrue();
    } finally {
      receipts.cancel(poisoned.messageId());
    }
  }

  private void deliver(OutboundMessage message) {
    transactions.executeWithoutResult(status -> network.deliver(List.of(message)));
  }

  private JsonNode only(String number) {
    return only(number, 1).get(0);
  }

  private JsonNode only(String number, int count) {
    var response = api.get("/v2/sandbox/devices/" + number + "/messages", tenant.token());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("data")).hasSize(count);
    return response.json().get("data");
  }

  private static OutboundMessage withId(OutboundMessage message, String id) {
    return new OutboundMessage(
        id,
        message.accountId(),
        message.phoneNumberId(),
        message.from(),
        message.to(),
        message.type(),
        message.body(),
        message.spans(),
        message.previewUrl(),
        message.replyTo(),
        message.acceptedAt());
  }

  private ApiClient.Response patchOnline(String number, boolean online) {
    return api.send(
        "PATCH",
        "/v2/sandbox/devices/" + number,
        tenant.token(),
        "application/json",
        ("{\"online\":" + online + "}").getBytes(StandardCharsets.UTF_8));
  }
}
