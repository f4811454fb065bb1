package org.openwaba.messaging.content;

import static org.openwaba.platform.JsonFields.array;
import static org.openwaba.platform.JsonFields.invalid;
import static org.openwaba.platform.JsonFields.object;
import static org.openwaba.platform.JsonFields.optionalText;
import static org.openwaba.platform.JsonFields.path;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openwaba.platform.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code action} objects of the interactive types this server sends, checked against Meta's
 * limits (reference/cloud-api.md §2.7, §2.12) and copied with only the fields Meta defines, so that
 * extra fields clients send (a button's {@code index}, …) never reach devices or webhooks.
 */
final class InteractiveActions {

  static final int MAX_BUTTONS = 3;
  static final int MAX_BUTTON_TITLE = 20;
  static final int MAX_BUTTON_ID = 256;
  static final int MAX_LIST_BUTTON = 20;
  static final int MAX_SECTIONS = 10;
  static final int MAX_SECTION_TITLE = 24;

  /** Meta counts list rows across all sections, not per section (pywa; §2.7). */
  static final int MAX_ROWS = 10;

  static final int MAX_ROW_ID = 200;
  static final int MAX_ROW_TITLE = 24;
  static final int MAX_ROW_DESCRIPTION = 72;
  static final int MAX_DISPLAY_TEXT = 20;

  /** Meta publishes no limit; browsers and proxies commonly stop near 2,048 characters. */
  static final int MAX_URL = 2048;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private InteractiveActions() {}

  /** Reply buttons: 1 to 3, ids and titles each unique within the message. */
  static ObjectNode buttons(JsonNode action, String path) {
    String listPath = path(path, "buttons");
    JsonNode buttons = array(action.get("buttons"), listPath, 1, MAX_BUTTONS);
    Set<String> ids = new HashSet<>();
    Set<String> titles = new HashSet<>();
    ObjectNode out = NODES.objectNode();
    ArrayNode clean = out.putArray("buttons");
    for (int i = 0; i < buttons.size(); i++) {
      String buttonPath = path(listPath, i);
      JsonNode button = object(buttons.get(i), buttonPath);
      JsonFields.oneOf(button, "type", buttonPath, List.of("reply"));
      String replyPath = path(buttonPath, "reply");
      JsonNode reply = object(button.get("reply"), replyPath);
      String id = JsonFields.text(reply, "id", replyPath, MAX_BUTTON_ID);
      JsonFields.requireTrimmed(id, path(replyPath, "id"));
      JsonFields.requireUnique(ids, id, path(replyPath, "id"));
      String title = label(reply, "title", replyPath, MAX_BUTTON_TITLE);
      JsonFields.requireUnique(titles, title, path(replyPath, "title"));
      ObjectNode cleanReply = clean.addObject().put("type", "reply").putObject("reply");
      cleanReply.put("id", id);
      cleanReply.put("title", title);
    }
    return out;
  }

  /**
   * A list: the label of the button that opens it, 1 to 10 sections (titled when there are
   * several), and at most 10 rows in all, with ids unique across the whole list.
   */
  static ObjectNode list(JsonNode action, String path) {
    ObjectNode out = NODES.objectNode();
    out.put("button", label(action, "button", path, MAX_LIST_BUTTON));
    String sectionsPath = path(path, "sections");
    JsonNode sections = array(action.get("sections"), sectionsPath, 1, MAX_SECTIONS);
    boolean titled = sections.size() > 1;
    Set<String> ids = new HashSet<>();
    int rowsSoFar = 0;
    ArrayNode cleanSections = out.putArray("sections");
    for (int s = 0; s < sections.size(); s++) {
      String sectionPath = path(sectionsPath, s);
      JsonNode section = object(sections.get(s), sectionPath);
      ObjectNode cleanSection = cleanSections.addObject();
      String title =
          titled
              ? label(section, "title", sectionPath, MAX_SECTION_TITLE)
              : optionalText(section, "title", sectionPath, MAX_SECTION_TITLE);
      if (title != null) {
        cleanSection.put("title", title);
      }
      String rowsPath = path(sectionPath, "rows");
      JsonNode rows = array(section.get("rows"), rowsPath, 1, MAX_ROWS);
      rowsSoFar += rows.size();
      if (rowsSoFar > MAX_ROWS) {
        throw invalid(
            sectionsPath,
            sectionsPath
                + " have "
                + totalRows(sections)
                + " rows in total; the limit is "
                + MAX_ROWS
                + " across all sections");
      }
      ArrayNode cleanRows = cleanSection.putArray("rows");
      for (int r = 0; r < rows.size(); r++) {
        String rowPath = path(rowsPath, r);
        JsonNode row = object(rows.get(r), rowPath);
        String id = JsonFields.text(row, "id", rowPath, MAX_ROW_ID);
        JsonFields.requireUnique(ids, id, path(rowPath, "id"));
        ObjectNode cleanRow = cleanRows.addObject();
        cleanRow.put("id", id);
        cleanRow.put("title", label(row, "title", rowPath, MAX_ROW_TITLE));
        String description = optionalText(row, "description", rowPath, MAX_ROW_DESCRIPTION);
        if (description != null) {
          cleanRow.put("description", description);
        }
      }
    }
    return out;
  }

  /** A call-to-action button that opens a web address. */
  static ObjectNode ctaUrl(JsonNode action, String path) {
    JsonFields.oneOf(action, "name", path, List.of("cta_url"));
    String parametersPath = path(path, "parameters");
    JsonNode parameters = object(action.get("parameters"), parametersPath);
    ObjectNode out = NODES.objectNode().put("name", "cta_url");
    ObjectNode clean = out.putObject("parameters");
    clean.put("display_text", label(parameters, "display_text", parametersPath, MAX_DISPLAY_TEXT));
    clean.put("url", JsonFields.httpUrl(parameters, "url", parametersPath, MAX_URL).toString());
    return out;
  }

  /** Text a user reads on a button or row: required, and more than white space. */
  private static String label(JsonNode parent, String name, String parentPath, int max) {
    String value = JsonFields.text(parent, name, parentPath, max);
    if (value.isBlank()) {
      throw invalid(path(parentPath, name), path(parentPath, name) + " must not be blank");
    }
    return value;
  }

  private static int totalRows(JsonNode sections) {
    int total = 0;
    for (JsonNode section : sections) {
      JsonNode rows = section.get("rows");
      total += rows != null && rows.isArray() ? rows.size() : 0;
    }
    return total;
  }
}
