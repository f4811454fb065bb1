package org.openwaba.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Template management on the Cloud API door, {@code /{version}/{waba_id}/message_templates} and
 * {@code /{version}/{template_id}}, as Meta's SDKs call it. Run on both databases.
 */
abstract class CloudTemplatesHttpContract {

  static final String BODY =
      "{\"name\":\"%s\",\"language\":\"%s\",\"category\":\"%s\",\"components\":["
          + "{\"type\":\"HEADER\",\"format\":\"TEXT\",\"text\":\"Order update\"},"
          + "{\"type\":\"BODY\",\"text\":\"Hello {{1}}, your order is ready for pick-up.\","
          + "\"example\":{\"body_text\":[[\"Ann\"]]}},"
          + "{\"type\":\"FOOTER\",\"text\":\"Thank you\"},"
          + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\",\"text\":\"Thanks\"}]}]}";

  @LocalServerPort int port;
  ApiClient api;
  String accountId;
  String token;
  String templates;

  @BeforeEach
  void account() {
    api = new ApiClient(port);
    accountId = AdminFixtures.createAccount(api, "Cloud templates", 10);
    token = AdminFixtures.issueToken(api, accountId);
    templates = "/v24.0/" + accountId + "/message_templates";
  }

  Response create(String name, String language, String category) {
    return api.postJson(templates, token, BODY.formatted(name, language, category));
  }

  String created(String name, String language) {
    Response response = create(name, language, "UTILITY");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("id").asString();
  }

  static JsonNode assertGraphError(Response response, int httpStatus, int code, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(httpStatus);
    assertThat(response.json().propertyNames()).containsExactly("error");
    JsonNode error = response.json().get("error");
    assertThat(error.get("code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(error.get("type").asString()).isEqualTo("OAuthException");
    assertThat(error.get("error_data").get("details").asString()).contains(details);
    return error;
  }

  @Test
  void createsAPendingTemplateAndAnswersIdStatusAndCategory() {
    Response response = create("order_update", "en_US", "utility");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "status", "category");
    assertThat(body.get("id").isString()).isTrue();
    assertThat(Long.parseLong(body.get("id").asString())).isBetween(1L, (1L << 53) - 1);
    assertThat(body.get("status").asString()).isEqualTo("PENDING");
    assertThat(body.get("category").asString()).isEqualTo("UTILITY");

    Response seed = api.get("/v2/templates/" + body.get("id").asString(), token);
    assertThat(seed.status()).as("one catalogue behind both doors").isEqualTo(200);
  }

  @Test
  void answersATemplateByIdInMetasShape() {
    String id = created("shipping_note", "de");

    Response response = api.get("/v24.0/" + id, token);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode template = response.json();
    assertThat(template.get("id").asString()).isEqualTo(id);
    assertThat(template.get("name").asString()).isEqualTo("shipping_note");
    assertThat(template.get("language").asString()).isEqualTo("de");
    assertThat(template.get("status").asString()).isEqualTo("PENDING");
    assertThat(template.get("category").asString()).isEqualTo("UTILITY");
    assertThat(template.get("parameter_format").asString()).isEqualTo("POSITIONAL");
    assertThat(template.get("components")).hasSize(4);
    assertThat(
            template
                .get("components")
                .get(1)
                .get("example")
                .get("body_text")
                .get(0)
                .get(0)
                .asString())
        .isEqualTo("Ann");
    assertThat(template.has("rejected_reason")).isFalse();

    Response selected = api.get("/v24.0/" + id + "?fields=name,status", token);
    assertThat(selected.json().propertyNames()).containsExactlyInAnyOrder("id", "name", "status");
    assertGraphError(
        api.get("/v24.0/" + id + "?fields=colour", token),
        400,
        100,
        "Tried accessing nonexisting field (colour) on node type (MessageTemplate)");

    String other = AdminFixtures.issueToken(api, AdminFixtures.createAccount(api, "Other", 10));
    assertThat(
            assertGraphError(api.get("/v24.0/" + id, other), 400, 100, id)
                .get("error_subcode")
                .asInt())
        .isEqualTo(33);
  }

  @Test
  void listsWithFiltersAndFollowsCursorsBothWays() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      ids.add(created("note_" + i, "en"));
    }
    created("note_1", "fr");
    assertThat(create("promo", "en", "MARKETING").status()).isEqualTo(200);

    Response first = api.get(templates + "?category=UTILITY&language=en&limit=2", token);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(ids(first)).containsExactly(ids.get(0), ids.get(1));
    JsonNode paging = first.json().get("paging");
    assertThat(paging.has("next")).isTrue();
    assertThat(paging.has("previous")).isFalse();
    String next = paging.get("next").asString();
    assertThat(next).contains("/v24.0/" + accountId + "/message_templates?").contains("after=");

    Response second = api.get(next.substring(next.indexOf("/v24.0")), token);
    assertThat(ids(second)).containsExactly(ids.get(2), ids.get(3));
    Response third =
        api.get(
            templates
                + "?category=UTILITY&language=en&limit=2&after="
                + second.json().get("paging").get("cursors").get("after").asString(),
            token);
    assertThat(ids(third)).containsExactly(ids.get(4));
    assertThat(third.json().get("paging").has("next")).isFalse();
    assertThat(third.json().get("paging").has("previous")).isTrue();

