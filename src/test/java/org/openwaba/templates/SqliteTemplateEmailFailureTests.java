package org.openwaba.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openwaba.testing.ApiClient.ADMIN_KEY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.templates.config.TemplatesProperties;
import org.openwaba.templates.store.NotificationStore;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.SqliteTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SMTP server that refuses connections: the email is tried {@code max-attempts} times and then
 * kept as FAILED, visible, and the status change itself is unaffected.
 */
@SqliteTest
class SqliteTemplateEmailFailureTests {

  @DynamicPropertySource
  static void unreachableSmtp(DynamicPropertyRegistry registry) {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> closedPort);
    registry.add("openwaba.templates.notifications.poll-interval", () -> "50ms");
    registry.add("openwaba.templates.notifications.retry-delay", () -> "0s");
    registry.add("openwaba.templates.notifications.max-attempts", () -> "3");
  }

  @LocalServerPort int port;
  @Autowired NotificationStore store;

  @Test
  void keepsTheEmailAsFailedAfterMaxAttempts() {
    ApiClient api = new ApiClient(port);
    String accountId = AdminFixtures.createAccount(api, "Unreachable SMTP", 10);
    String token = AdminFixtures.issueToken(api, accountId);
    api.send(
        "PUT",
        "/admin/v1/accounts/" + accountId + "/notification-address",
        ADMIN_KEY,
        "application/json",
        "{\"email\":\"ops@example.com\"}".getBytes(StandardCharsets.UTF_8));
    String id =
        api.postJson(
                "/v2/templates",
                token,
                "{\"name\":\"unlucky\",\"language\":\"en\",\"category\":\"UTILITY\",\"components\":"
                    + "[{\"type\":\"BODY\",\"text\":\"Your order is ready\"}]}")
            .json()
            .get("template")
            .get("id")
            .asString();

    var approved =
        api.postJson(
            "/admin/v1/accounts/" + accountId + "/templates/" + id + "/review",
            ADMIN_KEY,
            "{\"decision\":\"approve\"}");

    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    AccountId account = new AccountId(Long.parseLong(accountId));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(store.emails(account))
                    .extracting(
                        NotificationStore.EmailState::state, NotificationStore.EmailState::attempts)
                    .containsExactly(Tuple.tuple("FAILED", 3)));
  }

  @Test
  void doublesTheRetryDelayUpToAnHour() {
    TemplatesProperties.Notifications settings =
        new TemplatesProperties.Notifications(
            "a@b.c", Duration.ofSeconds(1), 8, Duration.ofSeconds(30), Duration.ofSeconds(60));
    assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.retryAfter(7)).isEqualTo(Duration.ofMinutes(32));
    assertThat(settings.retryAfter(8)).isEqualTo(Duration.ofHours(1));
    assertThat(settings.retryAfter(60)).isEqualTo(Duration.ofHours(1));
  }
}
