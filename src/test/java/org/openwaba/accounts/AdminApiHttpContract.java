package org.openwaba.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.ADMIN_KEY;
import static org.openwaba.testing.ApiClient.TOKEN;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.ApiClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The admin API and bearer authentication, as clients see them; run on both databases. */
abstract class AdminApiHttpContract {

  @LocalServerPort int port;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  private JsonNode createAccount(String name, int mps) {
    var response =
        api.postJson(
            "/admin/v1/accounts",
            ADMIN_KEY,
            "{\"name\":\"" + name + "\",\"messages_per_second\":" + mps + "}");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  private String issueToken(String accountId, String extra) {
    var response =
        api.postJson("/admin/v1/accounts/" + accountId + "/tokens", ADMIN_KEY, "{" + extra + "}");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("token").asString();
  }

  @Test
  void createsAccountWithNumericIdWithinJavaScriptSafeRange() {
    JsonNode account = createAccount("Acme", 20);
    long id = Long.parseLong(account.get("id").asString());
    assertThat(id).isPositive().isLessThanOrEqualTo((1L << 53) - 1);
    assertThat(account.get("messages_per_second").asInt()).isEqualTo(20);
    assertThat(account.get("app_secret").asString()).hasSize(32);
  }

  @Test
  void issuesTokenThatAuthenticatesAndIsNeverListedAgain() {
    String accountId = createAccount("Tokens", 50).get("id").asString();
    String token = issueToken(accountId, "\"label\":\"ci\"");
    assertThat(token).startsWith("owa_").hasSizeGreaterThanOrEqualTo(4 + 43);

    var me = api.get("/v2/me", token);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("account_id").asString()).isEqualTo(accountId);

    var list = api.get("/admin/v1/accounts/" + accountId + "/tokens", ADMIN_KEY);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(token).doesNotContain(token.substring(4, 20));
    assertThat(list.json().get("data").get(0).get("label").asString()).isEqualTo("ci");
  }

  @Test
  void revokedTokenIsRefusedAtOnce() {
    String accountId = createAccount("Revoke", 50).get("id").asString();
    String token = issueToken(accountId, "");
    assertThat(api.get("/v2/me", token).status()).isEqualTo(200);
    String tokenId =
        api.get("/admin/v1/accounts/" + accountId + "/tokens", ADMIN_KEY)
            .json()
            .get("data")
            .get(0)
            .get("id")
            .asString();

    assertThat(
            api.delete("/admin/v1/accounts/" + accountId + "/tokens/" + tokenId, ADMIN_KEY)
                .status())
        .isEqualTo(204);

    var refused = api.get("/v2/me", token);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("error_code").asInt()).isEqualTo(131030);
    assertThat(refused.json().get("details").asString()).contains("revoked");
  }

  @Test
  void refusesAdminApiWithAnAccountToken() {
    var response = api.get("/admin/v1/accounts", TOKEN);
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("error_code").asInt()).isEqualTo(131030);
  }

  @Test
  void addsPhoneNumberNormalisedToE164AndRefusesDuplicates() {
    String accountId = createAccount("Numbers", 50).get("id").asString();
    var added =
        api.postJson(
            "/admin/v1/accounts/" + accountId + "/phone-numbers",
            ADMIN_KEY,
            "{\"display_phone_number\":\"+1 (415) 555-0199\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("display_phone_number").asString()).isEqualTo("+14155550199");
    assertThat(added.json().get("network").asString()).isEqualTo("sandbox");

    var duplicate =
        api.postJson(
            "/admin/v1/accounts/" + accountId + "/phone-numbers",
            ADMIN_KEY,
            "{\"display_phone_number\":\"+14155550199\"}");
    assertThat(duplicate.status()).isEqualTo(409);
  }

  @Test
  void refusesMessagesPerSecondOutsideItsRange() {
    var zero =
        api.postJson("/admin/v1/accounts", ADMIN_KEY, "{\"name\":\"x\",\"messages_per_second\":0}");
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.json().get("error_code").asInt()).isEqualTo(132000);
    var tooMany =
        api.postJson(
            "/admin/v1/accounts", ADMIN_KEY, "{\"name\":\"x\",\"messages_per_second\":100001}");
    assertThat(tooMany.status()).isEqualTo(400);
    var max =
        api.postJson(
            "/admin/v1/accounts", ADMIN_KEY, "{\"name\":\"x\",\"messages_per_second\":100000}");
    assertThat(max.status()).isEqualTo(201);
  }

  @Test
  void unknownAccountIs404() {
    var response = api.get("/admin/v1/accounts/123456789", ADMIN_KEY);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("status").asString()).isEqualTo("error");
  }
}
