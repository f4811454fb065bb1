package org.openwaba.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
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
  private Process server;
  private Path log;

  @BeforeEach
  void logFile() throws IOException {
    log = Files.createTempFile("openwaba-process-", ".log");
  }

  @AfterEach
  void stop() {
    if (server != null && server.isAlive()) {
      server.destroyForcibly();
    }
  }

  @Test
  void queuedMessagesAreDeliveredOnceAfterAKillAndRestart() throws Exception {
    int port = freePort();
    server = start(port, "--openwaba.messaging.dispatch-paused=true");
    ApiClient api = awaitReady(port);
    Set<String> accepted = new java.util.HashSet<>();
    for (int i = 0; i < 60; i++) {
      Response response = sendText(api, RECIPIENTS.get(i % RECIPIENTS.size()), "queued " + i);
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      accepted.add(response.json().get("message_id").asString());
    }

    kill();
    assertThat(queuedRows()).as("messages still queued at the kill").isEqualTo(60);

    server = start(port);
    ApiClient restarted = awaitReady(port);
    assertEveryMessageReadAndReceivedOnce(restarted, accepted);
  }

  @Test
  void everyAnsweredSendSurvivesAKillDuringALoadAndIsReceivedOnce() throws Exception {
    int port = freePort();
    server = start(port);
    ApiClient api = awaitReady(port);
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

    kill();
    flooding.set(false);
    senders.shutdown();
    assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    Set<String> answered = Set.copyOf(accepted);

    server = start(port);
    ApiClient restarted = awaitReady(port);
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

  private Process start(int port, String... extra) throws IOException {
    String jar = System.getProperty("openwaba.jar");
    assertThat(jar).as("failsafe passes the packaged jar as openwaba.jar").isNotNull();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(jar);
    command.add("--server.port=" + port);
    command.add("--spring.datasource.url=jdbc:sqlite:" + dataDir.resolve("openwaba.db"));
    command.add("--openwaba.accounts.bootstrap.token=" + TOKEN);
    command.add("--openwaba.accounts.bootstrap.messages-per-second=100000");
    command.add("--openwaba.sandbox.delivered-delay=0s");
    command.add("--openwaba.sandbox.read-delay=0s");
    command.add("--openwaba.messaging.dispatch-lease=2s");
    command.addAll(List.of(extra));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private ApiClient awaitReady(int port) {
    ApiClient api = new ApiClient(port);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .failFast("the server process exited; see " + log, () -> !server.isAlive())
        .until(() -> api.get("/actuator/health/readiness", null).status() == 200);
    return api;
  }

  /** SIGKILL: Process.destroyForcibly sends it on Unix; nothing gets to shut down cleanly. */
  private void kill() throws InterruptedException {
    server.destroyForcibly();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isEqualTo(137);
  }

  private long queuedRows() throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("openwaba.db"));
        ResultSet rows =
            connection.createStatement().executeQuery("SELECT COUNT(*) FROM messaging_dispatch")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
