package org.openwaba.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.openwaba.testing.ServerProcess;
import tools.jackson.databind.JsonNode;

/**
 * Crash tests on the packaged server in a child JVM, killed with SIGKILL: every message that was
 * answered 200 survives, and after a restart on the same data every queued message is handed to the
 * network and received exactly once.
 */
class CrashRecoveryProcessTests {

  private static final String TOKEN = "owa_process_test_token_0123456789abcdefghij";
  private static final List<String> RECIPIENTS =
      List.of("+14155552671", "+14155552672", "+14155552673", "+14155552674", "+14155552675");

  @TempDir Path dataDir;
  private ServerProcess server;

  @BeforeEach
  void server() throws IOException {
    server = new ServerProcess(dataDir, Files.createTempFile("openwaba-process-", ".log"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void queuedMessagesAreDeliveredOnceAfterAKillAndRestart() throws Exception {
    ApiClient api = start("--openwaba.messaging.dispatch-paused=true");
    Set<String> accepted = new java.util.HashSet<>();
    for (int i = 0; i < 60; i++) {
      Response response = sendText(api, RECIPIENTS.get(i % RECIPIENTS.size()), "queued " + i);
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      accepted.add(response.json().get("message_id").asString());
    }

    server.kill();
    assertThat(queuedRows()).as("messages still queued at the kill").isEqualTo(60);

    ApiClient restarted = start();
    assertEveryMessageReadAndReceivedOnce(restarted, accepted);
  }

  @Test
  void everyAnsweredSendSurvivesAKillDuringALoadAndIsReceivedOnce() throws Exception {
    ApiClient api = start();
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    AtomicBoolean flooding = new AtomicBoolean(true);
    ExecutorService senders = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      int thread = t;
      senders.submit(
          () -> {
            int n = 0;
            while (flooding.get()) {
              try {
                Response response =
                    sendText(api, RECIPIENTS.get((thread + n) % RECIPIENTS.size()), "load " + n++);
                if (response.status() == 200) {
                  accepted.add(response.json().get("message_id").asString());
                }
              } catch (RuntimeException connectionLost) {
                return;
              }
            }
          });
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 400);

    server.kill();
    flooding.set(false);
    senders.shutdown();
    assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    Set<String> answered = Set.copyOf(accepted);

    ApiClient restarted = start();
    assertEveryMessageReadAndReceivedOnce(restarted, answered);
  }

  private void assertEveryMessageReadAndReceivedOnce(ApiClient api, Set<String> accepted) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (String id : accepted) {
                Response status = api.get("/v2/message-status?message_id=" + id, TOKEN);
                assertThat(status.status()).as(id + " " + status.body()).isEqualTo(200);
                assertThat(status.json().get("status").asString()).as(id).isEqualTo("read");
              }
            });
    Map<String, Integer> received = new HashMap<>();
    for (String recipient : RECIPIENTS) {
      Response inbox =
          api.get(
              "/v2/sandbox/devices/" + recipient.replace("+", "%2B") + "/messages?limit=1000",
              TOKEN);
      assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
      for (JsonNode message : inbox.json().get("data")) {
        received.merge(message.get("message_id").asString(), 1, Integer::sum);
      }
    }
    assertThat(received.keySet()).containsAll(accepted);
    assertThat(received.values()).as("each message received once").allMatch(count -> count == 1);
  }

  private Response sendText(ApiClient api, String to, String text) {
    return api.postJson(
        "/v2/send-message",
        TOKEN,
        "{\"phone_number\":\"" + to + "\",\"message\":\"" + text + "\"}");
  }

  private ApiClient start(String... extra) throws IOException {
    List<String> settings = new ArrayList<>();
    settings.add("--openwaba.accounts.bootstrap.token=" + TOKEN);
    settings.add("--openwaba.accounts.bootstrap.messages-per-second=100000");
    settings.add("--openwaba.sandbox.delivered-delay=0s");
    settings.add("--openwaba.sandbox.read-delay=0s");
    settings.add("--openwaba.messaging.dispatch-lease=2s");
    settings.addAll(List.of(extra));
    return server.start(settings);
  }

  private long queuedRows() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + server.database());
        ResultSet rows =
            connection.createStatement().executeQuery("SELECT COUNT(*) FROM messaging_dispatch")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