    Response back =
        api.get(
            templates
                + "?category=UTILITY&language=en&limit=2&before="
                + third.json().get("paging").get("cursors").get("before").asString(),
            token);
    assertThat(ids(back)).containsExactly(ids.get(2), ids.get(3));

    assertThat(ids(api.get(templates + "?name=note_1", token))).hasSize(2);
    assertThat(ids(api.get(templates + "?name=note_1&language=fr", token))).hasSize(1);
    assertThat(ids(api.get(templates + "?category=marketing", token))).hasSize(1);
    assertThat(ids(api.get(templates + "?status=APPROVED", token))).isEmpty();
    assertThat(ids(api.get(templates + "?status=PENDING", token))).hasSize(7);
    assertThat(ids(api.get(templates, token))).hasSize(7);

    JsonNode named = api.get(templates + "?fields=name&limit=1", token).json().get("data").get(0);
    assertThat(named.propertyNames()).containsExactlyInAnyOrder("id", "name");
  }

  @Test
  void pagesAtTheLimitsOf1And100AndRefusesOthers() {
    created("only_one", "en");
    assertThat(ids(api.get(templates + "?limit=1", token))).hasSize(1);
    assertThat(ids(api.get(templates + "?limit=100", token))).hasSize(1);
    assertGraphError(api.get(templates + "?limit=0", token), 400, 131009, "limit must be between");
    assertGraphError(
        api.get(templates + "?limit=101", token), 400, 131009, "limit must be between");
    assertGraphError(
        api.get(templates + "?after=bogus", token), 400, 131009, "after must be a cursor");
    assertGraphError(api.get(templates + "?status=LOST", token), 400, 100, "status must be one of");
    assertGraphError(api.get(templates + "?colour=red", token), 400, 100, "colour");
  }

  @Test
  void deletesOneTranslationByHsmIdAndAllByName() {
    String english = created("farewell", "en");
    String german = created("farewell", "de");

    Response one = api.delete(templates + "?name=farewell&hsm_id=" + german, token);
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    assertThat(one.json().get("success").asBoolean()).isTrue();
    assertThat(api.get("/v24.0/" + german, token).status()).isEqualTo(400);
    assertThat(api.get("/v24.0/" + english, token).status()).isEqualTo(200);

    assertGraphError(
        api.delete(templates + "?name=other_name&hsm_id=" + english, token), 400, 100, english);

    Response all = api.delete(templates + "?name=farewell", token);
    assertThat(all.status()).as(all.body()).isEqualTo(200);
    assertThat(all.json().get("success").asBoolean()).isTrue();
    assertThat(ids(api.get(templates, token))).isEmpty();
    assertThat(
            assertGraphError(api.delete(templates + "?name=farewell", token), 400, 100, "farewell")
                .get("error_subcode")
                .asInt())
        .isEqualTo(33);
    assertGraphError(api.delete(templates, token), 400, 131008, "'name' is required");
  }

  @Test
  void refusesInvalidTemplatesWithMetasCodes() {
    assertGraphError(
        create("Bad-Name", "en", "UTILITY"),
        400,
        100,
        "name may contain only lowercase letters, digits and underscores");
    assertGraphError(create("ok_name", "english", "UTILITY"), 400, 100, "language must be");
    assertGraphError(create("ok_name", "en", "TRANSACTIONAL"), 400, 100, "category must be");
    assertGraphError(
        api.postJson(
            templates, token, "{\"language\":\"en\",\"category\":\"UTILITY\",\"components\":[]}"),
        400,
        131008,
        "name is required");
    assertGraphError(
        api.postJson(
            templates, token, "{\"name\":\"x\",\"language\":\"en\",\"category\":\"UTILITY\"}"),
        400,
        131008,
        "components is required");
    assertGraphError(
        api.postJson(
            templates,
            token,
            "{\"name\":\"x\",\"language\":\"en\",\"category\":\"UTILITY\",\"parameter_format\":\"NUMBERED\","
                + "\"components\":[{\"type\":\"BODY\",\"text\":\"Hi there\"}]}"),
        400,
        100,
        "parameter_format must be POSITIONAL or NAMED; was 'NUMBERED'");

    created("twice", "en");
    assertThat(
            assertGraphError(
                    create("twice", "en", "UTILITY"), 400, 100, "already exists in language 'en'")
                .get("error_subcode")
                .asInt())
        .isEqualTo(2388024);
  }

  @Test
  void refusesAWabaIdThatIsNotTheCallersAccount() {
    String other = AdminFixtures.createAccount(api, "Someone else", 10);
    for (String waba : List.of(other, "abc", "0")) {
      String path = "/v24.0/" + waba + "/message_templates";
      assertThat(
              assertGraphError(api.get(path, token), 400, 100, waba).get("error_subcode").asInt())
          .isEqualTo(33);
      assertGraphError(
          api.postJson(path, token, BODY.formatted("x", "en", "UTILITY")), 400, 100, waba);
      assertGraphError(api.delete(path + "?name=x", token), 400, 100, waba);
    }
    assertGraphError(api.get(templates, null), 401, 190, "Authorization");
  }

  static List<String> ids(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    response.json().get("data").forEach(template -> ids.add(template.get("id").asString()));
    return ids;
  }
}
