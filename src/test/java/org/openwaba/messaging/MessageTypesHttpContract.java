package org.openwaba.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.TOKEN;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.media.SampleFiles;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.openwaba.testing.MediaHost;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The message types beyond text, in Meta's send shape, through both doors that take it: the seed's
 * {@code POST /v2/messages} (seed envelope and codes) and the Cloud API's {@code /messages}
 * (Meta's). Media links are served by a real host on loopback, allowed by name as an operator would
 * for development. Run on both databases.
 */
@TestPropertySource(
    properties = {
      "openwaba.platform.outbound.allowed-hosts=localhost",
      "openwaba.platform.outbound.allow-http=true"
    })
abstract class MessageTypesHttpContract {

  static final String CLOUD = "/v24.0/100000000000002/messages";
  static final String SEED = "/v2/messages";

  @LocalServerPort int port;
  ApiClient api;
  MediaHost host;

  @BeforeEach
  void start() throws IOException {
    api = new ApiClient(port);
    host =
        new MediaHost()
            .serve("/photo.jpg", SampleFiles.jpeg(64, 48))
            .serve("/files/report", SampleFiles.pdf());
  }

  @AfterEach
  void stop() {
    host.close();
  }

  String link(String path) {
    return host.link(path);
  }

  static Map<String, Object> message(String to, String type, Object payload) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messaging_product", "whatsapp");
    body.put("recipient_type", "individual");
    body.put("to", to);
    body.put("type", type);
    body.put(type, payload);
    return body;
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

  static void assertMeta(Response response, int code, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    JsonNode error = response.json().get("error");
    assertThat(error.get("code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(error.get("error_data").get("details").asString()).contains(details);
  }

  static void assertSeed(Response response, int code, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    JsonNode body = response.json();
    assertThat(body.get("status").asString()).isEqualTo("error");
    assertThat(body.get("error_code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(body.get("details").asString()).contains(details);
  }

  static Map<String, Object> location(double latitude, double longitude) {
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("latitude", latitude);
    location.put("longitude", longitude);
    location.put("name", "HQ");
    location.put("address", "1 Hacker Way");
    return location;
  }

  static Map<String, Object> card(String name) {
    return Map.of(
        "name",
        Map.of("formatted_name", name, "first_name", name),
        "phones",
        List.of(Map.of("phone", "+1 415 555 0100", "type", "WORK", "wa_id", "14155550100")),
        "birthday",
        "1990-02-28",
        "nickname",
        "dropped: Meta has no such field");
  }

  @Test
  void seedDoorSendsTheSeedsExampleShapeAndAnswersInTheSeedsEnvelope() {
    Response response =
        post(SEED, Map.of("to", "14155550301", "type", "text", "text", Map.of("body", "hi")));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("status").asString()).isEqualTo("success");
    assertThat(body.get("message_id").asString()).startsWith("wamid.");
    assertThat(body.get("recipient").asString()).isEqualTo("+14155550301");
    assertThat(lastOn("+14155550301").get("body").asString()).isEqualTo("hi");

    assertSeed(
        post(SEED, Map.of("to", "14155550301", "type", "location")),
        132000,
        "location is required");
    assertSeed(
        post(SEED, Map.of("to", "abc", "type", "text", "text", Map.of("body", "x"))), 132000, "to");
    assertSeed(
        post(SEED, Map.of("to", "14155550301", "type", "poll", "poll", Map.of())),
        132000,
        "type must be one of");
    Response unauthenticated = api.postJson(SEED, null, "{}");
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.json().get("error_code").asInt()).isEqualTo(131030);
  }

  @Test
  void sendsAnImageByLinkAndADocumentByIdThroughTheCloudDoor() {
    Response image =
        post(
            CLOUD,
            message(
                "14155550302", "image", Map.of("link", link("/photo.jpg"), "caption", "*New*")));
    assertThat(image.status()).as(image.body()).isEqualTo(200);
    JsonNode received = lastOn("+14155550302");
    assertThat(received.get("type").asString()).isEqualTo("image");
    assertThat(received.get("body").asString()).isEqualTo("*New*");
    assertThat(received.get("media").get("mime_type").asString()).isEqualTo("image/jpeg");
    String mediaId = received.get("media").get("id").asString();

    Response document =
        post(
            CLOUD,
            message(
                "14155550302",
                "document",
                Map.of("link", link("/files/report"), "filename", "Q3")));
    assertThat(document.status()).as(document.body()).isEqualTo(200);
    assertThat(lastOn("+14155550302").get("media").get("filename").asString()).isEqualTo("Q3.pdf");

    Response byId = post(CLOUD, message("14155550302", "image", Map.of("id", mediaId)));
    assertThat(byId.status()).as(byId.body()).isEqualTo(200);
    assertThat(lastOn("+14155550302").get("media").get("id").asString()).isEqualTo(mediaId);

    assertMeta(
        post(
            CLOUD,
            message("14155550302", "image", Map.of("id", mediaId, "link", link("/photo.jpg")))),
        131009,
        "give either image.link or image.id, not both");
    assertMeta(
        post(CLOUD, message("14155550302", "image", Map.of("caption", "x"))), 131008, "image.link");
    assertMeta(
        post(CLOUD, message("14155550302", "sticker", Map.of("id", mediaId, "caption", "x"))),
        100,
        "caption is not allowed for sticker messages");
    assertMeta(post(CLOUD, message("14155550302", "video", Map.of("id", mediaId))), 131053, "");
  }

  @Test
  void sendsALocationAtTheEdgesOfTheMapAndRefusesOneBeyond() {
    Response edge = post(CLOUD, message("14155550303", "location", location(90, -180)));
    assertThat(edge.status()).as(edge.body()).isEqualTo(200);
    assertThat(edge.json().get("messages").get(0).get("message_status").asString())
        .isEqualTo("accepted");
    JsonNode received = lastOn("+14155550303");
    assertThat(received.get("type").asString()).isEqualTo("location");
    assertThat(received.get("content").get("latitude").asDouble()).isEqualTo(90);
    assertThat(received.get("content").get("longitude").asDouble()).isEqualTo(-180);
    assertThat(received.get("content").get("name").asString()).isEqualTo("HQ");

    Response asStrings =
        post(
            SEED,
            message("14155550303", "location", Map.of("latitude", "-90", "longitude", "180")));
    assertThat(asStrings.status()).as(asStrings.body()).isEqualTo(200);

    assertMeta(
        post(CLOUD, message("14155550303", "location", location(90.000001, 0))),
        131009,
        "location.latitude must be between -90.0 and 90.0");
    assertMeta(
        post(CLOUD, message("14155550303", "location", location(0, -180.000001))),
        131009,
        "location.longitude");
    assertMeta(
        post(CLOUD, message("14155550303", "location", Map.of("latitude", 1))),
        131008,
        "location.longitude is required");
    assertMeta(
        post(
            CLOUD, message("14155550303", "location", Map.of("latitude", "north", "longitude", 1))),
        131009,
        "location.latitude must be a number");
    Map<String, Object> longName = location(1, 1);
    longName.put("name", "n".repeat(1025));
    assertMeta(
        post(CLOUD, message("14155550303", "location", longName)),
        131009,
        "location.name has 1025 characters; the limit is 1024");
  }

  @Test
  void sendsContactCardsAsAnArrayOrAsAJsonStringUpToTheSeeds256() {
    List<Object> cards = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      cards.add(card("Person " + i));
    }
    Response most = post(CLOUD, message("14155550304", "contacts", cards));
    assertThat(most.status()).as(most.body()).isEqualTo(200);
    JsonNode received = lastOn("+14155550304");
    assertThat(received.get("type").asString()).isEqualTo("contacts");
    assertThat(received.get("content")).hasSize(256);
    JsonNode first = received.get("content").get(0);
    assertThat(first.get("name").get("formatted_name").asString()).isEqualTo("Person 0");
    assertThat(first.get("phones").get(0).get("wa_id").asString()).isEqualTo("14155550100");
    assertThat(first.has("nickname")).isFalse();

    Response asString =
        post(CLOUD, message("14155550304", "contacts", ApiClient.json(List.of(card("Ada")))));
    assertThat(asString.status()).as(asString.body()).isEqualTo(200);
    assertThat(
            lastOn("+14155550304")
                .get("content")
                .get(0)
                .get("name")
                .get("formatted_name")
                .asString())
        .isEqualTo("Ada");

    cards.add(card("One too many"));
    assertMeta(
        post(CLOUD, message("14155550304", "contacts", cards)),
        131009,
        "contacts must have 1 to 256 items, had 257");
    assertMeta(
        post(CLOUD, message("14155550304", "contacts", List.of())),
        131009,
        "contacts must have 1 to 256 items");
    assertMeta(
        post(
            CLOUD,
            message("14155550304", "contacts", List.of(Map.of("name", Map.of("first_name", "A"))))),
        131008,
        "contacts[0].name.formatted_name is required");
    assertMeta(
        post(
            CLOUD,
            message(
                "14155550304",
                "contacts",
                List.of(Map.of("name", Map.of("formatted_name", "A"), "birthday", "28/02/1990")))),
        131009,
        "contacts[0].birthday must be a date as YYYY-MM-DD");
    assertMeta(
        post(CLOUD, message("14155550304", "contacts", "[not json")),
        131009,
        "contacts is a string that is not a JSON array");
    assertSeed(
        post(SEED, message("14155550304", "contacts", List.of(Map.of()))),
        132000,
        "contacts[0].name is required");
  }

  @Test
  void devicesShareLocationsAndContactsThatTheBusinessReceives() {
    String device = "+14155550305";
    Response location =
        api.postJson(
            "/v2/sandbox/devices/" + device + "/send",
            TOKEN,
            ApiClient.json(Map.of("type", "location", "location", location(52.52, 13.405))));
    assertThat(location.status()).as(location.body()).isEqualTo(201);
    assertThat(location.json().get("content").get("latitude").asDouble()).isEqualTo(52.52);
    Response contacts =
        api.postJson(
            "/v2/sandbox/devices/" + device + "/send",
            TOKEN,
            ApiClient.json(Map.of("type", "contacts", "contacts", List.of(card("Grace")))));
    assertThat(contacts.status()).as(contacts.body()).isEqualTo(201);

    JsonNode inbound =
        api.get("/v2/inbound-messages?from=%2B" + device.substring(1), TOKEN)
            .json()
            .get("messages");
    assertThat(inbound).hasSize(2);
    assertThat(inbound.get(0).get("type").asString()).isEqualTo("contacts");
    assertThat(inbound.get(0).get("content").get(0).get("name").get("formatted_name").asString())
        .isEqualTo("Grace");
    assertThat(inbound.get(1).get("type").asString()).isEqualTo("location");
    assertThat(inbound.get(1).get("content").get("longitude").asDouble()).isEqualTo(13.405);

    Response beyond =
        api.postJson(
            "/v2/sandbox/devices/" + device + "/send",
            TOKEN,
            ApiClient.json(Map.of("type", "location", "location", location(-90.5, 0))));
    assertSeed(beyond, 132000, "location.latitude must be between -90.0 and 90.0");

    Response reply =
        post(
            CLOUD,
            Map.of(
                "messaging_product", "whatsapp",
                "to", device.substring(1),
                "type", "location",
                "location", location(1, 2),
                "context", Map.of("message_id", inbound.get(1).get("message_id").asString())));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(lastOn(device).get("reply_to").asString())
        .isEqualTo(inbound.get(1).get("message_id").asString());
  }
}
