package org.openwaba.network.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.network.sandbox.store.StoredMessage;
import org.openwaba.platform.InvalidRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a device's user sends back by tapping a button or list row of a message it received, in
 * Meta's inbound shapes (reference/cloud-api.md §4.4): an {@code interactive} {@code button_reply}
 * or {@code list_reply}, or a {@code button} for a template's quick-reply button. Buttons that open
 * a link or dial a number act on the phone only and send nothing, so tapping them is refused.
 */
final class Taps {

  /**
   * @param type the inbound message's type
   * @param content its object, in Meta's inbound webhook shape
   * @param body the text the business's inbound list shows: the tapped button's or row's title
   */
  record Reply(String type, ObjectNode content, String body) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Taps() {}

  /**
   * @param id a reply button's or list row's id, for interactive messages
   * @param index a button's position in a template, from 0
   * @throws InvalidRequestException (400, 132000) if the message has no such button or row, or the
   *     button sends nothing
   */
  static Reply of(StoredMessage message, @Nullable String id, @Nullable Integer index) {
    if ((id == null) == (index == null)) {
      throw new InvalidRequestException(
          "Invalid tap",
          "give either id (a reply button's or list row's id) or index (a template button's"
              + " position, from 0), not both");
    }
    JsonNode content = message.content() == null ? null : JSON.readTree(message.content());
    return switch (message.type()) {
      case "interactive" -> interactive(message, content, id);
      case "template" -> template(message, content, index);
      default -> throw noButtons(message);
    };
  }

  private static Reply interactive(
      StoredMessage message, @Nullable JsonNode content, @Nullable String id) {
    if (content == null) {
      throw noButtons(message);
    }
    if (id == null) {
      throw new InvalidRequestException(
          "Invalid tap",
          "index is for template buttons; give the id of one of the buttons or rows of "
              + message.messageId());
    }
    String kind = content.path("type").asString("");
    JsonNode action = content.path("action");
    switch (kind) {
      case "button" -> {
        List<String> ids = new ArrayList<>();
        for (JsonNode button : action.path("buttons")) {
          JsonNode reply = button.path("reply");
          if (reply.path("id").asString("").equals(id)) {
            String title = reply.path("title").asString("");
            ObjectNode out = NODES.objectNode().put("type", "button_reply");
            out.putObject("button_reply").put("id", id).put("title", title);
            return new Reply("interactive", out, title);
          }
          ids.add(reply.path("id").asString(""));
        }
        throw unknown(message, id, "reply button", ids);
      }
      case "list" -> {
        List<String> ids = new ArrayList<>();
        for (JsonNode section : action.path("sections")) {
          for (JsonNode row : section.path("rows")) {
            if (row.path("id").asString("").equals(id)) {
              String title = row.path("title").asString("");
              ObjectNode out = NODES.objectNode().put("type", "list_reply");
              ObjectNode reply = out.putObject("list_reply").put("id", id).put("title", title);
              if (row.hasNonNull("description")) {
                reply.put("description", row.get("description").asString());
              }
              return new Reply("interactive", out, title);
            }
            ids.add(row.path("id").asString(""));
          }
        }
        throw unknown(message, id, "list row", ids);
      }
      case "cta_url" ->
          throw new InvalidRequestException(
              "Nothing to send",
              message.messageId()
                  + " is a cta_url message: its button opens a web page on the phone and sends"
                  + " nothing to the business");
      default -> throw noButtons(message);
    }
  }

  private static Reply template(
      StoredMessage message, @Nullable JsonNode content, @Nullable Integer index) {
    if (index == null) {
      throw new InvalidRequestException(
          "Invalid tap",
          "id is for interactive messages; give the index of a quick_reply button of template"
              + " message "
              + message.messageId());
    }
    JsonNode buttons = content == null ? null : content.path("rendered").path("buttons");
    if (buttons == null || !buttons.isArray() || buttons.isEmpty()) {
      throw noButtons(message);
    }
    if (index < 0 || index >= buttons.size()) {
      throw new InvalidRequestException(
          "Invalid tap",
          "index must be between 0 and "
              + (buttons.size() - 1)
              + " for the buttons of "
              + message.messageId()
              + ", was "
              + index);
    }
    JsonNode button = buttons.get(index);
    String type = button.path("type").asString("");
    if (!type.equals("quick_reply")) {
      throw new InvalidRequestException(
          "Nothing to send",
          "button "
              + index
              + " of "
              + message.messageId()
              + " is a "
              + type
              + " button: it acts on the phone (opens a link, dials, copies) and sends nothing to"
              + " the business; only quick_reply buttons do");
    }
    String text = button.path("text").asString("");
    String payload = button.path("payload").asString("");
    ObjectNode out = NODES.objectNode();
    out.put("text", text);
    // Meta sends the button's text as the payload when the business gave none.
    out.put("payload", payload.isEmpty() ? text : payload);
    return new Reply("button", out, text);
  }

  private static InvalidRequestException unknown(
      StoredMessage message, String id, String what, List<String> ids) {
    return new InvalidRequestException(
        "Invalid tap",
        "id '"
            + id
            + "' is not a "
            + what
            + " of "
            + message.messageId()
            + "; its ids are "
            + String.join(", ", ids));
  }

  private static InvalidRequestException noButtons(StoredMessage message) {
    return new InvalidRequestException(
        "Nothing to tap",
        message.messageId()
            + " is a "
            + message.type()
            + " message without reply buttons or a list: there is nothing to tap");
  }
}
