package org.openwaba.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.ACCOUNT_ID;
import static org.openwaba.testing.ApiClient.ADMIN_KEY;
import static org.openwaba.testing.ApiClient.TOKEN;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.media.SampleFiles;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Template messages through both doors: the template must be the caller's, in that language and
 * approved; parameters must fit its placeholders, header and buttons; the device receives the
 * rendered message. Templates are created through {@code /v2/templates} and approved by the
 * operator's review, as a client would see them. Run on both databases.
 */
@TestPropertySource(
    properties = {
      "openwaba.platform.outbound.allowed-hosts=localhost",
      "openwaba.platform.outbound.allow-http=true"
    })
abstract class TemplateMessagesHttpContract {

  static final String CLOUD = "/v24.0/100000000000002/messages";
  static final String SEED = "/v2/messages";

  @LocalServerPort int port;
  ApiClient api;
  HttpServer host;

  @BeforeEach
  void start() throws IOException {
    api = new ApiClient(port);
    host = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    byte[] photo = SampleFiles.jpeg(64, 48);
    host.createContext(
        "/photo.jpg",
        exchange -> {
          exchange.sendResponseHeaders(200, photo.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(photo);
          }
        });
    host.start();
  }

  @AfterEach
  void stop() {
    host.stop(0);
  }

  // Creating and reviewing templates.

