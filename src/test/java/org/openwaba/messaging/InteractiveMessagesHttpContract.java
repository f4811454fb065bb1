package org.openwaba.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.TOKEN;

import java.io.IOException;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Interactive messages (reply buttons, lists, cta_url) through both doors, every limit at its last
 * allowed and first refused value (reference/cloud-api.md §2.7, §2.12), and a device's taps that
 * answer them. Media headers are served by a real host on loopback. Run on both databases.
 */
@TestPropertySource(
    properties = {
      "openwaba.platform.outbound.allowed-hosts=localhost",
      "openwaba.platform.outbound.allow-http=true"
    })
abstract class InteractiveMessagesHttpContract {

  static final String CLOUD = "/v24.0/100000000000002/messages";
  static final String SEED = "/v2/messages";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  ApiClient api;
  MediaHost host;

  @BeforeEach
  void start() throws IOException {
    api = new ApiClient(port);
    host =
        new MediaHost()
            .serve("/photo.jpg", SampleFiles.jpeg(64, 48))
            .serve("/files/menu", SampleFiles.pdf());
  }

  @AfterEach
  void stop() {
    host.close();
  }

  String link(String path) {
    return host.link(path);
  }

  static ObjectNode buttons(int count) {
    ObjectNode interactive = JSON.createObjectNode().put("type", "button");
    interactive.putObject("body").put("text", "Pick one");
    ArrayNode buttons = interactive.putObject("action").putArray("buttons");
    for (int i = 0; i < count; i++) {
      ObjectNode button = buttons.addObject().put("type", "reply").put("index", i);
      button.putObject("reply").put("id", "opt_" + i).put("title", "Option " + i);
    }
    return interactive;
  }

  static ObjectNode list(int... rowsPerSection) {
    ObjectNode interactive = JSON.createObjectNode().put("type", "list");
    interactive.putObject("body").put("text", "Our menu");
    ObjectNode action = interactive.putObject("action").put("button", "Choose");
    ArrayNode sections = action.putArray("sections");
    int row = 0;
    for (int s = 0; s < rowsPerSection.length; s++) {
      ObjectNode section = sections.addObject().put("title", "Section " + s);
      ArrayNode rows = section.putArray("rows");
      for (int r = 0; r < rowsPerSection[s]; r++, row++) {
        rows.addObject().put("id", "row_" + row).put("title", "Row " + row);
      }
    }
    return interactive;
  }

  static ObjectNode ctaUrl(String displayText, String url) {
    ObjectNode interactive = JSON.createObjectNode().put("type", "cta_url");
    interactive.putObject("body").put("text", "See our site");
    ObjectNode action = interactive.putObject("action").put("name", "cta_url");
    action.putObject("parameters").put("display_text", displayText).put("url", url);
    return interactive;
  }

  static ObjectNode action(ObjectNode interactive) {
    return (ObjectNode) interactive.get("action");
  }

  static ObjectNode reply(ObjectNode interactive, int button) {
    return (ObjectNode) interactive.get("action").get("buttons").get(button).get("reply");
  }

  static ObjectNode section(ObjectNode interactive, int section) {
    return (ObjectNode) interactive.get("action").get("sections").get(section);
  }

  static ObjectNode row(ObjectNode interactive, int section, int row) {
    return (ObjectNode) section(interactive, section).get("rows").get(row);
  }

  Response send(String door, String to, JsonNode interactive) {
    ObjectNode body = JSON.createObjectNode();
    body.put("messaging_product", "whatsapp");
    body.put("to", to);
    body.put("type", "interactive");
    body.set("interactive", interactive);
    return api.postJson(door, TOKEN, body.toString());
  }

  JsonNode lastOn(String device) {
    Response listed = api.get("/v2/sandbox/devices/" + device + "/messages", TOKEN);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonNode data = listed.json().get("data");
    return data.get(data.size() - 1);
  }

