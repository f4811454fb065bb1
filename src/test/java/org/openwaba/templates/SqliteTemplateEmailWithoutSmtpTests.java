package org.openwaba.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.ADMIN_KEY;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.templates.store.NotificationStore;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.SqliteTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without an SMTP server configured, status changes queue no email, even with an address set. */
@SqliteTest
class SqliteTemplateEmailWithoutSmtpTests {

  @LocalServerPort int port;
  @Autowired NotificationStore store;

  @Test
  void queuesNoEmailWithoutAnSmtpServer() {
    ApiClient api = new ApiClient(port);
    String accountId = AdminFixtures.createAccount(api, "No SMTP", 10);
    String token = AdminFixtures.issueToken(api, accountId);
    var set =
        api.send(
            "PUT",
            "/admin/v1/accounts/" + accountId + "/notification-address",
            ADMIN_KEY,
            "application/json",
            "{\"email\":\"ops@example.com\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    var created =
        api.postJson(
            "/v2/templates",
            token,
            "{\"name\":\"quiet\",\"language\":\"en\",\"category\":\"UTILITY\",\"components\":"
                + "[{\"type\":\"BODY\",\"text\":\"Your order is ready\"}]}");
    String id = created.json().get("template").get("id").asString();

    var approved =
        api.postJson(
            "/admin/v1/accounts/" + accountId + "/templates/" + id + "/review",
            ADMIN_KEY,
            "{\"decision\":\"approve\"}");

    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(store.emails(new AccountId(Long.parseLong(accountId)))).isEmpty();
  }
}
