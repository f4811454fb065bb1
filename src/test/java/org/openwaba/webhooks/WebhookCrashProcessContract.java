package org.openwaba.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ServerProcess;
import org.openwaba.testing.WebhookReceiver;
import tools.jackson.databind.JsonNode;

/**
 * The webhook outbox across a {@code kill -9}: the packaged server in a child JVM delivers to a
 * real receiver, is killed while events are queued and in flight, and after a restart on the same
 * data every event not yet acknowledged reaches the receiver, each message's in causal order. On a
 * store servers share, the restarted server is a new reader, which takes the registration's log
 * over once the dead one's lease ends.
 */
abstract class WebhookCrashProcessContract {

  private static final String TOKEN = "owa_webhook_crash_token_0123456789abcdefgh";
  private static final String SECRET = "crash-test-app-secret-0123456789abcdef";
  private static final List<String> ORDER = List.of("sent", "delivered", "read");

  @TempDir Path dataDir;
  private ServerProcess server;
  private WebhookReceiver receiver;

  @BeforeEach
  void setUp() throws Exception {
    server = new ServerProcess(dataDir, Files.createTempFile("openwaba-webhooks-", ".log"));
    receiver = new WebhookReceiver("crash-verify");
  }

  @AfterEach
  void tearDown() {
    server.close();
    receiver.close();
    dropStore();
  }

  /** Removes what {@link #storeSettings} created, once the server is gone. */
  void dropStore() {}

  /** The settings that choose the store, the same across the restart. */
  abstract List<String> storeSettings();

  private ApiClient start() throws Exception {
    List<String> settings = new ArrayList<>(storeSettings());
    settings.addAll(
        List.of(
            "--openwaba.accounts.bootstrap.token=" + TOKEN,
            "--openwaba.accounts.bootstrap.app-secret=" + SECRET,
            "--openwaba.accounts.bootstrap.messages-per-second=100000",
            "--openwaba.sandbox.delivered-delay=0s",
            "--openwaba.sandbox.read-delay=0s",
            "--openwaba.platform.outbound.allowed-hosts=127.0.0.1",
            "--openwaba.platform.outbound.allow-http=true",
            "--openwaba.webhooks.lease=5s",
            // Generous: on a loaded CI machine the first handshake can take over a second.
            "--openwaba.webhooks.request-timeout=3s",
            "--openwaba.webhooks.retry-base-delay=100ms",
            "--openwaba.webhooks.retry-max-delay=500ms",
            "--openwaba.webhooks.concurrency=2"));
    return server.start(settings);
  }

  @Test
  void everyUnacknowledgedEventIsDeliveredAfterAKillAndRestart() throws Exception {
    // Slow answers keep events in flight and queued when the server dies.
    receiver.delaying(Duration.ofMillis(150));
    ApiClient api = start();
    var registered =
        api.postJson(
            "/v2/webhooks",
            TOKEN,
            ApiClient.json(
                Map.of(
                    "url",
                    receiver.url(),
                    "verify_token",
                    "crash-verify",
                    "events",
                    List.of("message_status"))));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      var response =
          api.postJson(
              "/v2/send-message",
              TOKEN,
              ApiClient.json(Map.of("phone_number", "+1415555" + (2600 + i), "message", "m" + i)));
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      sent.add(response.json().get("message_id").asString());
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() >= 10);

    server.kill();
    int beforeKill = receiver.accepted().size();
    assertThat(beforeKill).as("events were still queued at the kill").isLessThan(120);

    receiver.delaying(Duration.ZERO);
    start();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(statusesByMessage().keySet()).containsAll(sent));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Map<String, List<String>> statuses = statusesByMessage();
              for (String id : sent) {
                assertThat(statuses.get(id).stream().distinct().toList())
                    .as("statuses of " + id)
                    .containsExactlyElementsOf(ORDER);
              }
            });
    Map<String, List<String>> statuses = statusesByMessage();
    for (String id : sent) {
      List<String> received = statuses.get(id);
      for (int i = 1; i < received.size(); i++) {
        assertThat(ORDER.indexOf(received.get(i)))
            .as("%s arrived in causal order: %s", id, received)
            .isGreaterThanOrEqualTo(ORDER.indexOf(received.get(i - 1)));
      }
    }
    for (WebhookReceiver.Received post : receiver.accepted()) {
      assertThat(post.header("X-Hub-Signature-256")).isEqualTo(hmac(post.body()));
    }
  }

  private Map<String, List<String>> statusesByMessage() {
    Map<String, List<String>> statuses = new HashMap<>();
    for (JsonNode change : receiver.changes()) {
      JsonNode status = change.get("value").get("statuses").get(0);
      statuses
          .computeIfAbsent(status.get("id").asString(), id -> new ArrayList<>())
          .add(status.get("status").asString());
    }
    return statuses;
  }

  private static String hmac(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }
}
