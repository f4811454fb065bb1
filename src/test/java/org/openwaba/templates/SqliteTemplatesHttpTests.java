package org.openwaba.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.SqliteTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The seed-style template endpoints under /v2/templates, as clients see them. */
@SqliteTest
class SqliteTemplatesHttpTests {

  private static final String BODY =
      "{\"name\":\"%s\",\"language\":\"%s\",\"category\":\"UTILITY\",\"components\":["
          + "{\"type\":\"BODY\",\"text\":\"Hi {{1}}\",\"example\":{\"body_text\":[[\"Ann\"]]}},"
          + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"PHONE_NUMBER\",\"text\":\"Call\","
          + "\"phone_number\":\"+12025550100\"}]}]}";

  @LocalServerPort int port;
  ApiClient api;
  String token;

  @BeforeEach
  void account() {
    api = new ApiClient(port);
    token = AdminFixtures.issueToken(api, AdminFixtures.createAccount(api, "Templates", 10));
  }

  private JsonNode create(String name, String language) {
    var created = api.postJson("/v2/templates", token, BODY.formatted(name, language));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  @Test
  void createsGetsListsAndDeletes() {
    JsonNode created = create("order_ready", "en_US");
    assertThat(created.get("status").asString()).isEqualTo("success");
    JsonNode template = created.get("template");
    String id = template.get("id").asString();
    assertThat(Long.parseLong(id)).isLessThanOrEqualTo((1L << 53) - 1);
    assertThat(template.get("status").asString()).isEqualTo("PENDING");
    assertThat(
            template.get("components").get(1).get("buttons").get(0).get("phone_number").asString())
        .isEqualTo("+12025550100");
    create("order_ready", "de");

    var got = api.get("/v2/templates/" + id, token);
    assertThat(got.status()).as(got.body()).isEqualTo(200);
    assertThat(got.json().get("template").get("name").asString()).isEqualTo("order_ready");

    var list = api.get("/v2/templates?language=de&status=pending&category=utility&limit=1", token);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json().get("templates")).hasSize(1);
    assertThat(list.json().get("templates").get(0).get("language").asString()).isEqualTo("de");

    var deleted = api.delete("/v2/templates/" + id, token);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(api.get("/v2/templates/" + id, token).status()).isEqualTo(404);
    var byName = api.delete("/v2/templates?name=order_ready", token);
    assertThat(byName.status()).as(byName.body()).isEqualTo(200);
    assertThat(byName.json().get("deleted").asInt()).isEqualTo(1);
    assertThat(api.get("/v2/templates", token).json().get("templates")).isEmpty();
  }

  @Test
  void refusalsUseTheSeedEnvelope() {
    var invalid = api.postJson("/v2/templates", token, BODY.formatted("Bad-Name", "en"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("error_code").asInt()).isEqualTo(132000);
    assertThat(invalid.json().get("details").asString())
        .isEqualTo("name may contain only lowercase letters, digits and underscores");

    create("dup", "en");
    var duplicate = api.postJson("/v2/templates", token, BODY.formatted("dup", "en"));
    assertThat(duplicate.status()).isEqualTo(409);

    assertThat(api.get("/v2/templates?status=LOST", token).status()).isEqualTo(400);
    assertThat(api.get("/v2/templates?limit=101", token).status()).isEqualTo(400);
    assertThat(api.get("/v2/templates?limit=100", token).status()).isEqualTo(200);
    assertThat(api.get("/v2/templates?colour=red", token).status()).isEqualTo(400);
    assertThat(api.get("/v2/templates/abc", token).status()).isEqualTo(404);
    assertThat(api.delete("/v2/templates?name=nothing", token).status()).isEqualTo(404);
    assertThat(api.get("/v2/templates", null).status()).isEqualTo(401);
  }

  @Test
  void anotherAccountsTemplateIsNotFound() {
    String id = create("mine", "en").get("template").get("id").asString();
    String other = AdminFixtures.issueToken(api, AdminFixtures.createAccount(api, "Other", 10));
    assertThat(api.get("/v2/templates/" + id, other).status()).isEqualTo(404);
    assertThat(api.delete("/v2/templates/" + id, other).status()).isEqualTo(404);
    assertThat(api.delete("/v2/templates?name=mine", other).status()).isEqualTo(404);
    assertThat(api.get("/v2/templates", other).json().get("templates")).isEmpty();
    assertThat(api.get("/v2/templates/" + id, token).status()).isEqualTo(200);
  }
}