  static Map<String, Object> body(String text, String... examples) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "BODY");
    body.put("text", text);
    if (examples.length > 0) {
      body.put("example", Map.of("body_text", List.of(List.of(examples))));
    }
    return body;
  }

  static Map<String, Object> buttons(Map<?, ?>... buttons) {
    return Map.of("type", "BUTTONS", "buttons", List.of(buttons));
  }

  String create(String token, String name, String language, List<Map<String, Object>> components) {
    Response created =
        api.postJson(
            "/v2/templates",
            token,
            ApiClient.json(
                Map.of(
                    "name",
                    name,
                    "language",
                    language,
                    "category",
                    "UTILITY",
                    "components",
                    components)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("template").get("id").asString();
  }

  void review(String account, String id, String decision) {
    Response reviewed =
        api.postJson(
            "/admin/v1/accounts/" + account + "/templates/" + id + "/review",
            ADMIN_KEY,
            ApiClient.json(Map.of("decision", decision, "reason", "INVALID_FORMAT")));
    assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
  }

  String approved(String name, List<Map<String, Object>> components) {
    String id = create(TOKEN, name, "en", components);
    review(ACCOUNT_ID, id, "approve");
    return id;
  }

  // Sending.

  static Map<String, Object> template(String name, Object... components) {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("name", name);
    template.put("language", Map.of("policy", "deterministic", "code", "en"));
    template.put("components", List.of(components));
    return template;
  }

  static Map<String, Object> message(String to, Map<String, Object> template) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messaging_product", "whatsapp");
    body.put("to", to);
    body.put("type", "template");
    body.put("template", template);
    return body;
  }

  static Map<String, Object> text(String text) {
    return Map.of("type", "text", "text", text);
  }

  static Map<String, Object> bodyParameters(Object... parameters) {
    return Map.of("type", "body", "parameters", List.of(parameters));
  }

  static Map<String, Object> button(String subType, Object index, Map<String, Object> parameter) {
    return Map.of(
        "type", "button", "sub_type", subType, "index", index, "parameters", List.of(parameter));
  }

  Response post(String path, Map<String, Object> body) {
    return api.postJson(path, TOKEN, ApiClient.json(body));
  }

  JsonNode lastOn(String device) {
    Response listed = api.get("/v2/sandbox/devices/" + device + "/messages", TOKEN);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonNode data = listed.json().get("data");
    return data.get(data.size() - 1);
  }

  static void assertMeta(Response response, int status, int code, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    JsonNode error = response.json().get("error");
    assertThat(error.get("code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(error.get("error_data").get("details").asString()).contains(details);
  }

  static void assertSeed(Response response, int status, int code, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    JsonNode body = response.json();
    assertThat(body.get("status").asString()).isEqualTo("error");
    assertThat(body.get("error_code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(body.get("details").asString()).contains(details);
  }

  @Test
  void sendsTheSeedsOrderConfirmationExampleThroughV2Messages() {
    approved(
        "order_confirmation",
        List.of(
            body(
                "Hello {{1}}, your order #{{2}} has been confirmed. It will be shipped on {{3}}.",
                "Ann", "1", "today"),
            buttons(Map.of("type", "QUICK_REPLY", "text", "Track order"))));

    // The seed's example verbatim but for "to": its 15555551234 is not a valid US number.
    String seedExample =
        """
        {
          "to": "14155550400",
          "type": "template",
          "template": {
            "name": "order_confirmation",
            "language": {
              "code": "en"
            },
            "components": [
              {
                "type": "body",
                "parameters": [
                  {"type": "text", "text": "John"},
                  {"type": "text", "text": "12345"},
                  {"type": "text", "text": "04/28/2025"}
                ]
              }
            ]
          }
        }
        """;
    Response sent = api.postJson(SEED, TOKEN, seedExample);

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().get("status").asString()).isEqualTo("success");
    JsonNode received = lastOn("+14155550400");
    assertThat(received.get("type").asString()).isEqualTo("template");
    String rendered =
        "Hello John, your order #12345 has been confirmed. It will be shipped on 04/28/2025.";
    assertThat(received.get("body").asString()).isEqualTo(rendered);
    JsonNode content = received.get("content");
    assertThat(content.get("name").asString()).isEqualTo("order_confirmation");
    assertThat(content.get("language").get("code").asString()).isEqualTo("en");
    assertThat(content.get("components").get(0).get("parameters").get(2).get("text").asString())
        .isEqualTo("04/28/2025");
    assertThat(content.get("rendered").get("body").asString()).isEqualTo(rendered);
    assertThat(content.get("rendered").get("header").isNull()).isTrue();
    assertThat(content.get("rendered").get("footer").isNull()).isTrue();
    JsonNode quickReply = content.get("rendered").get("buttons").get(0);
    assertThat(quickReply.get("type").asString()).isEqualTo("quick_reply");
    assertThat(quickReply.get("text").asString()).isEqualTo("Track order");
    assertThat(quickReply.get("payload").asString()).isEqualTo("Track order");

    // The device taps the quick reply: the business receives Meta's button message.
    String messageId = sent.json().get("message_id").asString();
    Response tap =
        api.postJson(
            "/v2/sandbox/devices/%2B14155550400/messages/" + messageId + "/tap",
            TOKEN,
            "{\"index\": 0}");
    assertThat(tap.status()).as(tap.body()).isEqualTo(201);
    JsonNode inbound =
        api.get("/v2/inbound-messages?from=%2B14155550400", TOKEN).json().get("messages").get(0);
    assertThat(inbound.get("type").asString()).isEqualTo("button");
    assertThat(inbound.get("reply_to").asString()).isEqualTo(messageId);
    assertThat(inbound.get("content").get("text").asString()).isEqualTo("Track order");
    assertThat(inbound.get("content").get("payload").asString()).isEqualTo("Track order");
  }

  @Test
  void rendersHeaderBodyFooterAndButtonsThroughTheCloudDoor() {
    approved(
        "shipping_update",
        List.of(
            Map.of(
                "type",
                "HEADER",
                "format",
                "TEXT",
                "text",
                "Order {{1}}",
                "example",
                Map.of("header_text", List.of("42"))),
            body("You paid {{1}} on {{2}}.", "$1", "today"),
            Map.of("type", "FOOTER", "text", "Thanks for shopping"),
            buttons(
                Map.of("type", "QUICK_REPLY", "text", "Yes"),
                Map.of(
                    "type",
                    "URL",
                    "text",
                    "Track",
                    "url",
                    "https://shop.example/track/{{1}}",
                    "example",
                    List.of("https://shop.example/track/1")),
                Map.of("type", "PHONE_NUMBER", "text", "Call us", "phone_number", "+12025550100"),
                Map.of("type", "QUICK_REPLY", "text", "No"))));

    Response sent =
        post(
            CLOUD,
            message(
                "14155550401",
                template(
                    "shipping_update",
                    Map.of("type", "header", "parameters", List.of(text("A-7"))),
                    bodyParameters(
                        Map.of(
                            "type",
                            "currency",
                            "currency",
                            Map.of(
                                "fallback_value", "$100.99", "code", "USD", "amount_1000", 100990)),
                        Map.of(
                            "type",
                            "date_time",
                            "date_time",
                            Map.of("fallback_value", "February 25, 1977"))),
                    button("quick_reply", "0", Map.of("type", "payload", "payload", "yes_a7")),
                    button("url", 1, text("a7?src=wa")))));

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().get("messages").get(0).get("message_status").asString())
        .isEqualTo("accepted");
    JsonNode received = lastOn("+14155550401");
    assertThat(received.get("type").asString()).isEqualTo("template");
    assertThat(received.get("body").asString()).isEqualTo("You paid $100.99 on February 25, 1977.");
    JsonNode rendered = received.get("content").get("rendered");
    assertThat(rendered.get("header").get("type").asString()).isEqualTo("text");
    assertThat(rendered.get("header").get("text").asString()).isEqualTo("Order A-7");
    assertThat(rendered.get("footer").asString()).isEqualTo("Thanks for shopping");
    JsonNode buttons = rendered.get("buttons");
    assertThat(buttons).hasSize(4);
    assertThat(buttons.get(0).get("payload").asString()).isEqualTo("yes_a7");
    assertThat(buttons.get(1).get("type").asString()).isEqualTo("url");
    assertThat(buttons.get(1).get("url").asString())
        .isEqualTo("https://shop.example/track/a7?src=wa");
    assertThat(buttons.get(2).get("type").asString()).isEqualTo("phone_number");
    assertThat(buttons.get(2).get("phone_number").asString()).isEqualTo("+12025550100");
    assertThat(buttons.get(3).get("type").asString()).isEqualTo("quick_reply");
    assertThat(buttons.get(3).get("payload").asString()).isEqualTo("No");
    JsonNode components = received.get("content").get("components");
    assertThat(
            components.get(1).get("parameters").get(0).get("currency").get("amount_1000").asLong())
        .isEqualTo(100990);
    assertThat(components.get(3).get("index").asString()).isEqualTo("1");

    Map<String, Object> bodyParameters = bodyParameters(text("$1"), text("today"));
    Map<String, Object> header = Map.of("type", "header", "parameters", List.of(text("A-7")));
    assertMeta(
        post(CLOUD, message("14155550401", template("shipping_update", header, bodyParameters))),
        400,
        132000,
        "button 1 of the template is a URL button with a {{1}} suffix");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550401",
                template(
                    "shipping_update",
                    header,
                    bodyParameters,
                    button("url", "1", text("x")),
                    button("quick_reply", "2", Map.of("type", "payload", "payload", "p"))))),
        400,
        132000,
        "button 2 of the template is a PHONE_NUMBER button, not quick_reply");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550401",
                template(
                    "shipping_update",
                    header,
                    bodyParameters,
                    button("url", "1", Map.of("type", "payload", "payload", "p"))))),
        400,
        132000,
        "is of type payload, but a url button takes text");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550401",
                template(
                    "shipping_update", header, bodyParameters, button("url", "10", text("x"))))),
        400,
        131009,
        "index must be the button's position, 0 to 9");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550401",
                template(
                    "shipping_update",
                    header,
                    bodyParameters,
                    button("url", 1, text("x")),
                    Map.of("type", "carousel", "cards", List.of())))),
        400,
        131009,
        "type must be one of header, body, button; was 'carousel'");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550401",
                template(
                    "shipping_update",
                    header,
                    bodyParameters(
                        text("$1"),
                        Map.of(
                            "type",
                            "currency",
                            "currency",
                            Map.of("fallback_value", "$1", "code", "usd", "amount_1000", 1000))),
                    button("url", 1, text("x"))))),
        400,
        131009,
        "currency.code must be an ISO 4217 currency code");
  }

  @Test
  void refusesATemplateThatDoesNotExistWithEachDoorsCode() {
    Map<String, Object> template = template("no_such_template");

    assertSeed(post(SEED, message("14155550402", template)), 404, 134000, "does not exist");
    assertMeta(
        post(CLOUD, message("14155550402", template)),
        404,
        132001,
        "template 'no_such_template' does not exist");
  }

  @Test
  void refusesTemplatesThatAreNotApprovedSayingTheirStatus() {
    String pending = create(TOKEN, "welcome_pending", "en", List.of(body("Welcome")));
    assertMeta(
        post(CLOUD, message("14155550403", template("welcome_pending"))),
        404,
        132001,
        "template 'welcome_pending' (en) is PENDING, not APPROVED");

    review(ACCOUNT_ID, pending, "reject");
    assertMeta(
        post(CLOUD, message("14155550403", template("welcome_pending"))),
        404,
        132001,
        "is REJECTED, not APPROVED");

    String paused = approved("welcome_paused", List.of(body("Welcome")));
    review(ACCOUNT_ID, paused, "pause");
    assertMeta(
        post(CLOUD, message("14155550403", template("welcome_paused"))), 400, 132015, "is PAUSED");
    assertSeed(
        post(SEED, message("14155550403", template("welcome_paused"))), 404, 134000, "is PAUSED");

    review(ACCOUNT_ID, paused, "disable");
    assertMeta(
        post(CLOUD, message("14155550403", template("welcome_paused"))),
        400,
        132016,
        "is DISABLED");
  }

  @Test
  void refusesALanguageTheTemplateLacksListingTheOnesItHas() {
    approved("greeting", List.of(body("Hello")));
    String german = create(TOKEN, "greeting", "de", List.of(body("Hallo")));
    review(ACCOUNT_ID, german, "approve");

    Map<String, Object> french = template("greeting");
    french.put("language", Map.of("code", "fr"));
    assertMeta(
        post(CLOUD, message("14155550404", french)),
        404,
        132001,
        "template 'greeting' does not exist in language fr; it exists in de (APPROVED), en"
            + " (APPROVED)");

    Response english = post(CLOUD, message("14155550404", template("greeting")));
    assertThat(english.status()).as(english.body()).isEqualTo(200);
    assertThat(lastOn("+14155550404").get("body").asString()).isEqualTo("Hello");
  }

  @Test
  void refusesOneParameterTooFewOrTooManyWithMetasCountMismatch() {
    approved("three_values", List.of(body("{{1}} and {{2}} and {{3}} again", "a", "b", "c")));

    assertMeta(
        post(
            CLOUD,
            message("14155550405", template("three_values", bodyParameters(text("a"), text("b"))))),
        400,
        132000,
        "body: the template's body has 3 placeholders; expected 3 parameters, given 2");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550405",
                template(
                    "three_values", bodyParameters(text("a"), text("b"), text("c"), text("d"))))),
        400,
        132000,
        "expected 3 parameters, given 4");
    assertSeed(
        post(SEED, message("14155550405", template("three_values"))),
        400,
        132000,
        "expected 3 parameters, given 0");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550405",
                template(
                    "three_values",
                    bodyParameters(
                        text("a"),
                        text("b"),
                        Map.of("type", "text", "text", "c", "parameter_name", "c"))))),
        400,
        132000,
        "is POSITIONAL ({{1}}, {{2}}, …); send its parameters in order, without"
            + " parameter_name");
  }

  @Test
  void sendsAnImageHeaderByLinkAndRefusesOneWithoutIt() {
    approved(
        "new_arrivals",
        List.of(
            Map.of(
                "type",
                "HEADER",
                "format",
                "IMAGE",
                "example",
                Map.of("header_handle", List.of("4::aW1hZ2U="))),
            body("See what is new")));
    String link = "http://localhost:" + host.getAddress().getPort() + "/photo.jpg";

    Response sent =
        post(
            CLOUD,
            message(
                "14155550406",
                template(
                    "new_arrivals",
                    Map.of(
                        "type",
                        "header",
                        "parameters",
                        List.of(Map.of("type", "image", "image", Map.of("link", link)))))));

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    JsonNode received = lastOn("+14155550406");
    assertThat(received.get("type").asString()).isEqualTo("template");
    assertThat(received.get("body").asString()).isEqualTo("See what is new");
    assertThat(received.get("media").get("mime_type").asString()).isEqualTo("image/jpeg");
    JsonNode header = received.get("content").get("rendered").get("header");
    assertThat(header.get("type").asString()).isEqualTo("image");
    assertThat(header.get("media").get("id").asString())
        .isEqualTo(received.get("media").get("id").asString());
    assertThat(header.get("media").get("sha256").asString()).hasSize(64);
    JsonNode sentParameter =
        received.get("content").get("components").get(0).get("parameters").get(0);
    assertThat(sentParameter.get("image").get("id").asString())
        .isEqualTo(header.get("media").get("id").asString());
    assertThat(sentParameter.get("image").has("link")).isFalse();

    assertMeta(
        post(CLOUD, message("14155550406", template("new_arrivals"))),
        400,
        132000,
        "header: the template's IMAGE header takes 1 image parameter; expected 1 parameters,"
            + " given 0");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550406",
                template(
                    "new_arrivals",
                    Map.of("type", "header", "parameters", List.of(text("photo")))))),
        400,
        132000,
        "is of type text, but a IMAGE header takes image");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550406",
                template(
                    "new_arrivals",
                    Map.of(
                        "type",
                        "header",
                        "parameters",
                        List.of(Map.of("type", "image", "image", Map.of())))))),
        400,
        131008,
        "template.components[0].parameters[0].image.link");
  }

  @Test
  void sendsALocationHeaderWithNameAndAddressAndRefusesOneWithout() {
    approved(
        "store_location",
        List.of(Map.of("type", "HEADER", "format", "LOCATION"), body("Find us here")));
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("latitude", 52.52);
    location.put("longitude", "13.405");
    location.put("name", "Shop");
    location.put("address", "Main St 1");

    Response sent =
        post(
            SEED,
            message(
                "14155550409",
                template(
                    "store_location",
                    Map.of(
                        "type",
                        "header",
                        "parameters",
                        List.of(Map.of("type", "location", "location", location))))));

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    JsonNode header = lastOn("+14155550409").get("content").get("rendered").get("header");
    assertThat(header.get("type").asString()).isEqualTo("location");
    assertThat(header.get("longitude").asDouble()).isEqualTo(13.405);
    assertThat(header.get("address").asString()).isEqualTo("Main St 1");

    location.remove("address");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550409",
                template(
                    "store_location",
                    Map.of(
                        "type",
                        "header",
                        "parameters",
                        List.of(Map.of("type", "location", "location", location)))))),
        400,
        131008,
        "template.components[0].parameters[0].location.address is required");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550409",
                template(
                    "store_location",
                    Map.of(
                        "type",
                        "header",
                        "parameters",
                        List.of(Map.of("type", "sticker", "sticker", Map.of())))))),
        400,
        131009,
        "parameters[0].type must be one of text, currency, date_time");
  }

  @Test
  void takesATextParameterOf1024CharactersAndRefuses1025() {
    List<Map<String, Object>> withButton =
        List.of(
            body("{{1}}", "x"),
            buttons(
                Map.of(
                    "type",
                    "URL",
                    "text",
                    "Open",
                    "url",
                    "https://shop.example/{{1}}",
                    "example",
                    List.of("https://shop.example/a"))));
    approved("long_value", withButton);
    approved("long_body", List.of(body("Note: {{1}}", "x")));

    Response longest =
        post(
            CLOUD,
            message(
                "14155550407",
                template(
                    "long_value",
                    bodyParameters(text("v".repeat(1024))),
                    button("url", "0", text("a")))));
    assertThat(longest.status()).as(longest.body()).isEqualTo(200);
    assertThat(lastOn("+14155550407").get("body").asString()).hasSize(1024);

    assertMeta(
        post(
            CLOUD,
            message(
                "14155550407",
                template(
                    "long_value",
                    bodyParameters(text("v".repeat(1025))),
                    button("url", "0", text("a"))))),
        400,
        131009,
        "template.components[0].parameters[0].text has 1025 characters; the limit is 1024");
    assertMeta(
        post(
            CLOUD,
            message("14155550407", template("long_body", bodyParameters(text("v".repeat(1019)))))),
        400,
        132005,
        "the body with its parameters has 1025 characters; the limit is 1024");
    Response fits =
        post(
            CLOUD,
            message("14155550407", template("long_body", bodyParameters(text("v".repeat(1018))))));
    assertThat(fits.status()).as(fits.body()).isEqualTo(200);
  }

  @Test
  void refusesAnotherAccountsTemplateAsIfItDidNotExist() {
    String other = AdminFixtures.createAccount(api, "Other shop", 10);
    String otherToken = AdminFixtures.issueToken(api, other);
    String id = create(otherToken, "other_shop_news", "en", List.of(body("News")));
    review(other, id, "approve");

    assertMeta(
        post(CLOUD, message("14155550408", template("other_shop_news"))),
        404,
        132001,
        "template 'other_shop_news' does not exist");
  }
}