  /** Refused with {@code code} on the Cloud door and 132000 on the seed's, naming the field. */
  void refused(String to, JsonNode interactive, int code, String details) {
    Response cloud = send(CLOUD, to, interactive);
    assertThat(cloud.status()).as(cloud.body()).isEqualTo(400);
    JsonNode error = cloud.json().get("error");
    assertThat(error.get("code").asInt()).as(cloud.body()).isEqualTo(code);
    assertThat(error.get("error_data").get("details").asString()).contains(details);
    Response seed = send(SEED, to, interactive);
    assertThat(seed.status()).as(seed.body()).isEqualTo(400);
    assertThat(seed.json().get("error_code").asInt()).as(seed.body()).isEqualTo(132000);
    assertThat(seed.json().get("details").asString()).contains(details);
  }

  void accepted(String door, String to, JsonNode interactive) {
    Response response = send(door, to, interactive);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  @Test
  void sendsThreeReplyButtonsAtEveryLimitAndStoresOnlyMetasFields() {
    String to = "+14155550401";
    ObjectNode most = buttons(3);
    for (int i = 0; i < 3; i++) {
      reply(most, i).put("id", "i".repeat(255) + i).put("title", "😀".repeat(19) + i);
    }
    most.putObject("header").put("type", "text").put("text", "h".repeat(60));
    most.putObject("body").put("text", "b".repeat(1024));
    most.putObject("footer").put("text", "f".repeat(60));
    most.put("unknown", "ignored");

    accepted(CLOUD, to, most);

    JsonNode received = lastOn(to);
    assertThat(received.get("type").asString()).isEqualTo("interactive");
    assertThat(received.get("body").asString()).isEqualTo("b".repeat(1024));
    JsonNode content = received.get("content");
    assertThat(content.get("type").asString()).isEqualTo("button");
    assertThat(content.get("header").get("text").asString()).hasSize(60);
    assertThat(content.get("footer").get("text").asString()).hasSize(60);
    assertThat(content.has("unknown")).isFalse();
    JsonNode button = content.get("action").get("buttons").get(2);
    assertThat(button.toString())
        .isEqualTo(
            "{\"type\":\"reply\",\"reply\":{\"id\":\""
                + "i".repeat(255)
                + "2\",\"title\":\""
                + "😀".repeat(19)
                + "2\"}}");
    accepted(SEED, to, buttons(1));
  }

  @Test
  void refusesReplyButtonsBeyondEachLimitNamingTheField() {
    String to = "+14155550402";
    refused(to, buttons(4), 131009, "interactive.action.buttons must have 1 to 3 items, had 4");
    refused(to, buttons(0), 131009, "interactive.action.buttons must have 1 to 3 items, had 0");
    ObjectNode longTitle = buttons(1);
    reply(longTitle, 0).put("title", "t".repeat(21));
    refused(
        to,
        longTitle,
        131009,
        "interactive.action.buttons[0].reply.title has 21 characters; the limit is 20");
    ObjectNode longId = buttons(1);
    reply(longId, 0).put("id", "i".repeat(257));
    refused(
        to,
        longId,
        131009,
        "interactive.action.buttons[0].reply.id has 257 characters; the limit is 256");
    ObjectNode padded = buttons(1);
    reply(padded, 0).put("id", "yes ");
    refused(
        to,
        padded,
        131009,
        "interactive.action.buttons[0].reply.id must not start or end with white space");
    ObjectNode sameId = buttons(2);
    reply(sameId, 1).put("id", "opt_0");
    refused(to, sameId, 131009, "interactive.action.buttons[1].reply.id 'opt_0' is used twice");
    ObjectNode sameTitle = buttons(3);
    reply(sameTitle, 2).put("title", "Option 0");
    refused(
        to,
        sameTitle,
        131009,
        "interactive.action.buttons[2].reply.title 'Option 0' is used twice");
    ObjectNode noTitle = buttons(1);
    reply(noTitle, 0).remove("title");
    refused(to, noTitle, 131008, "interactive.action.buttons[0].reply.title is required");
    ObjectNode notReply = buttons(1);
    ((ObjectNode) notReply.get("action").get("buttons").get(0)).put("type", "url");
    refused(
        to, notReply, 131009, "interactive.action.buttons[0].type must be one of reply; was 'url'");
    ObjectNode noAction = buttons(1);
    noAction.remove("action");
    refused(to, noAction, 131008, "interactive.action is required");
  }

  @Test
  void refusesTheCommonPartsBeyondTheirLimits() {
    String to = "+14155550403";
    ObjectNode longBody = buttons(1);
    longBody.putObject("body").put("text", "b".repeat(1025));
    refused(to, longBody, 131009, "interactive.body.text has 1025 characters; the limit is 1024");
    ObjectNode noBody = buttons(1);
    noBody.remove("body");
    refused(to, noBody, 131008, "interactive.body is required");
    ObjectNode emptyBody = list(1);
    emptyBody.putObject("body").put("text", "");
    refused(to, emptyBody, 131009, "interactive.body.text must not be empty");
    ObjectNode longFooter = list(1);
    longFooter.putObject("footer").put("text", "f".repeat(61));
    refused(to, longFooter, 131009, "interactive.footer.text has 61 characters; the limit is 60");
    ObjectNode longHeader = ctaUrl("Open", "https://example.com/");
    longHeader.putObject("header").put("type", "text").put("text", "h".repeat(61));
    refused(to, longHeader, 131009, "interactive.header.text has 61 characters; the limit is 60");
    ObjectNode noHeaderText = buttons(1);
    noHeaderText.putObject("header").put("type", "text");
    refused(to, noHeaderText, 131008, "interactive.header.text is required");
    ObjectNode audioHeader = buttons(1);
    audioHeader.putObject("header").put("type", "audio");
    refused(
        to,
        audioHeader,
        131009,
        "interactive.header.type must be one of text, image, video, document; was 'audio'");
    ObjectNode noType = buttons(1);
    noType.remove("type");
    refused(to, noType, 131008, "interactive.type is required");
    refused(
        to,
        JSON.createObjectNode().put("type", "poll"),
        131009,
        "interactive.type must be one of button, list, cta_url");
  }

  @Test
  void namesMetasOtherInteractiveTypesAsUnsupported() {
    String to = "+14155550404";
    for (String type :
        new String[] {
          "product", "product_list", "catalog_message", "flow", "location_request_message"
        }) {
      ObjectNode other = buttons(1).put("type", type);
      refused(to, other, 131051, "interactive.type '" + type + "' is not supported by this server");
    }
  }

  @Test
  void sendsAListOfTenSectionsAndTenRowsAtEveryLimit() {
    String to = "+14155550405";
    ObjectNode most = list(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    action(most).put("button", "B".repeat(20));
    for (int s = 0; s < 10; s++) {
      section(most, s).put("title", "s".repeat(23) + s);
      row(most, s, 0)
          .put("id", "r".repeat(199) + s)
          .put("title", "t".repeat(23) + s)
          .put("description", "d".repeat(72));
    }
    accepted(CLOUD, to, most);
    JsonNode content = lastOn(to).get("content");
    assertThat(content.get("action").get("button").asString()).isEqualTo("B".repeat(20));
    assertThat(content.get("action").get("sections")).hasSize(10);
    assertThat(
            content
                .get("action")
                .get("sections")
                .get(9)
                .get("rows")
                .get(0)
                .get("description")
                .asString())
        .hasSize(72);

    ObjectNode oneSection = list(10);
    section(oneSection, 0).remove("title");
    accepted(SEED, to, oneSection);
    accepted(CLOUD, to, list(4, 6));
  }

  @Test
  void refusesAListBeyondEachLimitNamingTheField() {
    String to = "+14155550406";
    refused(
        to,
        list(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
        131009,
        "interactive.action.sections must have 1 to 10 items, had 11");
    refused(
        to,
        list(5, 6),
        131009,
        "interactive.action.sections have 11 rows in total; the limit is 10 across all sections");
    refused(
        to,
        list(11),
        131009,
        "interactive.action.sections[0].rows must have 1 to 10 items, had 11");
    refused(
        to,
        list(1, 0),
        131009,
        "interactive.action.sections[1].rows must have 1 to 10 items, had 0");
    ObjectNode untitled = list(1, 1);
    section(untitled, 1).remove("title");
    refused(to, untitled, 131008, "interactive.action.sections[1].title is required");
    ObjectNode longSection = list(1);
    section(longSection, 0).put("title", "s".repeat(25));
    refused(
        to,
        longSection,
        131009,
        "interactive.action.sections[0].title has 25 characters; the limit is 24");
    ObjectNode longButton = list(1);
    action(longButton).put("button", "B".repeat(21));
    refused(to, longButton, 131009, "interactive.action.button has 21 characters; the limit is 20");
    ObjectNode blankButton = list(1);
    action(blankButton).put("button", " ");
    refused(to, blankButton, 131009, "interactive.action.button must not be blank");
    ObjectNode longRowId = list(1);
    row(longRowId, 0, 0).put("id", "r".repeat(201));
    refused(
        to,
        longRowId,
        131009,
        "interactive.action.sections[0].rows[0].id has 201 characters; the limit is 200");
    ObjectNode longRowTitle = list(1);
    row(longRowTitle, 0, 0).put("title", "t".repeat(25));
    refused(
        to,
        longRowTitle,
        131009,
        "interactive.action.sections[0].rows[0].title has 25 characters; the limit is 24");
    ObjectNode longDescription = list(1);
    row(longDescription, 0, 0).put("description", "d".repeat(73));
    refused(
        to,
        longDescription,
        131009,
        "interactive.action.sections[0].rows[0].description has 73 characters; the limit is 72");
    ObjectNode sameRow = list(2, 2);
    row(sameRow, 1, 1).put("id", "row_0");
    refused(to, sameRow, 131009, "interactive.action.sections[1].rows[1].id 'row_0' is used twice");
    ObjectNode imageHeader = list(1);
    imageHeader
        .putObject("header")
        .put("type", "image")
        .putObject("image")
        .put("link", link("/photo.jpg"));
    refused(
        to,
        imageHeader,
        131009,
        "interactive.header.type must be text for list messages; image, video and document"
            + " headers are for button messages only");
  }

  @Test
  void sendsACtaUrlAndRefusesABadOne() {
    String to = "+14155550407";
    accepted(CLOUD, to, ctaUrl("d".repeat(20), "https://example.com/menu?x=1"));
    JsonNode content = lastOn(to).get("content");
    assertThat(content.get("action").toString())
        .isEqualTo(
            "{\"name\":\"cta_url\",\"parameters\":{\"display_text\":\""
                + "d".repeat(20)
                + "\",\"url\":\"https://example.com/menu?x=1\"}}");
    accepted(SEED, to, ctaUrl("Open", "http://example.com/"));

    refused(
        to,
        ctaUrl("d".repeat(21), "https://example.com/"),
        131009,
        "interactive.action.parameters.display_text has 21 characters; the limit is 20");
    refused(
        to,
        ctaUrl("Open", "ftp://example.com/menu"),
        131009,
        "interactive.action.parameters.url must be an absolute https or http URL");
    refused(
        to,
        ctaUrl("Open", "/menu"),
        131009,
        "interactive.action.parameters.url must be an absolute https or http URL");
    ObjectNode wrongName = ctaUrl("Open", "https://example.com/");
    action(wrongName).put("name", "flow");
    refused(to, wrongName, 131009, "interactive.action.name must be one of cta_url; was 'flow'");
    ObjectNode noParameters = ctaUrl("Open", "https://example.com/");
    action(noParameters).remove("parameters");
    refused(to, noParameters, 131008, "interactive.action.parameters is required");
    ObjectNode noUrl = ctaUrl("Open", "https://example.com/");
    ((ObjectNode) action(noUrl).get("parameters")).remove("url");
    refused(to, noUrl, 131008, "interactive.action.parameters.url is required");
  }

  @Test
  void sendsReplyButtonsUnderAnImageOrDocumentHeaderFetchedLikeMedia() {
    String to = "+14155550408";
    ObjectNode image = buttons(2);
    image
        .putObject("header")
        .put("type", "image")
        .putObject("image")
        .put("link", link("/photo.jpg"));
    accepted(CLOUD, to, image);
    JsonNode received = lastOn(to);
    assertThat(received.get("media").get("mime_type").asString()).isEqualTo("image/jpeg");
    String mediaId = received.get("media").get("id").asString();
    assertThat(received.get("content").get("header").toString())
        .isEqualTo("{\"type\":\"image\",\"image\":{\"id\":\"" + mediaId + "\"}}");

    ObjectNode byId = buttons(1);
    byId.putObject("header").put("type", "image").putObject("image").put("id", mediaId);
    accepted(SEED, to, byId);
    ObjectNode document = buttons(1);
    document
        .putObject("header")
        .put("type", "document")
        .putObject("document")
        .put("link", link("/files/menu"))
        .put("filename", "Menu");
    accepted(CLOUD, to, document);
    assertThat(lastOn(to).get("content").get("header").get("document").get("filename").asString())
        .isEqualTo("Menu.pdf");

    ObjectNode captioned = buttons(1);
    captioned
        .putObject("header")
        .put("type", "image")
        .putObject("image")
        .put("id", mediaId)
        .put("caption", "no");
    refused(
        to,
        captioned,
        131009,
        "interactive.header.image.caption is not allowed: a media header has no caption");
    ObjectNode neither = buttons(1);
    neither.putObject("header").put("type", "video").putObject("video");
    refused(to, neither, 131008, "interactive.header.video.link");
    ObjectNode missing = buttons(1);
    missing.putObject("header").put("type", "image");
    refused(to, missing, 131008, "interactive.header.image is required");
  }

  @Test
  void aDeviceTapsAReplyButtonAndAListRowThatTheBusinessReceivesAsReplies() {
    String device = "+14155550409";
    Response sent = send(CLOUD, device.substring(1), buttons(2));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    String buttonsId = sent.json().get("messages").get(0).get("id").asString();
    ObjectNode menu = list(1, 2);
    row(menu, 1, 1).put("description", "Large, with extra cheese");
    Response listed = send(SEED, device.substring(1), menu);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    String listId = listed.json().get("message_id").asString();

    Response button = tap(device, buttonsId, "{\"id\": \"opt_1\"}");
    assertThat(button.status()).as(button.body()).isEqualTo(201);
    assertThat(button.json().get("reply_to").asString()).isEqualTo(buttonsId);
    Response row = tap(device, listId, "{\"id\": \"row_2\"}");
    assertThat(row.status()).as(row.body()).isEqualTo(201);

    JsonNode inbound =
        api.get("/v2/inbound-messages?from=%2B" + device.substring(1), TOKEN)
            .json()
            .get("messages");
    assertThat(inbound).hasSize(2);
    JsonNode listReply = inbound.get(0);
    assertThat(listReply.get("type").asString()).isEqualTo("interactive");
    assertThat(listReply.get("reply_to").asString()).isEqualTo(listId);
    assertThat(listReply.get("text").asString()).isEqualTo("Row 2");
    assertThat(listReply.get("content").toString())
        .isEqualTo(
            "{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"row_2\",\"title\":\"Row 2\","
                + "\"description\":\"Large, with extra cheese\"}}");
    JsonNode buttonReply = inbound.get(1);
    assertThat(buttonReply.get("reply_to").asString()).isEqualTo(buttonsId);
    assertThat(buttonReply.get("content").toString())
        .isEqualTo(
            "{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"opt_1\",\"title\":\"Option 1\"}}");

    Response unknown = tap(device, buttonsId, "{\"id\": \"opt_9\"}");
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.json().get("error_code").asInt()).isEqualTo(132000);
    assertThat(unknown.json().get("details").asString())
        .contains(
            "id 'opt_9' is not a reply button of " + buttonsId + "; its ids are opt_0, opt_1");
    Response unknownRow = tap(device, listId, "{\"id\": \"opt_1\"}");
    assertThat(unknownRow.status()).as(unknownRow.body()).isEqualTo(400);
    assertThat(unknownRow.json().get("details").asString()).contains("is not a list row of");

    Response link = send(CLOUD, device.substring(1), ctaUrl("Open", "https://example.com/"));
    Response cta =
        tap(device, link.json().get("messages").get(0).get("id").asString(), "{\"id\": \"x\"}");
    assertThat(cta.status()).as(cta.body()).isEqualTo(400);
    assertThat(cta.json().get("details").asString()).contains("is a cta_url message");
  }

  Response tap(String device, String messageId, String body) {
    return api.postJson(
        "/v2/sandbox/devices/" + device + "/messages/" + messageId + "/tap", TOKEN, body);
  }
}
