package org.openwaba.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.ADMIN_KEY;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.SqliteTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The operator's template review in the admin API, and the events it publishes. */
@SqliteTest
class SqliteTemplateReviewHttpTests {

  private static final String BODY =
      "{\"name\":\"%s\",\"language\":\"en\",\"category\":\"UTILITY\",\"components\":["
          + "{\"type\":\"BODY\",\"text\":\"Your order is ready\"}]}";

  @LocalServerPort int port;
  @Autowired RecordedTemplateEvents events;
  ApiClient api;
  String accountId;
  String token;

  @BeforeEach
  void account() {
    api = new ApiClient(port);
    accountId = AdminFixtures.createAccount(api, "Reviewed", 10);
    token = AdminFixtures.issueToken(api, accountId);
  }

  private String create(String name) {
    var created = api.postJson("/v2/templates", token, BODY.formatted(name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("template").get("id").asString();
  }

  private ApiClient.Response review(String templateId, String json) {
    return api.postJson(
        "/admin/v1/accounts/" + accountId + "/templates/" + templateId + "/review",
        ADMIN_KEY,
        json);
  }

  private static String statusOf(ApiClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("template").get("status").asString();
  }

  @Test
  void followsTheLifecycleAndPublishesEveryChange() {
    String id = create("order_ready");

    assertThat(statusOf(review(id, "{\"decision\":\"approve\"}"))).isEqualTo("APPROVED");
    assertThat(statusOf(review(id, "{\"decision\":\"pause\",\"reason\":\"low quality\"}")))
        .isEqualTo("PAUSED");
    assertThat(statusOf(review(id, "{\"decision\":\"APPROVE\"}"))).isEqualTo("APPROVED");
    assertThat(statusOf(review(id, "{\"decision\":\"disable\"}"))).isEqualTo("DISABLED");
    assertThat(
            api.get("/v2/templates/" + id, token).json().get("template").get("status").asString())
        .isEqualTo("DISABLED");

    var afterTheEnd = review(id, "{\"decision\":\"approve\"}");
    assertThat(afterTheEnd.status()).isEqualTo(409);
    assertThat(afterTheEnd.json().get("error_code").asInt()).isEqualTo(190409);
    assertThat(afterTheEnd.json().get("details").asString())
        .isEqualTo("template " + id + " is DISABLED: it cannot be given the decision 'approve'");

    assertThat(events.of(new TemplateId(Long.parseLong(id))))
        .extracting(
            TemplateStatusChanged::previous,
            TemplateStatusChanged::status,
            TemplateStatusChanged::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                TemplateStatus.PENDING, TemplateStatus.APPROVED, null),
            org.assertj.core.groups.Tuple.tuple(
                TemplateStatus.APPROVED, TemplateStatus.PAUSED, "low quality"),
            org.assertj.core.groups.Tuple.tuple(
                TemplateStatus.PAUSED, TemplateStatus.APPROVED, null),
            org.assertj.core.groups.Tuple.tuple(
                TemplateStatus.APPROVED, TemplateStatus.DISABLED, null));
  }

  @Test
  void rejectsOnlyWithAReasonOfAtMost512Characters() {
    String id = create("promo");

    var noReason = review(id, "{\"decision\":\"reject\"}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("error_code").asInt()).isEqualTo(132000);
    assertThat(noReason.json().get("details").asString())
        .isEqualTo("reason is required to reject a template");
    var tooLong = review(id, "{\"decision\":\"reject\",\"reason\":\"" + "x".repeat(513) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("details").asString())
        .isEqualTo("reason must be at most 512 characters, was 513");

    var rejected = review(id, "{\"decision\":\"reject\",\"reason\":\"" + "x".repeat(512) + "\"}");
    assertThat(statusOf(rejected)).isEqualTo("REJECTED");
    assertThat(rejected.json().get("template").get("rejected_reason").asString()).hasSize(512);
    assertThat(review(id, "{\"decision\":\"approve\"}").status()).isEqualTo(409);
    assertThat(events.of(new TemplateId(Long.parseLong(id)))).hasSize(1);
  }

  @Test
  void refusesUnknownDecisionsOtherAccountsAndClientTokens() {
    String id = create("alerts");

    var unknown = review(id, "{\"decision\":\"archive\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("details").asString()).startsWith("decision must be one of");
    assertThat(review(id, "{}").status()).isEqualTo(400);

    String other = AdminFixtures.createAccount(api, "Other", 10);
    var elsewhere =
        api.postJson(
            "/admin/v1/accounts/" + other + "/templates/" + id + "/review",
            ADMIN_KEY,
            "{\"decision\":\"approve\"}");
    assertThat(elsewhere.status()).isEqualTo(404);

    var withClientToken =
        api.postJson(
            "/admin/v1/accounts/" + accountId + "/templates/" + id + "/review",
            token,
            "{\"decision\":\"approve\"}");
    assertThat(withClientToken.status()).isEqualTo(401);
    assertThat(review("123", "{\"decision\":\"approve\"}").status()).isEqualTo(404);
    assertThat(events.of(new TemplateId(Long.parseLong(id)))).isEmpty();
  }
}
