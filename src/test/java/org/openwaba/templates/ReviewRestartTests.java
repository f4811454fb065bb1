package org.openwaba.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openwaba.OpenWabaApplication;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A review queued by one server is decided by the next one on the same SQLite file: the due time
 * lives in the database, not in memory. The first server runs without the engine, so the review is
 * still waiting when it stops.
 */
class ReviewRestartTests {

  @Test
  void aReviewQueuedBeforeARestartIsDecidedAfterIt() {
    String url = TestDatabases.newSqliteUrl();
    String accountId;
    String token;
    String id;
    try (ConfigurableApplicationContext first = start(url, false)) {
      ApiClient api = client(first);
      accountId = AdminFixtures.createAccount(api, "Restarted", 10);
      token = AdminFixtures.issueToken(api, accountId);
      var created =
          api.postJson(
              "/v24.0/" + accountId + "/message_templates",
              token,
              "{\"name\":\"survivor\",\"language\":\"en\",\"category\":\"UTILITY\",\"components\":"
                  + "[{\"type\":\"BODY\",\"text\":\"Your parcel has arrived at the depot.\"}]}");
      assertThat(created.status()).as(created.body()).isEqualTo(200);
      id = created.json().get("id").asString();
      assertThat(api.get("/v24.0/" + id, token).json().get("status").asString())
          .isEqualTo("PENDING");
    }

    try (ConfigurableApplicationContext second = start(url, true)) {
      ApiClient api = client(second);
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(api.get("/v24.0/" + id, token).json().get("status").asString())
                      .isEqualTo("APPROVED"));
    }
  }

  private static ConfigurableApplicationContext start(String url, boolean engine) {
    return new SpringApplicationBuilder(OpenWabaApplication.class)
        .profiles("test")
        // Command-line arguments: they take precedence over the test profile's settings.
        .run(
            "--spring.datasource.url=" + url,
            "--server.port=0",
            "--openwaba.templates.review.delay=0s",
            "--openwaba.templates.review.poll-interval=100ms",
            "--openwaba.templates.review.enabled=" + engine);
  }

  private static ApiClient client(ConfigurableApplicationContext context) {
    return new ApiClient(
        Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
  }
}
