package org.openwaba.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.ACCOUNT_ID;
import static org.openwaba.testing.ApiClient.ADMIN_KEY;
import static org.openwaba.testing.ApiClient.TOKEN;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Templates with {@code parameter_format: NAMED} end to end: created on both doors with {@code
 * {{name}}} placeholders and named examples, approved by the operator's review, listed with their
 * format, then sent with {@code parameter_name} on each header and body parameter. Run on both
 * databases.
 */
abstract class NamedTemplateMessagesHttpContract {

  static final String CLOUD_TEMPLATES = "/v24.0/" + ACCOUNT_ID + "/message_templates";
  static final String CLOUD = "/v24.0/100000000000002/messages";
  static final String SEED = "/v2/messages";

  @LocalServerPort int port;
  ApiClient api;

  @BeforeEach
  void start() {
    api = new ApiClient(port);
  }

  static Map<String, Object> sample(String name, String example) {
    return Map.of("param_name", name, "example", example);
  }

  static Map<String, Object> namedTemplate(String name, Object... components) {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("name", name);
    template.put("language", "en");
    template.put("category", "UTILITY");
    template.put("parameter_format", "NAMED");
    template.put("components", List.of(components));
    return template;
  }

  static Map<String, Object> orderUpdate(String name) {
    return namedTemplate(
        name,
        Map.of(
            "type",
            "HEADER",
            "format",
            "TEXT",
            "text",
            "Order {{order_id}}",
            "example",
            Map.of("header_text_named_params", List.of(sample("order_id", "42")))),
        Map.of(
            "type",
            "BODY",
            "text",
            "Hello {{first_name}}, your order {{order_id}} ships on {{ship_day}}.",
            "example",
            Map.of(
                "body_text_named_params",
                List.of(
                    sample("first_name", "Ann"),
                    sample("order_id", "42"),
                    sample("ship_day", "Monday")))));
  }

  Response createSeed(Map<String, Object> template) {
    return api.postJson("/v2/templates", TOKEN, ApiClient.json(template));
  }

  void approve(String id) {
    Response reviewed =
        api.postJson(
            "/admin/v1/accounts/" + ACCOUNT_ID + "/templates/" + id + "/review",
            ADMIN_KEY,
            ApiClient.json(Map.of("decision", "approve", "reason", "INVALID_FORMAT")));
    assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
  }

