package org.openwaba.network;

import static org.openwaba.platform.JsonFields.absent;
import static org.openwaba.platform.JsonFields.array;
import static org.openwaba.platform.JsonFields.invalid;
import static org.openwaba.platform.JsonFields.object;
import static org.openwaba.platform.JsonFields.optionalText;
import static org.openwaba.platform.JsonFields.path;
import static org.openwaba.platform.JsonFields.text;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.JsonFields;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules for the location and contacts objects, in Meta's shape (reference/cloud-api.md §2.5,
 * §2.6), whichever side sends them: the business through either API door, or a sandbox device. One
 * set of rules for both directions, so what a business may send is exactly what it may receive.
 * Each method returns a clean copy holding only the fields Meta defines, so unknown fields never
 * reach devices or webhooks.
 *
 * <p>Meta publishes no limits for names, addresses or card fields; OpenWABA caps each string at
 * {@value #MAX_FIELD} characters and each list in a card at {@value #MAX_CARD_ITEMS} items, so that
 * a message stays a message.
 */
public final class MessageContents {

  /** Longest string in a location or contact card. */
  public static final int MAX_FIELD = 1024;

  /**
   * Most contact cards in one message: the seed's "Contacts per list: 256" (one SDK documents 257
   * for Meta; the seed is the promise this server keeps).
   */
  public static final int MAX_CONTACTS = 256;

  /** Most phones, emails, addresses or URLs in one card. */
  public static final int MAX_CARD_ITEMS = 20;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final List<String> NAME_FIELDS =
      List.of("first_name", "last_name", "middle_name", "prefix", "suffix");
  private static final List<String> PHONE_FIELDS = List.of("phone", "type", "wa_id");
  private static final List<String> EMAIL_FIELDS = List.of("email", "type");
  private static final List<String> ADDRESS_FIELDS =
      List.of("street", "city", "state", "zip", "country", "country_code", "type");
  private static final List<String> ORG_FIELDS = List.of("company", "department", "title");
  private static final List<String> URL_FIELDS = List.of("url", "type");

  private MessageContents() {}

  /**
   * A location: {@code latitude} −90 to 90 and {@code longitude} −180 to 180 (numbers, or strings
   * holding numbers), optional {@code name} and {@code address}.
   */
  public static ObjectNode location(@Nullable JsonNode node, String path) {
    JsonNode location = object(node, path);
    ObjectNode out = NODES.objectNode();
    out.put("latitude", JsonFields.number(location, "latitude", path, -90, 90));
    out.put("longitude", JsonFields.number(location, "longitude", path, -180, 180));
    copyText(location, out, "name", path);
    copyText(location, out, "address", path);
    return out;
  }

  /**
   * Contact cards: an array of 1 to {@value #MAX_CONTACTS} cards, or that array as a JSON-encoded
   * string (one popular library sends it so). Each card needs {@code name.formatted_name}; {@code
   * birthday} is {@code YYYY-MM-DD}.
   */
  public static ArrayNode contacts(@Nullable JsonNode node, String path) {
    JsonNode cards = node;
    if (!absent(node) && node.isString()) {
      try {
        cards = JSON.readTree(node.stringValue());
      } catch (JacksonException e) {
        throw invalid(path, path + " is a string that is not a JSON array of contact cards");
      }
    }
    array(cards, path, 1, MAX_CONTACTS);
    ArrayNode out = NODES.arrayNode();
    for (int i = 0; i < cards.size(); i++) {
      out.add(card(cards.get(i), path(path, i)));
    }
    return out;
  }

  private static ObjectNode card(JsonNode node, String path) {
    JsonNode card = object(node, path);
    ObjectNode out = NODES.objectNode();
    String namePath = path(path, "name");
    JsonNode name = object(card.get("name"), namePath);
    ObjectNode cleanName = NODES.objectNode();
    cleanName.put("formatted_name", text(name, "formatted_name", namePath, MAX_FIELD));
    for (String field : NAME_FIELDS) {
      copyText(name, cleanName, field, namePath);
    }
    out.set("name", cleanName);
    String birthday = optionalText(card, "birthday", path, 10);
    if (birthday != null) {
      try {
        LocalDate.parse(birthday);
      } catch (DateTimeParseException e) {
        throw invalid(
            path(path, "birthday"), path(path, "birthday") + " must be a date as YYYY-MM-DD");
      }
      out.put("birthday", birthday);
    }
    if (!absent(card.get("org"))) {
      String orgPath = path(path, "org");
      JsonNode org = object(card.get("org"), orgPath);
      ObjectNode cleanOrg = NODES.objectNode();
      for (String field : ORG_FIELDS) {
        copyText(org, cleanOrg, field, orgPath);
      }
      out.set("org", cleanOrg);
    }
    copyList(card, out, "phones", path, PHONE_FIELDS);
    copyList(card, out, "emails", path, EMAIL_FIELDS);
    copyList(card, out, "addresses", path, ADDRESS_FIELDS);
    copyList(card, out, "urls", path, URL_FIELDS);
    return out;
  }

  private static void copyList(
      JsonNode card, ObjectNode out, String name, String path, List<String> fields) {
    JsonNode items = card.get(name);
    if (absent(items)) {
      return;
    }
    String listPath = path(path, name);
    array(items, listPath, 0, MAX_CARD_ITEMS);
    ArrayNode clean = out.putArray(name);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path(listPath, i);
      JsonNode item = object(items.get(i), itemPath);
      ObjectNode cleanItem = clean.addObject();
      for (String field : fields) {
        copyText(item, cleanItem, field, itemPath);
      }
    }
  }

  private static void copyText(JsonNode from, ObjectNode to, String field, String path) {
    String value = optionalText(from, field, path, MAX_FIELD);
    if (value != null) {
      to.put(field, value);
    }
  }
}
