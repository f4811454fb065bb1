package org.openwaba.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openwaba.testing.ApiClient.ADMIN_KEY;

import java.time.Duration;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The automatic review engine as clients see it: new templates are PENDING, then, after the
 * configured delay, APPROVED or REJECTED with Meta's reason code, each change published as {@link
 * TemplateStatusChanged}; an operator's decision taken first wins. Run on both databases.
 */
@TestPropertySource(
    properties = {
      "openwaba.templates.review.delay=2s",
      "openwaba.templates.review.poll-interval=100ms",
      "openwaba.templates.review.deny-words=casino,free money," + ReviewEngineHttpContract.LONG_WORD
    })
abstract class ReviewEngineHttpContract {

  static final String TEN = "abcdefghij";
  static final String HUNDRED = TEN + TEN + TEN + TEN + TEN + TEN + TEN + TEN + TEN + TEN;

  /** A denied word so long that the rejection reason would exceed the 512 characters allowed. */
  static final String LONG_WORD = HUNDRED + HUNDRED + HUNDRED + HUNDRED + HUNDRED + HUNDRED;

  static final String BODY =
      "{\"name\":\"%s\",\"language\":\"en\",\"category\":\"MARKETING\",\"components\":["
          + "{\"type\":\"BODY\",\"text\":\"%s\",\"example\":{\"body_text\":[[%s]]}}]}";

  @LocalServerPort int port;
  @Autowired RecordedTemplateEvents events;
  ApiClient api;
  String accountId;
  String token;

  @BeforeEach
  void account() {
    api = new ApiClient(port);
    accountId = AdminFixtures.createAccount(api, "Reviewed automatically", 10);
    token = AdminFixtures.issueToken(api, accountId);
  }

  String create(String name, String body, String samples) {
    Response created =
        api.postJson(
            "/v24.0/" + accountId + "/message_templates",
            token,
            BODY.formatted(name, body, samples));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().get("status").asString()).isEqualTo("PENDING");
    return created.json().get("id").asString();
  }

  JsonNode template(String id) {
    Response response = api.get("/v24.0/" + id, token);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  JsonNode awaitDecided(String id) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !template(id).get("status").asString().equals("PENDING"));
    return template(id);
  }

  static TemplateId templateId(String id) {
    return new TemplateId(Long.parseLong(id));
  }

  @Test
  void approvesAGoodTemplateAfterTheDelayAndPublishesTheChange() {
    String id = create("welcome_back", "Hello {{1}}, welcome back to our shop.", "\"Ann\"");
    assertThat(template(id).get("status").asString()).as("still under review").isEqualTo("PENDING");

    JsonNode decided = awaitDecided(id);

    assertThat(decided.get("status").asString()).isEqualTo("APPROVED");
    assertThat(decided.has("rejected_reason")).isFalse();
    assertThat(events.of(templateId(id)))
        .extracting(
            TemplateStatusChanged::previous,
            TemplateStatusChanged::status,
            TemplateStatusChanged::reason)
        .containsExactly(Tuple.tuple(TemplateStatus.PENDING, TemplateStatus.APPROVED, null));
  }

  @Test
  void rejectsAVariableAtTheStartWithMetasReasonCode() {
    String id = create("starts_badly", "{{1}} is the code you asked for today", "\"1234\"");

    JsonNode decided = awaitDecided(id);

    assertThat(decided.get("status").asString()).isEqualTo("REJECTED");
    assertThat(decided.get("rejected_reason").asString()).isEqualTo("INVALID_FORMAT");
    String reason = "INVALID_FORMAT: the body starts with a variable; put fixed text before it";
    assertThat(decided.get("rejected_reason_details").asString()).isEqualTo(reason);
    assertThat(
            api.get("/v2/templates/" + id, token)
                .json()
                .get("template")
                .get("rejected_reason")
                .asString())
        .isEqualTo(reason);
    assertThat(events.of(templateId(id)))
        .extracting(TemplateStatusChanged::status, TemplateStatusChanged::reason)
        .containsExactly(Tuple.tuple(TemplateStatus.REJECTED, reason));
  }

  @Test
  void rejectsWrongNumberingTooManyVariablesAndDeniedWords() {
    String misnumbered =
        create("misnumbered", "Dear {{2}}, your order {{1}} is ready now", "\"a\",\"b\"");
    String crowded = create("crowded", "Hi {{1}} code {{2}} ok", "\"a\",\"b\"");
    String denied = create("denied", "Join us tonight at the Casino for fun", "");

    assertThat(awaitDecided(misnumbered).get("rejected_reason_details").asString())
        .contains("must be numbered {{1}}, {{2}}");
    assertThat(awaitDecided(crowded).get("rejected_reason_details").asString())
        .contains("too many variables");
    JsonNode deniedTemplate = awaitDecided(denied);
    assertThat(deniedTemplate.get("status").asString()).isEqualTo("REJECTED");
    assertThat(deniedTemplate.get("rejected_reason").asString()).isEqualTo("ABUSIVE_CONTENT");
  }

  @Test
  void cutsARejectionReasonToThe512CharactersAReviewMayGive() {
    String id = create("long_word", "Please read " + LONG_WORD + " today", "");

    JsonNode decided = awaitDecided(id);

    assertThat(decided.get("status").asString()).isEqualTo("REJECTED");
    String details = decided.get("rejected_reason_details").asString();
    assertThat(details).hasSize(512).startsWith("ABUSIVE_CONTENT: ").endsWith("…");
  }

  @Test
  void anOperatorsDecisionWinsOverThePendingReview() {
    String rejectedByHand =
        create("hand_rejected", "Hello {{1}}, welcome back to our shop.", "\"Ann\"");
    String approvedByHand = create("hand_approved", "{{1}} {{2}}", "\"a\",\"b\"");
    Response rejected =
        api.postJson(
            "/admin/v1/accounts/" + accountId + "/templates/" + rejectedByHand + "/review",
            ADMIN_KEY,
            "{\"decision\":\"reject\",\"reason\":\"PROMOTIONAL: too salesy\"}");
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
    Response approved =
        api.postJson(
            "/admin/v1/accounts/" + accountId + "/templates/" + approvedByHand + "/review",
            ADMIN_KEY,
            "{\"decision\":\"approve\"}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);

    // A later template is reviewed after both of these fell due: once it is decided, the engine
    // has passed them by.
    String later = create("later_one", "Hello {{1}}, your parcel has arrived.", "\"Ann\"");
    assertThat(awaitDecided(later).get("status").asString()).isEqualTo("APPROVED");

    assertThat(template(rejectedByHand).get("status").asString()).isEqualTo("REJECTED");
    assertThat(template(rejectedByHand).get("rejected_reason").asString()).isEqualTo("PROMOTIONAL");
    assertThat(template(approvedByHand).get("status").asString()).isEqualTo("APPROVED");
    assertThat(events.of(templateId(rejectedByHand))).hasSize(1);
    assertThat(events.of(templateId(approvedByHand))).hasSize(1);
  }

  @Test
  void forgetsTheReviewOfADeletedTemplate() {
    String id = create("gone_soon", "Hello {{1}}, welcome back to our shop.", "\"Ann\"");
    assertThat(
            api.delete("/v24.0/" + accountId + "/message_templates?name=gone_soon", token).status())
        .isEqualTo(200);
    String later = create("after_gone", "Hello {{1}}, your parcel has arrived.", "\"Ann\"");

    assertThat(awaitDecided(later).get("status").asString()).isEqualTo("APPROVED");
    assertThat(events.of(templateId(id))).isEmpty();
  }
}