  void approvedOrderUpdate(String name) {
    Response created = createSeed(orderUpdate(name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    approve(created.json().get("template").get("id").asString());
  }

  static Map<String, Object> named(String name, String text) {
    return Map.of("type", "text", "parameter_name", name, "text", text);
  }

  static Map<String, Object> message(String to, String template, Object... components) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messaging_product", "whatsapp");
    body.put("to", to);
    body.put("type", "template");
    body.put(
        "template",
        Map.of(
            "name", template, "language", Map.of("code", "en"), "components", List.of(components)));
    return body;
  }

  static Map<String, Object> component(String type, Object... parameters) {
    return Map.of("type", type, "parameters", List.of(parameters));
  }

  Response post(String path, Map<String, Object> body) {
    return api.postJson(path, TOKEN, ApiClient.json(body));
  }

  static void assertMeta(Response response, int status, int code, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    JsonNode error = response.json().get("error");
    assertThat(error.get("code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(error.get("error_data").get("details").asString()).contains(details);
  }

  static void assertSeed(Response response, int status, int code, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().get("error_code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(response.json().get("details").asString()).contains(details);
  }

  @Test
  void createsANamedTemplateOnBothDoorsAndShowsItsFormat() {
    Response seed = createSeed(orderUpdate("named_seed"));
    assertThat(seed.status()).as(seed.body()).isEqualTo(201);
    JsonNode view = seed.json().get("template");
    assertThat(view.get("parameter_format").asString()).isEqualTo("NAMED");
    assertThat(
            view.get("components")
                .get(1)
                .get("example")
                .get("body_text_named_params")
                .get(2)
                .get("param_name")
                .asString())
        .isEqualTo("ship_day");

    Response cloud =
        api.postJson(CLOUD_TEMPLATES, TOKEN, ApiClient.json(orderUpdate("named_cloud")));
    assertThat(cloud.status()).as(cloud.body()).isEqualTo(200);
    String id = cloud.json().get("id").asString();
    Response node = api.get("/v24.0/" + id, TOKEN);
    assertThat(node.status()).as(node.body()).isEqualTo(200);
    assertThat(node.json().get("parameter_format").asString()).isEqualTo("NAMED");
    Response listed = api.get(CLOUD_TEMPLATES + "?name=named_cloud", TOKEN);
    assertThat(listed.json().get("data").get(0).get("parameter_format").asString())
        .isEqualTo("NAMED");

    Response positional = api.get("/v2/templates/" + view.get("id").asString(), TOKEN);
    assertThat(positional.json().get("template").get("parameter_format").asString())
        .isEqualTo("NAMED");
  }

  @Test
  void refusesBadNamesAndMixedPlaceholdersOnBothDoors() {
    String twentyOne = "a".repeat(21);
    Map<String, Object> tooLong =
        namedTemplate(
            "too_long",
            Map.of(
                "type",
                "BODY",
                "text",
                "Hi {{" + twentyOne + "}} there",
                "example",
                Map.of("body_text_named_params", List.of(sample(twentyOne, "x")))));
    String nameRule = "has the placeholder {{" + twentyOne + "}}: a name is a lowercase letter";
    assertSeed(createSeed(tooLong), 400, 132000, nameRule);
    assertMeta(api.postJson(CLOUD_TEMPLATES, TOKEN, ApiClient.json(tooLong)), 400, 100, nameRule);

    String twenty = "a".repeat(20);
    Response accepted =
        createSeed(
            namedTemplate(
                "twenty_chars",
                Map.of(
                    "type",
                    "BODY",
                    "text",
                    "Hi {{" + twenty + "}} there",
                    "example",
                    Map.of("body_text_named_params", List.of(sample(twenty, "x"))))));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);

    Map<String, Object> mixed =
        namedTemplate("mixed", Map.of("type", "BODY", "text", "Hi {{first_name}}, order {{1}}."));
    assertSeed(createSeed(mixed), 400, 132000, "mixes positional and named placeholders");
    Map<String, Object> namedInPositional = new LinkedHashMap<>(mixed);
    namedInPositional.put("parameter_format", "POSITIONAL");
    namedInPositional.put(
        "components", List.of(Map.of("type", "BODY", "text", "Hi {{first_name}}, welcome.")));
    assertMeta(
        api.postJson(CLOUD_TEMPLATES, TOKEN, ApiClient.json(namedInPositional)),
        400,
        100,
        "has the named placeholder {{first_name}}, but the template's parameter_format is"
            + " POSITIONAL");
  }

  @Test
  void sendsNamedParametersInAnyOrderAndRendersByName() {
    approvedOrderUpdate("named_order");

    Response sent =
        post(
            CLOUD,
            message(
                "14155550410",
                "named_order",
                component(
                    "body",
                    named("ship_day", "Friday"),
                    named("first_name", "Jo"),
                    named("order_id", "A-7")),
                component("header", named("order_id", "A-7"))));

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    Response listed = api.get("/v2/sandbox/devices/%2B14155550410/messages", TOKEN);
    JsonNode data = listed.json().get("data");
    JsonNode received = data.get(data.size() - 1);
    assertThat(received.get("body").asString())
        .isEqualTo("Hello Jo, your order A-7 ships on Friday.");
    JsonNode rendered = received.get("content").get("rendered");
    assertThat(rendered.get("header").get("text").asString()).isEqualTo("Order A-7");
    JsonNode stored = received.get("content").get("components");
    assertThat(stored.toString()).contains("\"parameter_name\":\"ship_day\"");
  }

  @Test
  void refusesMissingUnknownDuplicateAndUnnamedParametersWith132000() {
    approvedOrderUpdate("named_refusals");
    Map<String, Object> header = component("header", named("order_id", "1"));

    assertMeta(
        post(
            CLOUD,
            message(
                "14155550411",
                "named_refusals",
                header,
                component("body", named("first_name", "Jo"), named("shipday", "Fri")))),
        400,
        132000,
        "body: unknown parameter_name shipday; missing parameter_name order_id, ship_day; the"
            + " template's body placeholders are first_name, order_id, ship_day");
    assertSeed(
        post(
            SEED,
            message(
                "14155550411",
                "named_refusals",
                header,
                component(
                    "body",
                    named("first_name", "Jo"),
                    named("order_id", "1"),
                    named("ship_day", "Fri"),
                    named("first_name", "Al")))),
        400,
        132000,
        "body: parameter_name 'first_name' is given twice");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550411",
                "named_refusals",
                header,
                component(
                    "body",
                    Map.of("type", "text", "text", "Jo"),
                    named("order_id", "1"),
                    named("ship_day", "Fri")))),
        400,
        132000,
        "template.components[1].parameters[0] has no parameter_name; template 'named_refusals' (en) is"
            + " NAMED, so each body parameter names one of its placeholders: first_name,"
            + " order_id, ship_day");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550411",
                "named_refusals",
                component("header", named("order", "1")),
                component(
                    "body",
                    named("first_name", "Jo"),
                    named("order_id", "1"),
                    named("ship_day", "Fri")))),
        400,
        132000,
        "header: unknown parameter_name order; missing parameter_name order_id");
  }
}
